package io.poka.admin.internal;

import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import io.poka.spc.RuleFiringCount;
import io.poka.spc.SpcApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Pareto chart of the rule firings on a line, per rule or per rule and variable, so a QA manager sees the few rules
 * (and characteristics) behind most alarms. The bars are SpcApi.ruleFiringPareto, the numbers the REST endpoint gives.
 */
@Path("/ui/rule-pareto")
@Produces(MediaType.TEXT_HTML)
public class ParetoPage {
    /** Default range: the last 24 hours, as the REST endpoint. */
    static final Duration DEFAULT_RANGE = Duration.ofHours(24);

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance pareto(String line, ChartsPage.Range range, boolean perVariable,
                List<RuleFiringCount> bars, long total, String svg);
    }

    private final SpcApi spc;
    private final Clock clock;

    ParetoPage(SpcApi spc, Clock clock) {
        this.spc = spc;
        this.clock = clock;
    }

    @GET
    @Path("/{line}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public TemplateInstance pareto(@PathParam("line") String line, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("by") String by) {
        if (by != null && !by.isBlank() && !by.equals("rule") && !by.equals("variable")) {
            throw new ValidationProblem("by", "one of rule, variable");
        }
        boolean perVariable = "variable".equals(by);
        ChartsPage.Range range = ChartsPage.range(from, to, DEFAULT_RANGE, clock);
        List<RuleFiringCount> bars = spc.ruleFiringPareto(line, range.from(), range.to(), perVariable);
        long total = bars.stream().mapToLong(RuleFiringCount::firings).sum();
        return Templates.pareto(line, range, perVariable, bars, total, SvgCharts.pareto(bars, perVariable));
    }
}
