package io.poka.audit;

import java.time.Instant;

/**
 * A selection of audit entries; every non-null criterion must hold. {@code lot} is short for entity type {@code Lot}
 * with that id.
 *
 * @param from recorded at or after (inclusive)
 * @param to recorded before (exclusive)
 * @param user the user id (principal name) who made the change
 */
public record AuditQuery(Instant from, Instant to, String entityType, String entityId, String lot, String user) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public static AuditQuery entity(String entityType, String entityId) {
        return new AuditQuery(null, null, entityType, entityId, null, null);
    }
}
