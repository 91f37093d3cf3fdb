package io.poka.audit.internal;

import jakarta.validation.constraints.Size;
import io.poka.audit.AuditApi;
import io.poka.audit.ChainVerification;
import io.poka.platform.RecordChanged;
import io.poka.platform.Signature;
import io.poka.platform.Signatures;
import io.poka.platform.ValidationProblem;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A reviewer's electronically signed statement that a range of the trail was reviewed: the chain is verified, the
 * reviewer re-enters the password (11.200(a)), and the review is appended as "AuditReview REVIEWED" with the result
 * and the signature bound to that entry.
 */
@ApplicationScoped
class TrailReviews {
    /** What the reviewer submits. */
    public record ReviewRequest(Long fromSequence, Long toSequence, @Size(max = 4000) String comment,
            String password) {
    }

    static final String ENTITY = "AuditReview";

    /** The recorded review: its id, the verification it signed, and the entry that holds it (0 until chained). */
    public record Review(String reviewId, ChainVerification verification, long entrySequence) {
    }

    private final AuditApi audit;
    private final Signatures signatures;
    private final Event<RecordChanged> changes;

    TrailReviews(AuditApi audit, Signatures signatures, Event<RecordChanged> changes) {
        this.audit = audit;
        this.signatures = signatures;
        this.changes = changes;
    }

    @Transactional
    @TransactionConfiguration(timeout = AuditService.LONG_READ_SECONDS)
    Review review(ReviewRequest request) {
        if (request.comment() == null || request.comment().isBlank()) {
            throw new ValidationProblem("comment", "say what was reviewed and found");
        }
        Signature signature = signatures.sign(request.password(), Signature.Meaning.REVIEW);
        ChainVerification result = audit.verify(request.fromSequence(), request.toSequence());
        String id = UUID.randomUUID().toString();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fromSequence", result.fromSequence());
        after.put("toSequence", result.toSequence());
        after.put("valid", result.valid());
        after.put("entriesChecked", result.entriesChecked());
        after.put("firstBroken", result.firstBroken());
        after.put("firstBrokenSignature", result.firstBrokenSignature());
        changes.fire(new RecordChanged(ENTITY, id, "REVIEWED", null, after, request.comment().strip(),
                signature));
        return new Review(id, result, 0);
    }
}
