package io.poka.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.poka.platform.Signature;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit trail: who changed which record, when, how and why, with the record's state before and after,
 * the top-level fields that differ, the signature if the change was signed, and its place in the hash chain.
 *
 * @param userId the principal name, or {@code system} for changes without a signed-in user
 * @param signature the electronic signature of the change, or null
 */
public record AuditEntry(long sequence, Instant recordedAt, String userId, String printedName, String entityType,
        String entityId, String action, JsonNode before, JsonNode after, List<FieldChange> changes, String reason,
        Signature signature, String previousHash, String hash) {

    /** One top-level field whose value differs between before and after. */
    public record FieldChange(String field, JsonNode before, JsonNode after) {
    }
}
