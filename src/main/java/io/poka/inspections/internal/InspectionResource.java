package io.poka.inspections.internal;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import io.poka.inspections.internal.InspectionDtos.InspectionView;
import io.poka.inspections.internal.InspectionDtos.NewInspection;
import io.poka.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import io.poka.platform.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Inspection results from inspectors and ERP/MES; Poka computes the verdict and moves the lot. */
@Path("/api/v1/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections", description = "Record inspection results; verdicts by spec limits and Ac/Re")
public class InspectionResource {
    private final InspectionService inspections;

    InspectionResource(InspectionService inspections) {
        this.inspections = inspections;
    }

    @POST
    @RolesAllowed({Roles.INSPECTOR, Roles.INTEGRATION, Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "recordInspection", summary = "Record an inspection of a lot", description = "The lot must be AWAITING_INSPECTION. Ask"
            + " GET /api/v1/inspection-plans/{id}/sampling first: every VARIABLE characteristic needs exactly as many"
            + " values as the sample size of its defect class (one per sample unit, in order); attribute results are"
            + " nonconforming units per class. A unit with any value outside [LSL, USL] is nonconforming. Accepted lots"
            + " become READY_FOR_RELEASE, others ON_HOLD; an InspectionFailed event carries the details. With an"
            + " Idempotency-Key header the first answer is replayed for a retry with the same body; the same key with"
            + " another body answers 422.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewInspection.class),
            examples = @ExampleObject(name = "fixed plan, 3 units", value = """
                    {"lotId": "0d6c1f0e-8a0e-4c43-9d5e-6d1f8b0c2a11", "planId": "5b0c3a52-53f5-4d1b-a3de-45a1f0e4a2b9",
                     "lotSize": 500,
                     "variables": [{"characteristic": "hole diameter", "values": [8.01, 7.99, 8.02]}],
                     "attributes": [{"defectClass": "MINOR", "nonconforming": 0}],
                     "remarks": "gauge G-17"}""")))
    @APIResponse(responseCode = "201", description = "Recorded; the verdict and the lot's new status are in the body."
            + " For a retry with an Idempotency-Key already answered: the first answer again, with Idempotent-Replayed: true",
            headers = {@Header(name = "Location"), @Header(name = "Idempotent-Replayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "key reused", value = """
                    {"type": "urn:poka:problem:inspections/idempotency-key-reused", "title": "Idempotency key reused",
                     "status": 422, "detail": "Idempotency-Key 'tablet-7f3a' was already used with a different request body",
                     "idempotencyKey": "tablet-7f3a"}""")))
    public Response record(@Valid @NotNull NewInspection body,
            @Parameter(description = "Client-chosen key that makes retries safe (a tablet sends one per inspection"
                    + " draft): a retry with the same body answers the first answer again with Idempotent-Replayed: true",
                    example = "tablet-7f3a") @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri) {
        InspectionService.Recorded recorded = inspections.record(body, idempotencyKey);
        InspectionView view = recorded.view();
        Response.ResponseBuilder answer = Response.created(uri.getBaseUriBuilder().path("api/v1/inspections")
                .path(view.id().toString()).build()).entity(view);
        return recorded.replayed() ? answer.header("Idempotent-Replayed", "true").build() : answer.build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(operationId = "getInspection", summary = "One inspection with its verdict")
    public InspectionView get(@PathParam("id") UUID id) {
        return inspections.get(id);
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listInspectionsOfLot", summary = "Inspections of a lot")
    public List<InspectionView> ofLot(@NotNull @QueryParam("lotId") UUID lotId) {
        return inspections.ofLot(lotId);
    }
}
