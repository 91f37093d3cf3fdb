package io.poka.platform;

/**
 * Fired synchronously (CDI {@code Event<RecordChanged>}) by every module inside the transaction of each create,
 * update, delete or state change of a quality record; the audit trail observes it in the same transaction, so the
 * trail commits or rolls back with the change. Who and when are taken from the security context and server clock.
 *
 * @param entityType e.g. {@code Lot}, {@code User}
 * @param entityId the record's id
 * @param action e.g. {@code CREATED}, {@code UPDATED}, {@code HELD}, {@code RELEASED}, {@code DELETED}
 * @param before the record's state before the change (null on create); never secrets
 * @param after the state after the change (null on delete); never secrets
 * @param reason why, where the action requires one (hold, disposition, role change), else null
 * @param signature the electronic signature of this change where one is required (release, disposition, CAPA
 *        closure, model promotion), else null
 */
public record RecordChanged(String entityType, String entityId, String action, Object before, Object after,
        String reason, Signature signature) {

    /** An unsigned change. */
    public RecordChanged(String entityType, String entityId, String action, Object before, Object after, String reason) {
        this(entityType, entityId, action, before, after, reason, null);
    }
}
