package io.poka.admin.internal;

import io.poka.alerts.AlertView;
import io.poka.alerts.AlertsApi;
import io.poka.alerts.IncidentPage;
import io.poka.alerts.IncidentQuery;
import io.poka.alerts.IncidentView;
import io.poka.alerts.OpenAlertCount;
import io.poka.lots.LotStatus;
import io.poka.lots.LotsApi;
import io.poka.scoring.ActiveModel;
import io.poka.scoring.ScoringApi;
import io.poka.spc.CapabilitySummary;
import io.poka.spc.CpkBand;
import io.poka.spc.SpcApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Comparator;
import java.util.List;

/** The shift's first screen: the unresolved incidents per line first, then what is out of control, what is held, and how capable and watched the processes are. */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {
    private static final int HELD_LOTS_SHOWN = 10;
    private static final int INCIDENTS_SHOWN = 20;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance dashboard(Dashboard board);
    }

    @Inject
    AlertsApi alerts;

    @Inject
    LotsApi lots;

    @Inject
    SpcApi spc;

    @Inject
    ScoringApi scoring;

    @GET
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance dashboard() {
        List<CapabilitySummary> capability = spc.capabilitySummary().stream()
                .sorted(Comparator.comparing((CapabilitySummary c) -> bandOrder(c.band()))
                        .thenComparing(CapabilitySummary::line).thenComparing(CapabilitySummary::variable))
                .toList();
        return Templates.dashboard(new Dashboard(
                alerts.openAlertCounts(),
                OutOfControl.of(alerts.unresolved()),
                lots.search(LotsApi.LotQuery.inStatus(LotStatus.ON_HOLD, HELD_LOTS_SHOWN)),
                lots.search(LotsApi.LotQuery.inStatus(LotStatus.QUARANTINED, HELD_LOTS_SHOWN)),
                capability,
                scoring.activeModels(),
                alerts.incidents(new IncidentQuery(null, AlertsPage.UNRESOLVED, null, null, null, true, 0,
                        INCIDENTS_SHOWN))));
    }

    private static int bandOrder(CpkBand band) {
        return switch (band) {
            case BAD -> 0;
            case WARN -> 1;
            case UNKNOWN -> 2;
            case GOOD -> 3;
        };
    }

    /** Everything the dashboard shows, read once per request from the modules' public APIs. */
    public record Dashboard(List<OpenAlertCount> alertCounts, List<OutOfControl> outOfControl,
            LotsApi.LotPage onHold, LotsApi.LotPage quarantined, List<CapabilitySummary> capability,
            List<ActiveModel> models, IncidentPage incidents) {

        /** Lines with an unresolved incident. */
        public long linesWithIncidents() {
            return incidents.items().stream().map(IncidentView::line).distinct().count();
        }

        public int openAlerts() {
            return alertCounts.stream().mapToInt(OpenAlertCount::open).sum();
        }

        public int openAlerts(String severity) {
            return alertCounts.stream().filter(c -> severity.equals(c.severity())).mapToInt(OpenAlertCount::open).sum();
        }

        public long capabilityIn(String band) {
            return capability.stream().filter(c -> c.band().name().equals(band)).count();
        }

        public long modelsAboveTarget() {
            return models.stream().filter(m -> m.health().status() == ActiveModel.Status.ABOVE_TARGET).count();
        }
    }

    /** A process (line and variable) with unresolved alerts: how many, the worst severity, the latest rule and point. */
    public record OutOfControl(String line, String variable, int alerts, String worstSeverity, String latestRule,
            String latestRuleDescription, java.time.Instant lastPointAt) {

        /** The page of the chart: an attribute chart by its name, a catalogue variable by line and variable. */
        public String chartLink() {
            return io.poka.spc.SpcApi.ATTRIBUTE_CHARTS_LINE.equals(line)
                    ? "/ui/attribute-charts/" + ChartFormats.path(variable)
                    : "/ui/charts/" + ChartFormats.path(line) + "/" + ChartFormats.path(variable);
        }

        static List<OutOfControl> of(List<AlertView> unresolved) {
            var byProcess = new java.util.TreeMap<String, List<AlertView>>();
            for (AlertView a : unresolved) {
                byProcess.computeIfAbsent(a.line() + "\u0000" + a.variable(), k -> new java.util.ArrayList<>()).add(a);
            }
            return byProcess.values().stream().map(OutOfControl::summarise)
                    .sorted(Comparator.comparing((OutOfControl o) -> severityOrder(o.worstSeverity()))
                            .thenComparing(OutOfControl::lastPointAt, Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
        }

        private static OutOfControl summarise(List<AlertView> alerts) {
            AlertView latest = alerts.stream().max(Comparator.comparing(AlertView::lastPointAt,
                    Comparator.nullsFirst(Comparator.naturalOrder()))).orElseThrow();
            String worst = alerts.stream().map(AlertView::severity)
                    .min(Comparator.comparing(OutOfControl::severityOrder)).orElse("LOW");
            return new OutOfControl(latest.line(), latest.variable(), alerts.size(), worst, latest.ruleId(),
                    latest.ruleDescription(), latest.lastPointAt());
        }

        private static int severityOrder(String severity) {
            return switch (severity == null ? "" : severity) {
                case "HIGH" -> 0;
                case "MEDIUM" -> 1;
                default -> 2;
            };
        }
    }
}
