package io.poka.audit.internal;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.validation.Valid;
import io.poka.audit.AuditApi;
import io.poka.audit.AuditEntry;
import io.poka.audit.AuditQuery;
import io.poka.audit.AuditSignature;
import io.poka.audit.ChainPoint;
import io.poka.audit.ChainVerification;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import io.poka.audit.ChainCheckpoint;
import io.poka.platform.NotFoundProblem;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reading and verifying the audit trail: auditors and admins read it all; QA managers read one record's history. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Hash-chained audit trail, electronic signatures, verification")
public class AuditResource {
    private final AuditApi audit;
    private final TrailReviews reviews;
    private final AuditCheckpoints checkpoints;

    AuditResource(AuditApi audit, TrailReviews reviews, AuditCheckpoints checkpoints) {
        this.audit = audit;
        this.reviews = reviews;
        this.checkpoints = checkpoints;
    }

    @POST
    @Path("/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "signAuditReview", summary = "Sign a review of the trail", description = "Verifies the range fromSequence..toSequence (whole chain when absent) and records the result with the reviewer's electronic signature (meaning REVIEW); the password is checked again and counts toward lockout.")
    public TrailReviews.Review review(@Valid TrailReviews.ReviewRequest request) {
        if (request == null) {
            throw new ValidationProblem("body", "a JSON object with comment and password");
        }
        TrailReviews.Review review = reviews.review(request);
        // the review's entry is chained after its commit: read back its sequence number (the read chains it first)
        long sequence = audit.history(TrailReviews.ENTITY, review.reviewId()).get(0).sequence();
        return new TrailReviews.Review(review.reviewId(), review.verification(), sequence);
    }

    @GET
    @Path("/entries")
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "searchAuditEntries", summary = "Search the trail", description = "All criteria optional; from inclusive, to exclusive (ISO-8601 instants); lot = entity type Lot with that id. Page with afterSequence.")
    public List<AuditEntry> entries(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("lot") String lot, @QueryParam("user") String user,
            @QueryParam("afterSequence") @DefaultValue("0") long afterSequence,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.search(new AuditQuery(instant("from", from), instant("to", to), entityType, entityId, lot, user),
                afterSequence, limit);
    }

    @GET
    @Path("/entities/{entityType}/{entityId}/history")
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN, Roles.QA_MANAGER })
    @Operation(operationId = "getAuditHistory", summary = "The audit history of one record, oldest first")
    public List<AuditEntry> history(@PathParam("entityType") String entityType,
            @PathParam("entityId") String entityId) {
        return audit.history(entityType, entityId);
    }

    @GET
    @Path("/entities/{entityType}/{entityId}/signatures")
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN, Roles.QA_MANAGER })
    @Operation(operationId = "getAuditSignatures", summary = "The electronic signatures of one record, each with its binding check")
    public List<AuditSignature> signatures(@PathParam("entityType") String entityType,
            @PathParam("entityId") String entityId) {
        return audit.signatures(entityType, entityId);
    }

    @GET
    @Path("/verification")
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "verifyAuditChain", summary = "Verify the hash chain and signature bindings", description = "Whole chain by default, or the sequence range from..to (inclusive). Names the first broken entry. checkpoint = a checkpoint id, latest (the default for a whole-chain walk) or none: the trail must still hold the checkpoint's signed hash at its sequence, which exposes a history rewritten with recomputed hashes.")
    public ChainVerification verify(@QueryParam("from") Long from, @QueryParam("to") Long to,
            @QueryParam("checkpoint") String checkpoint) {
        ChainVerification walk = audit.verify(from, to);
        String which = checkpoint == null || checkpoint.isBlank() ? (from == null && to == null ? "latest" : "none")
                : checkpoint;
        if (which.equals("none")) {
            return walk;
        }
        Optional<ChainCheckpoint> against = which.equals("latest") ? checkpoints.latest()
                : Optional.of(checkpoints.byId(which));
        return against.map(c -> walk.against(checkpoints.check(c))).orElse(walk);
    }

    @POST
    @Path("/checkpoints")
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "publishAuditCheckpoint", summary = "Publish a signed checkpoint of the chain head now", description = "Signs the head's sequence and hash (Ed25519, server key), stores it and sends it on the quality-events topic as AuditCheckpointPublished. Verify offline: the signature (Base64) over the UTF-8 bytes of payload, with GET /api/v1/audit/public-key.")
    @APIResponse(responseCode = "201", description = "Published", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChainCheckpoint.class)))
    public Response checkpoint() {
        ChainCheckpoint c = checkpoints.publish("ON_DEMAND");
        return Response.status(Response.Status.CREATED).entity(c)
                .location(URI.create("/api/v1/audit/checkpoints/" + c.id())).build();
    }

    @GET
    @Path("/checkpoints/latest")
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getLatestAuditCheckpoint", summary = "The latest signed checkpoint of the chain head")
    @APIResponse(responseCode = "200", description = "The latest checkpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChainCheckpoint.class)))
    @APIResponse(responseCode = "404", description = "No checkpoint has been published yet")
    public ChainCheckpoint latestCheckpoint() {
        return checkpoints.latest().orElseThrow(() -> new NotFoundProblem("AuditCheckpoint", "latest"));
    }

    @GET
    @Path("/checkpoints/{id}")
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getAuditCheckpoint", summary = "One signed checkpoint of the chain head")
    public ChainCheckpoint checkpoint(@PathParam("id") String id) {
        return checkpoints.byId(id);
    }

    @GET
    @Path("/head")
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getAuditHead", summary = "The last entry of the chain (sequence and hash)")
    public ChainPoint head() {
        return audit.head();
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationProblem(name, "an ISO-8601 instant such as 2026-11-29T00:00:00Z");
        }
    }
}
