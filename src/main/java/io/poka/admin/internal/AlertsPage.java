package io.poka.admin.internal;

import io.poka.alerts.AlertPage;
import io.poka.alerts.AlertQuery;
import io.poka.alerts.IncidentPage;
import io.poka.alerts.IncidentQuery;
import io.poka.alerts.AlertView;
import io.poka.alerts.AlertsApi;
import io.poka.audit.AuditApi;
import io.poka.audit.AuditEntry;
import io.poka.platform.NotFoundProblem;
import io.poka.spc.SpcApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Alert triage: the line's unresolved incidents first (where to start), then the alerts (most severe and newest first,
 * filtered by status, line, severity, label and incident, paged with the total, acknowledged in bulk) and one alert
 * with its chart link. Acknowledge, resolve and mark-as-false-alarm are the alerts module's REST calls from the page.
 */
@Path("/ui/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertsPage {
    /** Status filter value meaning OPEN or ACKNOWLEDGED (the triage default). */
    static final String UNRESOLVED = "UNRESOLVED";
    /** Status filter value meaning any status. */
    static final String ANY = "ANY";
    /** Alerts per page. */
    static final int PAGE_SIZE = 200;
    /** Unresolved incidents shown above the alerts. */
    private static final int INCIDENTS_SHOWN = 10;
    /** Chart context shown around the alert's points. */
    private static final Duration CHART_MARGIN = Duration.ofHours(1);

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance alerts(List<AlertRow> alerts, Filter filter, Paging paging,
                IncidentPage incidents);

        static native TemplateInstance alert(AlertRow alert, List<AuditEntry> history);
    }

    /** The filter as chosen in the form (empty = any); {@code incident} narrows to one incident's alerts. */
    public record Filter(String status, String line, String severity, String label, UUID incident) {

        /** This filter on another page (from 0), as a link. */
        public String pageLink(long page) {
            List<String> parts = new ArrayList<>();
            parts.add("status=" + encode(status));
            add(parts, "line", line);
            add(parts, "severity", severity);
            add(parts, "label", label);
            add(parts, "incident", incident == null ? null : incident.toString());
            parts.add("page=" + page);
            return "/ui/alerts?" + String.join("&", parts);
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null) {
                parts.add(name + "=" + encode(value));
            }
        }
    }

    /** An alert with what the template shows about it in words and links. */
    public record AlertRow(AlertView a, String severityClass, String statusClass, String statusWord, String labelWord,
            String chartLink) {

        static AlertRow of(AlertView a) {
            String statusClass = switch (a.status()) {
                case "OPEN" -> "warn";
                case "ACKNOWLEDGED" -> "info";
                default -> "good";
            };
            String statusWord = a.status().charAt(0) + a.status().substring(1).toLowerCase();
            String label = a.label() == null ? "" : a.label().equals("FALSE_ALARM") ? "False alarm" : "True positive";
            String link = (SpcApi.ATTRIBUTE_CHARTS_LINE.equals(a.line())
                    ? "/ui/attribute-charts/" + encode(a.variable())
                    : "/ui/charts/" + encode(a.line()) + "/" + encode(a.variable()))
                    + "?from=" + encode(a.firstPointAt().minus(CHART_MARGIN).toString())
                    + "&to=" + encode(a.lastPointAt().plus(CHART_MARGIN).toString());
            return new AlertRow(a, a.severity().toLowerCase(), statusClass, statusWord, label, link);
        }

        /** An instant in UTC ISO 8601 to the second, as the page shows times ("" for none). */
        public String utc(Instant t) {
            return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
        }

        public boolean isOpen() {
            return a.status().equals("OPEN");
        }

        public boolean isResolved() {
            return a.status().equals("RESOLVED");
        }
    }

    @Inject
    AlertsApi alerts;

    @Inject
    AuditApi audit;

    @Inject
    Viewer viewer;

    @GET
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("line") String line,
            @QueryParam("severity") String severity, @QueryParam("label") String label,
            @QueryParam("incident") UUID incident, @QueryParam("page") Integer page) {
        Filter filter = new Filter(status == null || status.isBlank() ? UNRESOLVED : status, blankToNull(line),
                blankToNull(severity), blankToNull(label), incident);
        AlertPage found = alerts.alertPage(new AlertQuery(filter.status().equals(ANY) ? null : filter.status(),
                filter.line(), filter.severity(), filter.label(), true, PAGE_SIZE, incident, page == null ? 0 : page));
        IncidentPage incidents = alerts.incidents(new IncidentQuery(filter.line(), UNRESOLVED, null, null, null, true,
                0, INCIDENTS_SHOWN));
        return Templates.alerts(found.items().stream().map(AlertRow::of).toList(), filter,
                Paging.of(found.page(), found.size(), found.total(), filter::pageLink), incidents);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance detail(@PathParam("id") UUID id) {
        AlertRow alert = AlertRow.of(alerts.alert(id).orElseThrow(() -> new NotFoundProblem("Alert", id)));
        return Templates.alert(alert, trail(viewer, audit, "Alert", id));
    }

    /** The audit trail of one record, open to QA managers and auditors (as GET /api/v1/audit/entities/.../history). */
    static List<AuditEntry> trail(Viewer viewer, AuditApi audit, String entityType, UUID id) {
        return viewer.isQaManager() || viewer.isAuditor() ? audit.history(entityType, id.toString()) : List.of();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
