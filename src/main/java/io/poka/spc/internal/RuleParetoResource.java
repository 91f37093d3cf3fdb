package io.poka.spc.internal;

import io.poka.platform.Roles;
import io.poka.spc.RuleFiringCount;
import io.poka.spc.internal.pareto.RuleFiringPareto;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pareto of rule firings per line over a range (per rule, or per rule and variable). */
@Path("/api/v1/spc/lines/{line}/rule-pareto")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SPC", description = "Control charts, limits and capability")
public class RuleParetoResource {
    private final RuleFiringPareto pareto;

    RuleParetoResource(RuleFiringPareto pareto) {
        this.pareto = pareto;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "getSpcRuleFiringPareto",
            summary = "Rule firings on a line over [from, to) (default: the last 24 hours), most first, with the cumulative share",
            description = "by=rule (default) counts per rule; by=variable per rule and variable. Bad time 400 problem.")
    public List<RuleFiringCount> pareto(@PathParam("line") String line, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("by") String by) {
        Instant end = SpcResource.instant("to", to, Instant.now());
        if (by != null && !by.equals("rule") && !by.equals("variable")) {
            throw new io.poka.platform.ValidationProblem("by", "one of rule, variable");
        }
        return pareto.count(line, SpcResource.instant("from", from, end.minusSeconds(86_400)), end, "variable".equals(by));
    }
}
