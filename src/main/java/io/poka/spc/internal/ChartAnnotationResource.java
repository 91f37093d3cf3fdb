package io.poka.spc.internal;

import io.poka.platform.Problems;
import io.poka.spc.internal.annotations.ChartAnnotationService;
import io.poka.platform.Roles;
import io.poka.spc.ChartAnnotation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Notes on a characteristic's control chart: write, list over a range, delete (audited). */
@Path("/api/v1/spc/charts/{line}/{variable}/annotations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "SPC", description = "Control charts, limits and capability")
public class ChartAnnotationResource {
    private final ChartAnnotationService annotations;
    private final SecurityIdentity identity;

    ChartAnnotationResource(ChartAnnotationService annotations, SecurityIdentity identity) {
        this.annotations = annotations;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR})
    @Operation(operationId = "createSpcChartAnnotation",
            summary = "Write a note on the chart at a time (e.g. 'changed the nozzle at 14:10')",
            description = "Body: at (ISO-8601), text (1..500 characters). 201 with the note; audited "
                    + "(SpcChartAnnotation CREATED). Unknown chart 404, bad body 400 problem, nothing stored.")
    @APIResponse(responseCode = "201", description = "The note as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChartAnnotation.class)))
    public Response create(@PathParam("line") String line, @PathParam("variable") String variable,
            ChartAnnotationService.AnnotationRequest request) {
        ChartAnnotation a = annotations.create(line, variable, request, identity.getPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(a).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "listSpcChartAnnotations",
            summary = "The chart's notes with a time in [from, to), oldest first (default: the last 24 hours)")
    public List<ChartAnnotation> list(@PathParam("line") String line, @PathParam("variable") String variable,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = SpcResource.instant("to", to, Instant.now());
        return annotations.list(line, variable, SpcResource.instant("from", from, end.minusSeconds(86_400)), end);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "deleteSpcChartAnnotation",
            summary = "Delete a note (audited: SpcChartAnnotation DELETED keeps what it said); 404 if there is none")
    @APIResponse(responseCode = "204", description = "Deleted")
    // a 204 has no body: a client that accepts only problem+json (its errors) must not get 406
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response delete(@PathParam("line") String line, @PathParam("variable") String variable,
            @PathParam("id") UUID id) {
        annotations.delete(line, variable, id, identity.getPrincipal().getName());
        return Response.noContent().build();
    }
}
