package io.poka.ncr.internal;

import io.poka.ncr.DefectCodeView;
import io.poka.ncr.NcrApi;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The defect catalogue over REST: everyone signed in reads it, QA managers maintain it. */
@Path("/api/v1/defect-codes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Nonconformance", description = "Nonconformance reports: opening from a source, containment, disposition, investigation")
public class DefectCodeResource {
    static final String CODE_EXAMPLE = """
            {"code": "DIM-BURR", "parentCode": "DIM", "name": "Burr",
             "description": "Material left on an edge after cutting or stamping", "defaultSeverity": "MINOR",
             "active": true, "path": ["DIM", "DIM-BURR"]}""";

    private final NcrApi api;
    private final DefectCodeService codes;

    DefectCodeResource(NcrApi api, DefectCodeService codes) {
        this.api = api;
        this.codes = codes;
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listDefectCodes", summary = "The defect catalogue, each top code followed by its sub-codes")
    @APIResponse(responseCode = "200", description = "Every code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                            implementation = DefectCodeView.class),
                    examples = @ExampleObject(name = "catalogue", value = "[" + CODE_EXAMPLE + "]")))
    public List<DefectCodeView> list() {
        return api.defectCodes();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed("**")
    @Operation(operationId = "getDefectCode", summary = "One defect code with its path from the top")
    @APIResponse(responseCode = "200", description = "The code", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DefectCodeView.class), examples = @ExampleObject(name = "burr", value = CODE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such code", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public DefectCodeView get(@PathParam("code") String code) {
        return api.defectCode(code).orElseThrow(() -> new NotFoundProblem("DefectCode", code));
    }

    @POST
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "createDefectCode", summary = "Add a defect code (under a parent or at the top)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DefectCodeService.Input.class), examples = @ExampleObject(name = "sub-code", value = """
                    {"code": "DIM-FLASH", "parentCode": "DIM", "name": "Flash", "defaultSeverity": "MINOR"}""")))
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DefectCodeView.class),
                    examples = @ExampleObject(name = "created", value = CODE_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The code exists", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response create(@NotNull DefectCodeService.Input body, @Context UriInfo uri) {
        DefectCodeView c = codes.create(body);
        return Response.status(201).entity(c)
                .location(uri.getBaseUriBuilder().path("api/v1/defect-codes").path(c.code()).build()).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "updateDefectCode", summary = "Rename, move or deactivate a defect code",
            description = "Every field replaces the stored one; a move under the code itself or below it answers 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DefectCodeService.Input.class), examples = @ExampleObject(name = "deactivate", value = """
                    {"parentCode": "DIM", "name": "Burr", "defaultSeverity": "MINOR", "active": false}""")))
    @APIResponse(responseCode = "200", description = "The code after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DefectCodeView.class),
                    examples = @ExampleObject(name = "updated", value = CODE_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Would loop the catalogue", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public DefectCodeView update(@PathParam("code") String code, @NotNull DefectCodeService.Input body) {
        return codes.update(code, body);
    }
}
