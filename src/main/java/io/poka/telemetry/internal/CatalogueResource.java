package io.poka.telemetry.internal;

import io.poka.platform.Problems;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.poka.platform.Roles;
import io.poka.telemetry.VariableDefinition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CRUD of the variable catalogue: QA managers and admins maintain it, everyone signed in may read it. */
@Path("/api/v1/telemetry/variables")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Telemetry", description = "Sensor readings and the variable catalogue")
public class CatalogueResource {
    private final CatalogueService catalogue;

    CatalogueResource(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listVariables", summary = "Catalogue entries, optionally of one line")
    public List<VariableDefinition> list(@QueryParam("line") String line) {
        return catalogue.list(line);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(operationId = "getVariable", summary = "One catalogue entry")
    public VariableDefinition get(@PathParam("id") UUID id) {
        return catalogue.get(id);
    }

    @POST
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "createVariable", summary = "Add a variable to the catalogue")
    @APIResponse(responseCode = "201", description = "Added", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VariableDefinition.class)))
    public Response create(VariableRequest request) {
        VariableDefinition v = catalogue.create(request);
        return Response.created(URI.create("/api/v1/telemetry/variables/" + v.id())).entity(v).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "updateVariable", summary = "Change a catalogue entry (line and variable stay)")
    public VariableDefinition update(@PathParam("id") UUID id, VariableRequest request) {
        return catalogue.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "deleteVariable", summary = "Remove a catalogue entry; its stored readings stay")
    @APIResponse(responseCode = "204", description = "Removed")
    // a 204 has no body: a client that accepts only problem+json (its errors) must not get 406
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response delete(@PathParam("id") UUID id) {
        catalogue.delete(id);
        return Response.noContent().build();
    }
}
