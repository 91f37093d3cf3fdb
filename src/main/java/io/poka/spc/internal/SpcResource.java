package io.poka.spc.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.poka.platform.Roles;
import io.poka.spc.ControlLimitsView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Control charts of catalogue variables: chart over a time range, limits versions, capability. */
@Path("/api/v1/spc/charts/{line}/{variable}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "SPC", description = "Control charts, limits and capability")
public class SpcResource {
    private final SpcService spc;
    private final ChartRulesService rules;
    private final SecurityIdentity identity;

    SpcResource(SpcService spc, ChartRulesService rules, SecurityIdentity identity) {
        this.spc = spc;
        this.rules = rules;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "getControlChart", summary = "The chart over [from, to): points per plotted statistic, limits (with version) and violations",
            description = "Default range: the last 24 hours. limitsVersion picks an older frozen version.")
    public io.poka.spc.ChartView chart(@PathParam("line") String line, @PathParam("variable") String variable,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limitsVersion") Integer limitsVersion) {
        Instant end = instant("to", to, Instant.now().plusSeconds(600));
        return spc.chart(line, variable, instant("from", from, end.minusSeconds(86_400)), end, limitsVersion);
    }

    @GET
    @Path("/limits")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "listControlLimits", summary = "All frozen limits versions, oldest first")
    public List<ControlLimitsView> limits(@PathParam("line") String line, @PathParam("variable") String variable) {
        return spc.limitsVersions(line, variable);
    }

    @POST
    @Path("/limits/phase-one")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "estimateControlLimits", summary = "Estimate limits from a baseline of stored readings and freeze them as the next version",
            description = "Body: from, to, excluded (point times of assignable cause), iterate (drop points beyond "
                    + "the revised limits until none remain), sigmaMultiplier (default 3).")
    @APIResponse(responseCode = "201", description = "Frozen as the next version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ControlLimitsView.class)))
    public Response phaseOne(@PathParam("line") String line, @PathParam("variable") String variable,
            SpcService.PhaseOneRequest request) {
        return Response.status(201).entity(spc.freezePhaseOne(line, variable, request, user())).build();
    }

    @POST
    @Path("/limits/phase-one-check")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "checkSpcPhaseOneBaseline",
            summary = "Judge a baseline without freezing: size and effective size against the minimums, "
                    + "autocorrelation (Ljung-Box), normality (Anderson-Darling) and the recommended chart",
            description = "Body as for phase-one. Changes nothing; the same check is stored with limits frozen from it.")
    public io.poka.spc.BaselineCheck phaseOneCheck(@PathParam("line") String line,
            @PathParam("variable") String variable, SpcService.PhaseOneRequest request) {
        return spc.checkPhaseOne(line, variable, request);
    }

    @POST
    @Path("/limits/entered")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "enterControlLimits", summary = "Freeze limits taken from a validated study (center, sigma, studyReference) as the next version")
    @APIResponse(responseCode = "201", description = "Frozen as the next version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ControlLimitsView.class)))
    public Response entered(@PathParam("line") String line, @PathParam("variable") String variable,
            @jakarta.validation.Valid SpcService.EnteredLimitsRequest request) {
        return Response.status(201).entity(spc.freezeEntered(line, variable, request, user())).build();
    }

    @GET
    @Path("/capability")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "getProcessCapability", summary = "Cp, Cpk, Cpu, Cpl (within sigma, named), Pp, Ppk (overall sigma), Cpm, intervals and normality",
            description = "Without from and to: over the newest poka.spc.capability-summary-readings readings, the "
                    + "capability every screen shows. meaningful=false while the chart shows the process out of control.")
    public io.poka.spc.CapabilityView capability(@PathParam("line") String line, @PathParam("variable") String variable,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            return spc.currentCapability(line, variable);
        }
        Instant end = instant("to", to, Instant.now().plusSeconds(600));
        return spc.capability(line, variable, instant("from", from, end.minusSeconds(86_400)), end);
    }

    @GET
    @Path("/capability/report")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "getProcessCapabilityReport", summary = "The capability every screen shows, as a printable one-page PDF",
            description = "Indices with confidence intervals, the sigma each uses, the data range, Anderson-Darling, "
                    + "the meaningful flag and the histogram with the fitted normal curve and the specification limits.")
    @APIResponse(responseCode = "200", description = "The report (attachment)",
            headers = {@org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Content-Disposition")},
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response capabilityReport(@PathParam("line") String line, @PathParam("variable") String variable) {
        byte[] pdf = spc.capabilityReport(line, variable, user());
        return Response.ok(pdf, "application/pdf").header("Content-Disposition",
                "attachment; filename=\"capability-" + fileName(line) + "-" + fileName(variable) + ".pdf\"").build();
    }

    private static String fileName(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @GET
    @Path("/rules")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "getSpcChartRules", summary = "The run rules the characteristic's chart is evaluated with",
            description = "source CHARACTERISTIC: chosen for it (who, when, why); CATALOGUE_RULE_SET: the catalogue's named set.")
    public io.poka.spc.ChartRulesView rules(@PathParam("line") String line, @PathParam("variable") String variable) {
        return rules.rules(line, variable);
    }

    @PUT
    @Path("/rules")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "chooseSpcChartRules",
            summary = "Choose the characteristic's run rules: rule 1 (WE1 or NELSON1) plus the supplementary rules opted in",
            description = "Body: rules (ids WE1..WE4, NELSON1..NELSON8), reason. Audited (SpcChartRules RULES_CHOSEN); "
                    + "the next reading is evaluated with them. 400 problem naming each bad entry, nothing changed.")
    public io.poka.spc.ChartRulesView chooseRules(@PathParam("line") String line,
            @PathParam("variable") String variable, @jakarta.validation.Valid ChartRulesService.RulesRequest request) {
        return rules.choose(line, variable, request, user());
    }

    @DELETE
    @Path("/rules")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "clearSpcChartRules",
            summary = "Drop the characteristic's rule choice: the catalogue's named rule set applies again (audited)")
    public io.poka.spc.ChartRulesView clearRules(@PathParam("line") String line, @PathParam("variable") String variable) {
        return rules.clear(line, variable, user());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    static Instant instant(String name, String value, Instant fallback) {
        return io.poka.platform.QueryTimes.instant(name, value, fallback);
    }
}
