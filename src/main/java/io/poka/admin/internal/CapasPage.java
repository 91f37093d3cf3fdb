package io.poka.admin.internal;

import io.poka.capa.CapaApi;
import io.poka.capa.CapaApi.CapaDetail;
import io.poka.capa.CapaStatus;
import io.poka.capa.CapaView;
import io.poka.ncr.NcrApi;
import io.poka.ncr.NcrView;
import io.poka.platform.NotFoundProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The CAPA pages for QA: the list by due date (overdue ones marked), one CAPA with its criterion, evaluations,
 * signed history and the moves its status allows (each a call of the CAPA REST API from the browser), and the quality
 * reports' download links.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class CapasPage {
    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance capas(List<CapaView> capas, String status, List<CapaStatus> statuses,
                String defaultDue, String ncrId, NcrView ncr);

        static native TemplateInstance capa(CapaDetail detail, NcrView ncr);

        static native TemplateInstance qualityReports(List<Report> reports);
    }

    /** A quality report of /api/v1/quality-reports: its path segment, title, and whether it takes a from/to range. */
    public record Report(String slug, String title, boolean ranged, boolean ranked) {
    }

    static final List<Report> REPORTS = List.of(new Report("defect-pareto", "Pareto of defect codes", true, true),
            new Report("ncr-ageing", "NCR ageing", false, false),
            new Report("capa-on-time", "CAPA on-time rate", true, false),
            new Report("cost-of-poor-quality", "Cost of poor quality per month", true, false));

    private final CapaApi capas;
    private final NcrApi ncrs;
    private final java.time.Clock clock;

    CapasPage(CapaApi capas, NcrApi ncrs, java.time.Clock clock) {
        this.capas = capas;
        this.ncrs = ncrs;
        this.clock = clock;
    }

    @GET
    @Path("/capas")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("ncrId") String ncrId) {
        CapaStatus filter = null;
        try {
            filter = status == null || status.isBlank() ? null : CapaStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            status = null;
        }
        String due = clock.instant().plus(java.time.Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .toString();
        // opened from an NCR's page: the form names the report and starts from its line
        NcrView ncr = null;
        try {
            ncr = ncrId == null || ncrId.isBlank() ? null : ncrs.find(UUID.fromString(ncrId.strip())).orElse(null);
        } catch (IllegalArgumentException e) {
            ncr = null;
        }
        return Templates.capas(capas.list(filter, 500), status, Arrays.asList(CapaStatus.values()), due, ncrId, ncr);
    }

    @GET
    @Path("/capas/{id}")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance capa(@PathParam("id") UUID id) {
        CapaDetail detail = capas.detail(id).orElseThrow(() -> new NotFoundProblem("Capa", id));
        NcrView ncr = detail.capa().ncrId() == null ? null : ncrs.find(detail.capa().ncrId()).orElse(null);
        return Templates.capa(detail, ncr);
    }

    @GET
    @Path("/quality-reports")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance reports() {
        return Templates.qualityReports(REPORTS);
    }
}
