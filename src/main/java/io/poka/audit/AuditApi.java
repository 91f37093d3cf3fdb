package io.poka.audit;

import java.util.List;

/**
 * What other modules and the UI may ask of the audit trail. Writing to it needs no call here: fire
 * {@link io.poka.platform.RecordChanged} inside the transaction of the change and the trail journals it in that same
 * transaction (attach the {@link io.poka.platform.Signature} from {@link io.poka.platform.Signatures#sign} when the
 * change is signed); it is chained (sequence number and hash) right after the commit. Every read here first chains
 * what was committed before it, so it sees every committed change; a change of the caller's own, still open
 * transaction is not in the chain yet.
 */
public interface AuditApi {

    /** Every entry of one record, oldest first. */
    List<AuditEntry> history(String entityType, String entityId);

    /** The electronic signatures of one record, oldest first, each with the result of its binding check. */
    List<AuditSignature> signatures(String entityType, String entityId);

    /** Entries matching a query, oldest first, at most {@code limit} after {@code afterSequence}. */
    List<AuditEntry> search(AuditQuery query, long afterSequence, int limit);

    /**
     * Walks the chain (or the range from..to of sequence numbers, both inclusive; null = its start or end), recomputing
     * each hash, and checks every signature in the range is bound to its entry. Runs in the caller's transaction when
     * there is one, else in its own; entries not committed yet are not in the chain, so not checked.
     */
    ChainVerification verify(Long fromSequence, Long toSequence);

    /** The last entry of the chain: its sequence number (0 when empty) and hash. */
    ChainPoint head();
}
