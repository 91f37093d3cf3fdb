package io.poka.spc.internal;

import io.poka.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Attribute charts (p, np, c, u) over inspection counts. */
@Path("/api/v1/spc/attribute-charts/{name}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "SPC", description = "Control charts, limits and capability")
public class AttributeChartResource {
    private final AttributeChartService charts;

    AttributeChartResource(AttributeChartService charts) {
        this.charts = charts;
    }

    @POST
    @Path("/samples")
    @RolesAllowed({Roles.QA_MANAGER, Roles.INSPECTOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Record one inspection count {chartType P|NP|C|U, count, size, sampledAt}")
    public Response record(@PathParam("name") String name, AttributeChartService.SampleRequest sample) {
        return Response.status(201).entity(Map.of("id", charts.record(name, sample))).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(summary = "The chart over [from, to) with limits estimated from [baselineFrom, baselineTo) (default: the same range)")
    public io.poka.spc.AttributeChartView chart(@PathParam("name") String name,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("baselineFrom") String baselineFrom, @QueryParam("baselineTo") String baselineTo) {
        Instant end = SpcResource.instant("to", to, Instant.now().plusSeconds(600));
        Instant start = SpcResource.instant("from", from, end.minusSeconds(30L * 86_400));
        return charts.chart(name, SpcResource.instant("baselineFrom", baselineFrom, start),
                SpcResource.instant("baselineTo", baselineTo, end), start, end);
    }
}
