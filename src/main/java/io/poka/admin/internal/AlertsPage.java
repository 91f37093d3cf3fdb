package io.poka.admin.internal;

import io.poka.alerts.AlertQuery;
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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Alert triage: the list (most severe and newest first, filtered by status, line, severity and label) and one alert
 * with its chart link. Acknowledge, resolve and mark-as-false-alarm are the alerts module's REST calls from the page.
 */
@Path("/ui/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertsPage {
    /** Status filter value meaning OPEN or ACKNOWLEDGED (the triage default). */
    static final String UNRESOLVED = "UNRESOLVED";
    /** Status filter value meaning any status. */
    static final String ANY = "ANY";
    private static final int LIMIT = 200;
    /** Chart context shown around the alert's points. */
    private static final Duration CHART_MARGIN = Duration.ofHours(1);

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance alerts(List<AlertRow> alerts, Filter filter);

        static native TemplateInstance alert(AlertRow alert, List<AuditEntry> history);
    }

    /** The filter as chosen in the form (empty = any). */
    public record Filter(String status, String line, String severity, String label) {
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
            @QueryParam("severity") String severity, @QueryParam("label") String label) {
        Filter filter = new Filter(status == null || status.isBlank() ? UNRESOLVED : status, blankToNull(line),
                blankToNull(severity),
                blankToNull(label));
        List<AlertView> found;
        if (filter.status().equals(UNRESOLVED)) {
            found = new ArrayList<>(query(filter, "OPEN"));
            found.addAll(query(filter, "ACKNOWLEDGED"));
            found.sort(Comparator.comparing((AlertView a) -> severityRank(a.severity()))
                    .thenComparing(AlertView::raisedAt, Comparator.reverseOrder()));
        } else {
            found = query(filter, filter.status().equals(ANY) ? null : filter.status());
        }
        return Templates.alerts(found.stream().limit(LIMIT).map(AlertRow::of).toList(), filter);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance detail(@PathParam("id") UUID id) {
        AlertRow alert = AlertRow.of(alerts.alert(id).orElseThrow(() -> new NotFoundProblem("Alert", id)));
        // the trail of one record is open to QA managers and auditors (as GET /api/v1/audit/entities/.../history)
        List<AuditEntry> history = viewer.isQaManager() || viewer.isAuditor()
                ? audit.history("Alert", id.toString()) : List.of();
        return Templates.alert(alert, history);
    }

    private List<AlertView> query(Filter f, String status) {
        return alerts.alerts(new AlertQuery(status, f.line(), f.severity(), f.label(), true, LIMIT));
    }

    private static int severityRank(String severity) {
        return switch (severity) {
            case "HIGH" -> 0;
            case "MEDIUM" -> 1;
            default -> 2;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
