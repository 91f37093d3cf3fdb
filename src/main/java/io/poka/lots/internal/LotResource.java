package io.poka.lots.internal;

import io.poka.lots.LotStatus;
import io.poka.lots.LotView;
import io.poka.lots.internal.LotRequests.DispositionRequest;
import io.poka.lots.internal.LotRequests.HoldRequest;
import io.poka.lots.internal.LotRequests.LinkRequest;
import io.poka.lots.internal.LotRequests.LotContent;
import io.poka.lots.internal.LotRequests.Move;
import io.poka.lots.internal.LotRequests.NewLot;
import io.poka.lots.internal.LotRequests.SignedDecision;
import io.poka.lots.internal.LotViews.DispositionView;
import io.poka.lots.internal.LotViews.GenealogyTree;
import io.poka.lots.internal.LotViews.LinkView;
import io.poka.lots.internal.LotViews.Page;
import io.poka.lots.internal.LotViews.StatusEntry;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
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

/** The lots REST API for ERP/MES and QA: thin mapping of HTTP (ETags, Idempotency-Key) onto {@link LotService}. */
@Path("/api/v1/lots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lots", description = "Lots from ERP/MES: idempotent creation, optimistic updates, status, holds, dispositions, genealogy")
public class LotResource {
    static final String NEW_LOT_EXAMPLE = """
            {"sourceSystem": "SAP-PROD", "externalId": "4711-0001", "product": "BRACKET-A7",
             "quantity": 500, "unit": "pcs", "line": "L1", "station": "PRESS-3",
             "supplier": "ACME Metals", "supplierLot": "ACME-22-118",
             "productionStart": "2026-11-28T06:00:00Z", "productionEnd": "2026-11-28T14:00:00Z",
             "attributes": {"order": "PO-88812", "shift": "A"}}""";
    static final String LOT_EXAMPLE = """
            {"id": "0d6c1f0e-8a0e-4c43-9d5e-6d1f8b0c2a11", "sourceSystem": "SAP-PROD", "externalId": "4711-0001",
             "product": "BRACKET-A7", "quantity": 500, "unit": "pcs", "line": "L1", "station": "PRESS-3",
             "supplier": "ACME Metals", "supplierLot": "ACME-22-118",
             "productionStart": "2026-11-28T06:00:00Z", "productionEnd": "2026-11-28T14:00:00Z",
             "attributes": {"order": "PO-88812", "shift": "A"}, "status": "CREATED", "hold": null,
             "createdAt": "2026-11-28T14:02:11Z", "createdBy": "erp", "updatedAt": "2026-11-28T14:02:11Z", "version": 0}""";
    static final String ILLEGAL_TRANSITION_EXAMPLE = """
            {"type": "urn:poka:problem:lots/illegal-transition", "title": "Illegal status transition", "status": 409,
             "detail": "a lot in CREATED cannot move to RELEASED; allowed from CREATED: [IN_PROCESS, AWAITING_INSPECTION, REJECTED, ON_HOLD, QUARANTINED]",
             "from": "CREATED", "to": "RELEASED",
             "allowed": ["AWAITING_INSPECTION", "IN_PROCESS", "ON_HOLD", "QUARANTINED", "REJECTED"]}""";
    static final String SIGNED_EXAMPLE = """
            {"reason": "inspection accepted, certificates complete",
             "signature": {"password": "the signer's own password", "meaning": "APPROVAL"}}""";

    private final LotService lots;
    private final GenealogyService genealogy;

    LotResource(LotService lots, GenealogyService genealogy) {
        this.lots = lots;
        this.genealogy = genealogy;
    }

