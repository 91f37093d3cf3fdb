package io.poka.admin.internal;

import io.poka.inspections.DefectClassCount;
import io.poka.inspections.InspectionsApi;
import io.poka.platform.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Pareto chart of the defect classes inspections found, per line and product over a range, so a QA manager sees which
 * class of defect dominates. The bars are InspectionsApi.defectClassPareto, the numbers the REST endpoint gives.
 */
@Path("/ui/defect-pareto")
@Produces(MediaType.TEXT_HTML)
public class DefectParetoPage {
    /** Default range: the last 30 days, as the REST endpoint. */
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance defectPareto(String line, String product, ChartsPage.Range range,
                List<DefectClassCount> bars, long total, String svg);
    }

    private final InspectionsApi inspections;
    private final Clock clock;

    DefectParetoPage(InspectionsApi inspections, Clock clock) {
        this.inspections = inspections;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public TemplateInstance pareto(@QueryParam("line") String line, @QueryParam("product") String product,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        ChartsPage.Range range = ChartsPage.range(from, to, DEFAULT_RANGE, clock);
        String l = AlertsPage.blankToNull(line);
        String p = AlertsPage.blankToNull(product);
        List<DefectClassCount> bars = inspections.defectClassPareto(l, p, range.from(), range.to());
        long total = bars.stream().mapToLong(DefectClassCount::nonconforming).sum();
        return Templates.defectPareto(l, p, range, bars, total, SvgCharts.defectPareto(bars));
    }
}
