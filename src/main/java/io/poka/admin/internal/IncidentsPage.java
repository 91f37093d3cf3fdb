package io.poka.admin.internal;

import io.poka.alerts.AlertsApi;
import io.poka.alerts.IncidentDetail;
import io.poka.alerts.IncidentPage;
import io.poka.alerts.IncidentQuery;
import io.poka.audit.AuditApi;
import io.poka.audit.AuditEntry;
import io.poka.platform.NotFoundProblem;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Incident triage, the first place to look when a line goes out of control: the incidents (most severe first, paged,
 * acknowledged in bulk) and one incident with its evidence (ranked variables, alerts, anomaly scores) and the actions.
 * The actions are the alerts module's REST calls from the page.
 */
@Path("/ui/incidents")
@Produces(MediaType.TEXT_HTML)
public class IncidentsPage {
    static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance incidents(IncidentPage incidents, Filter filter, Paging paging);

        static native TemplateInstance incident(IncidentDetail detail, List<AuditEntry> history);
    }

    /** The filter as chosen in the form; status UNRESOLVED (open or acknowledged) or ANY besides the statuses. */
    public record Filter(String status, String line, String severity) {

        /** This filter on another page (from 0), as a link. */
        public String pageLink(long page) {
            return "/ui/incidents?status=" + AlertsPage.encode(status) + (line == null ? "" : "&line="
                    + AlertsPage.encode(line)) + (severity == null ? "" : "&severity=" + severity) + "&page=" + page;
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
            @QueryParam("severity") String severity, @QueryParam("page") Integer page) {
        Filter filter = new Filter(status == null || status.isBlank() ? AlertsPage.UNRESOLVED : status,
                AlertsPage.blankToNull(line), AlertsPage.blankToNull(severity));
        IncidentPage found = alerts.incidents(new IncidentQuery(filter.line(),
                filter.status().equals(AlertsPage.ANY) ? null : filter.status(), filter.severity(), null, null, true,
                page == null ? 0 : page, PAGE_SIZE));
        return Templates.incidents(found, filter, Paging.of(found.page(), found.size(), found.total(),
                filter::pageLink));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance detail(@PathParam("id") UUID id) {
        IncidentDetail detail = alerts.incidentDetail(id).orElseThrow(() -> new NotFoundProblem("Incident", id));
        return Templates.incident(detail, AlertsPage.trail(viewer, audit, "Incident", id));
    }
}
