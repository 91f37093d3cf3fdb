package io.poka.capa.internal;

import io.poka.capa.CapaStatus;
import io.poka.capa.CapaView;
import io.poka.capa.EvaluationView;
import io.poka.capa.internal.CapaRequests.Closure;
import io.poka.capa.internal.CapaRequests.NewCapa;
import io.poka.capa.internal.CapaRequests.Transition;
import io.poka.capa.CapaApi.CapaDetail;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The CAPA REST API: thin mapping of HTTP onto {@link CapaService}. */
@Path("/api/v1/capas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "CAPA", description = "Corrective and preventive actions: status, effectiveness checks evaluated on stored"
        + " data, e-signed closure, reopening on recurrence")
public class CapaResource {
    static final String NEW_CAPA_EXAMPLE = """
            {"kind": "CORRECTIVE", "title": "Replace worn feed valve on reactor L1",
             "description": "Root cause of NCR-2026-0007: the A feed valve sticks", "ncrId": null,
             "owner": "maintenance.lead", "dueAt": "2026-12-20T00:00:00Z",
             "criterion": {"kind": "NO_RULE_VIOLATION", "line": "L1", "variable": "XMEAS_1", "days": 14}}""";
    static final String CAPA_EXAMPLE = """
            {"id": "6a0f2b8e-3c1d-4e5f-8a9b-0c1d2e3f4a5b", "number": "CAPA-2026-0001", "kind": "CORRECTIVE",
             "title": "Replace worn feed valve on reactor L1", "description": "Root cause of NCR-2026-0007: the A feed valve sticks",
             "ncrId": null, "owner": "maintenance.lead", "dueAt": "2026-12-20T00:00:00Z", "status": "OPEN", "overdue": false,
             "criterion": {"kind": "NO_RULE_VIOLATION", "line": "L1", "variable": "XMEAS_1", "days": 14},
             "windowStart": null, "implementedAt": null, "closedAt": null, "closedBy": null, "reopenCount": 0,
             "createdAt": "2026-12-05T07:00:00Z", "createdBy": "qa.lead", "updatedAt": "2026-12-05T07:00:00Z", "version": 0}""";
    static final String EVALUATION_EXAMPLE = """
            {"id": "1b2c3d4e-5f60-4718-293a-4b5c6d7e8f90", "capaId": "6a0f2b8e-3c1d-4e5f-8a9b-0c1d2e3f4a5b",
             "criterion": "NO_RULE_VIOLATION", "result": "PASSED", "measuredValue": 0.0, "requiredValue": 0.0,
             "observations": 0, "dataFrom": "2026-12-05T08:00:00Z", "dataTo": "2026-12-19T08:00:00Z",
             "detail": "no rule violation on L1/XMEAS_1 for 14 days", "evaluatedAt": "2026-12-19T09:00:00Z",
             "evaluatedBy": "poka-capa", "modelVersion": null}""";

    private final CapaService capas;

    CapaResource(CapaService capas) {
        this.capas = capas;
    }