    @POST
    @RolesAllowed({Roles.INTEGRATION, Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "createLot", summary = "Create a lot (idempotent)", description = "(sourceSystem, externalId) identifies a lot: repeating"
            + " the create with the same content answers 200 with the existing lot, with different content 409 naming the"
            + " differing fields. With an Idempotency-Key header the first response is replayed for the same body;"
            + " the same key with another body answers 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewLot.class),
            examples = @ExampleObject(name = "finished goods lot", value = NEW_LOT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", headers = {@Header(name = "ETag"), @Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotView.class),
                    examples = @ExampleObject(name = "created", value = LOT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The lot existed with the same content, or the replay of an earlier"
            + " request with the same Idempotency-Key (then Idempotent-Replayed: true and the first answer's body)",
            headers = {@Header(name = "ETag"), @Header(name = "Location"), @Header(name = "Idempotent-Replayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotView.class),
                    examples = @ExampleObject(name = "existing", value = LOT_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The lot exists with different content",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "content conflict", value = """
                    {"type": "urn:poka:problem:lots/content-conflict", "title": "Lot exists with different content",
                     "status": 409, "detail": "Lot SAP-PROD/4711-0001 exists with different quantity; update it with PUT or PATCH instead",
                     "differingFields": ["quantity"], "existingLotId": "0d6c1f0e-8a0e-4c43-9d5e-6d1f8b0c2a11"}""")))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public Response create(@Valid @NotNull NewLot body,
            @Parameter(description = "Client-chosen key that makes retries safe", example = "erp-batch-2026-11-28-0001")
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        LotService.Created created = lots.create(body, idempotencyKey);
        if (created.replayedBody() != null) {
            return Response.status(created.status()).entity(created.replayedBody()).type(MediaType.APPLICATION_JSON)
                    .header("Idempotent-Replayed", "true").build();
        }
        LotView lot = created.lot();
        return Response.status(created.status()).entity(lot).tag(etag(lot))
                .location(uri.getBaseUriBuilder().path("api/v1/lots").path(lot.id().toString()).build()).build();
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listLots", summary = "List lots, filtered and paged", description = "page counts from 0; date ranges are [from, to)."
            + " The production range matches lots whose production period overlaps it.")
    public Page<LotView> list(@QueryParam("status") LotStatus status, @QueryParam("product") String product,
            @QueryParam("line") String line, @QueryParam("supplier") String supplier,
            @Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("createdFrom") Instant createdFrom,
            @QueryParam("createdTo") Instant createdTo,
            @QueryParam("producedFrom") Instant producedFrom, @QueryParam("producedTo") Instant producedTo,
            @Parameter(example = "0") @QueryParam("page") Integer page,
            @Parameter(example = "20") @QueryParam("size") Integer size) {
        return lots.list(new LotService.Filter(status, product, line, supplier, createdFrom, createdTo, producedFrom,
                producedTo, null), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(operationId = "getLot", summary = "One lot; the ETag header carries its version for If-Match")
    @APIResponse(responseCode = "200", description = "The lot", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotView.class),
                    examples = @ExampleObject(name = "lot", value = LOT_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        return ok(lots.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.INTEGRATION, Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "replaceLot", summary = "Replace a lot's content", description = "If-Match with the ETag is required: 428 without it,"
            + " 412 when the lot changed since it was read. Identity (sourceSystem, externalId) and status do not change here.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotContent.class),
            examples = @ExampleObject(name = "corrected quantity", value = """
                    {"product": "BRACKET-A7", "quantity": 480, "unit": "pcs", "line": "L1", "station": "PRESS-3",
                     "productionStart": "2026-11-28T06:00:00Z", "productionEnd": "2026-11-28T14:00:00Z",
                     "attributes": {"order": "PO-88812", "shift": "A"}}""")))
    @APIResponse(responseCode = "200", description = "The lot after the change; ETag = its new version", headers = {@Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotView.class),
                    examples = @ExampleObject(name = "lot", value = LOT_EXAMPLE)))
    public Response replace(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The ETag of the version read; 428 without it, 412 when stale")
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LotContent body) {
        return ok(lots.update(id, requiredVersion(ifMatch), body, false));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.INTEGRATION, Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "patchLot", summary = "Change some of a lot's fields", description = "Only the fields given change. If-Match is required.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotContent.class),
            examples = @ExampleObject(name = "end of production", value = "{\"quantity\": 498, \"productionEnd\": \"2026-11-28T14:30:00Z\"}")))
    @APIResponse(responseCode = "200", description = "The lot after the change; ETag = its new version", headers = {@Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotView.class),
                    examples = @ExampleObject(name = "lot", value = LOT_EXAMPLE)))
    public Response patch(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The ETag of the version read; 428 without it, 412 when stale")
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LotContent body) {
        return ok(lots.update(id, requiredVersion(ifMatch), body, true));
    }

    @POST
    @Path("/{id}/moves")
    @RolesAllowed({Roles.INTEGRATION, Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "moveLot", summary = "Move a lot into processing or to inspection", description = "to: IN_PROCESS or"
            + " AWAITING_INSPECTION. An illegal move answers 409 with the allowed target statuses in 'allowed'."
            + " If-Match is optional here; when sent it must match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Move.class),
            examples = @ExampleObject(name = "ready for inspection", value = "{\"to\": \"AWAITING_INSPECTION\", \"reason\": \"production finished\"}")))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(mediaType = Problems.MEDIA_TYPE,
            examples = @ExampleObject(name = "illegal transition", value = ILLEGAL_TRANSITION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The lot after the change; ETag = its new version", headers = {@Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotView.class),
                    examples = @ExampleObject(name = "lot", value = LOT_EXAMPLE)))
    public Response move(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Move body) {
        return ok(lots.move(id, optionalVersion(ifMatch), body.to(), body.reason()));
    }

    @POST
    @Path("/{id}/hold")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "holdLot", summary = "Put a lot on hold", description = "From any open status; records reason, who and when.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HoldRequest.class),
            examples = @ExampleObject(name = "hold", value = "{\"reason\": \"burr found on first articles\"}")))
    @APIResponse(responseCode = "200", description = "The lot after the change; ETag = its new version", headers = {@Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotView.class),
                    examples = @ExampleObject(name = "lot", value = LOT_EXAMPLE)))
    public Response hold(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull HoldRequest body) {
        return ok(lots.hold(id, optionalVersion(ifMatch), LotStatus.ON_HOLD, body.reason()));
    }

    @POST
    @Path("/{id}/quarantine")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "quarantineLot", summary = "Quarantine a lot", description = "From any open status, including ON_HOLD.")
    @APIResponse(responseCode = "200", description = "The lot after the change; ETag = its new version", headers = {@Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotView.class),
                    examples = @ExampleObject(name = "lot", value = LOT_EXAMPLE)))
    public Response quarantine(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull HoldRequest body) {
        return ok(lots.hold(id, optionalVersion(ifMatch), LotStatus.QUARANTINED, body.reason()));
    }

    @POST
    @Path("/{id}/lift-hold")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "liftLotHold", summary = "Lift a hold or quarantine", description = "The lot returns to the status it had before the hold.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HoldRequest.class),
            examples = @ExampleObject(name = "lift", value = "{\"reason\": \"burr was on the gauge, not the parts\"}")))
    @APIResponse(responseCode = "200", description = "The lot after the change; ETag = its new version", headers = {@Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotView.class),
                    examples = @ExampleObject(name = "lot", value = LOT_EXAMPLE)))
    public Response liftHold(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull HoldRequest body) {
        return ok(lots.liftHold(id, optionalVersion(ifMatch), body.reason()));
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "releaseLot", summary = "Release a lot (electronic signature)", description = "Needs the signer's password and the"
            + " meaning of the signature; a wrong password answers 403 and changes nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignedDecision.class),
            examples = @ExampleObject(name = "release", value = SIGNED_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The lot after the change; ETag = its new version", headers = {@Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotView.class),
                    examples = @ExampleObject(name = "lot", value = LOT_EXAMPLE)))
    public Response release(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SignedDecision body) {
        return ok(lots.release(id, optionalVersion(ifMatch), body.reason(), body.signature()));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "rejectLot", summary = "Reject a lot (electronic signature)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignedDecision.class),
            examples = @ExampleObject(name = "reject", value = """
                    {"reason": "cracks in 3 of 80 units", "signature": {"password": "the signer's own password", "meaning": "APPROVAL"}}""")))
    @APIResponse(responseCode = "200", description = "The lot after the change; ETag = its new version", headers = {@Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotView.class),
                    examples = @ExampleObject(name = "lot", value = LOT_EXAMPLE)))
    public Response reject(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SignedDecision body) {
        return ok(lots.reject(id, optionalVersion(ifMatch), body.reason(), body.signature()));
    }

    @POST
    @Path("/{id}/dispositions")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "recordLotDisposition", summary = "Record a disposition (electronic signature)", description = "For a lot ON_HOLD, QUARANTINED or"
            + " REJECTED: RELEASE and USE_AS_IS release it, REJECT rejects, SCRAP scraps, REWORK sends it back to IN_PROCESS.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DispositionRequest.class),
            examples = @ExampleObject(name = "rework", value = """
                    {"decision": "REWORK", "reason": "deburr all units, re-inspect",
                     "signature": {"password": "the signer's own password", "meaning": "APPROVAL"}}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DispositionView.class)))
    public Response disposition(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull DispositionRequest body) {
        DispositionView d = lots.disposition(id, optionalVersion(ifMatch), body.decision(), body.reason(), body.signature());
        return Response.status(201).entity(d).build();
    }

    @GET
    @Path("/{id}/dispositions")
    @RolesAllowed("**")
    @Operation(operationId = "listLotDispositions", summary = "Dispositions of a lot")
    public List<DispositionView> dispositions(@PathParam("id") UUID id) {
        return lots.dispositions(id);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed("**")
    @Operation(operationId = "getLotHistory", summary = "Status history of a lot, oldest first, with signatures")
    public List<StatusEntry> history(@PathParam("id") UUID id) {
        return lots.history(id);
    }

    @POST
    @Path("/{id}/children")
    @RolesAllowed({Roles.INTEGRATION, Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "linkChildLot", summary = "Link a child lot to this (parent) lot", description = "SPLIT, MERGE or CONSUMED_INTO. A link"
            + " that would make a cycle answers 409; repeating an identical link answers 200.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkRequest.class),
            examples = @ExampleObject(name = "consumed", value = "{\"childId\": \"7b1e0f7a-3f5e-4a43-8f7e-2d9b6c1a0e55\", \"type\": \"CONSUMED_INTO\"}")))
    public LinkView link(@PathParam("id") UUID id, @Valid @NotNull LinkRequest body) {
        return genealogy.link(id, body.childId(), body.type());
    }

    @GET
    @Path("/{id}/genealogy")
    @RolesAllowed("**")
    @Operation(operationId = "getLotGenealogy", summary = "Whole upstream and downstream tree of a lot (for recalls)", description = "Edges carry their"
            + " distance (depth) from the lot; 'lots' lists every lot in the tree.")
    public GenealogyTree tree(@PathParam("id") UUID id) {
        return genealogy.tree(id);
    }

    private static Response ok(LotView lot) {
        return Response.ok(lot).tag(etag(lot)).build();
    }

    private static EntityTag etag(LotView lot) {
        return new EntityTag(String.valueOf(lot.version()));
    }

    private static long requiredVersion(String ifMatch) {
        Long v = optionalVersion(ifMatch);
        if (v == null) {
            throw new LotProblems.IfMatchRequired();
        }
        return v;
    }

    /** Parses If-Match ("3", W/"3"); absent or "*" means no check. */
    static Long optionalVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new LotProblems.StaleVersion(ifMatch);
        }
    }
}