    @POST
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "createCapa", summary = "Open a corrective or preventive action", description = "Linked to"
            + " an NCR (ncrId) or standalone; the owner must be an enabled user. The effectiveness criterion may be"
            + " given now or when the effectiveness window starts. With an Idempotency-Key header a retry with the same body"
            + " answers the first response again (Idempotent-Replayed: true); the same key with another body 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewCapa.class),
            examples = @ExampleObject(name = "corrective action", value = NEW_CAPA_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Opened, or the first answer replayed for a retry with the same"
            + " Idempotency-Key (then Idempotent-Replayed: true)",
            headers = {@Header(name = "Location"), @Header(name = "Idempotent-Replayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CapaView.class),
                    examples = @ExampleObject(name = "opened", value = CAPA_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response create(@Valid @NotNull NewCapa body,
            @Parameter(description = "Client-chosen key that makes retries safe", example = "erp-capa-2026-0042")
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        CapaService.Created result = capas.create(body, idempotencyKey);
        CapaView created = result.capa();
        Response.ResponseBuilder answer = result.replayed() ? Response.status(201).header("Idempotent-Replayed", "true")
                : Response.status(201);
        return answer.entity(created)
                .location(uri.getBaseUriBuilder().path("api/v1/capas").path(created.id().toString()).build()).build();
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listCapas", summary = "List CAPAs by due date, filtered and paged")
    @APIResponse(responseCode = "200", description = "One page of CAPAs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CapaViews.Page.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + CAPA_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    public CapaViews.Page list(@QueryParam("status") CapaStatus status, @QueryParam("ncrId") UUID ncrId,
            @QueryParam("owner") String owner,
            @Parameter(example = "0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(example = "20") @QueryParam("size") @DefaultValue("20") int size) {
        return capas.list(status, ncrId, owner, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(operationId = "getCapa", summary = "One CAPA with its history, evaluations and allowed moves")
    @APIResponse(responseCode = "200", description = "The CAPA",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CapaDetail.class),
                    examples = @ExampleObject(name = "in its window", value = "{\"capa\": " + CAPA_EXAMPLE
                            + ", \"history\": [{\"from\": null, \"to\": \"OPEN\", \"reason\": null, \"actor\": \"qa.lead\","
                            + " \"at\": \"2026-12-05T07:00:00Z\", \"signedBy\": null, \"signerName\": null,"
                            + " \"signatureMeaning\": null, \"signedAt\": null}], \"evaluations\": [" + EVALUATION_EXAMPLE
                            + "], \"allowedTransitions\": [\"IN_PROGRESS\", \"IMPLEMENTED\"]}")))
    public CapaDetail get(@PathParam("id") UUID id) {
        return capas.detail(id);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "moveCapa", summary = "Move a CAPA to its next status", description = "to: IN_PROGRESS,"
            + " IMPLEMENTED, EFFECTIVENESS_PENDING (starts the effectiveness window now; needs a criterion, which the"
            + " body may set) or REOPENED (with a reason). Closure has its own signed operation.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Transition.class),
            examples = @ExampleObject(name = "start the window", value = """
                    {"to": "EFFECTIVENESS_PENDING", "reason": "valve replaced on 2026-12-05",
                     "criterion": {"kind": "NO_RULE_VIOLATION", "line": "L1", "variable": "XMEAS_1", "days": 14}, "version": 2}""")))
    @APIResponse(responseCode = "200", description = "The CAPA after the move",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CapaView.class),
                    examples = @ExampleObject(name = "moved", value = CAPA_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Illegal transition, no criterion or stale version",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "illegal", value = """
                    {"type": "urn:poka:problem:capa/illegal-transition", "title": "Illegal CAPA status transition",
                     "status": 409, "detail": "a CAPA in OPEN cannot move to EFFECTIVENESS_PENDING; allowed from OPEN: [IN_PROGRESS, IMPLEMENTED]",
                     "from": "OPEN", "to": "EFFECTIVENESS_PENDING", "allowed": ["IN_PROGRESS", "IMPLEMENTED"]}""")))
    public CapaView move(@PathParam("id") UUID id, @Valid @NotNull Transition body) {
        return capas.transition(id, body);
    }

    @POST
    @Path("/{id}/evaluations")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "evaluateCapaEffectiveness", summary = "Evaluate the effectiveness criterion now",
            description = "Poka measures the criterion on stored data over the window and stores the result (PASSED,"
                    + " FAILED or NOT_YET); a FAILED result reopens the CAPA. The scheduled check does the same.")
    @APIResponse(responseCode = "201", description = "The stored evaluation", headers = @Header(name = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class),
                    examples = @ExampleObject(name = "passed", value = EVALUATION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "No effectiveness window runs, or the data cannot be evaluated",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response evaluate(@PathParam("id") UUID id, @Context UriInfo uri) {
        EvaluationView evaluation = capas.evaluate(id);
        return Response.status(201).entity(evaluation).location(uri.getBaseUriBuilder().path("api/v1/capas")
                .path(id.toString()).build()).build();
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed(Roles.QA_MANAGER)
    @Operation(operationId = "closeCapa", summary = "Close a CAPA (QA manager's electronic signature)", description =
            "Only from EFFECTIVENESS_PENDING, and only when the latest evaluation of the current window PASSED.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Closure.class),
            examples = @ExampleObject(name = "closure", value = """
                    {"reason": "no violation for 14 days after the valve was replaced",
                     "signature": {"password": "the QA manager's own password", "meaning": "APPROVAL"}}""")))
    @APIResponse(responseCode = "200", description = "The closed CAPA",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CapaView.class),
                    examples = @ExampleObject(name = "closed", value = CAPA_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not in the window, or effectiveness not proven",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not proven", value = """
                    {"type": "urn:poka:problem:capa/effectiveness-not-proven", "title": "Effectiveness not proven",
                     "status": 409, "detail": "CAPA 6a0f2b8e-3c1d-4e5f-8a9b-0c1d2e3f4a5b cannot be closed: its latest effectiveness evaluation in the current window is NOT_YET; closure needs PASSED",
                     "latestResult": "NOT_YET"}""")))
    @APIResponse(responseCode = "403", description = "The password did not verify",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public CapaView close(@PathParam("id") UUID id, @Valid @NotNull Closure body) {
        return capas.close(id, body);
    }
}
