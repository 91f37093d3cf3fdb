package io.poka.audit;

import io.poka.platform.Signature;
import java.time.Instant;

/**
 * A stored electronic signature (21 CFR 11.50) and the hash of the entry it is bound to (11.70).
 *
 * @param bound true when the bound hash is the signed entry's hash and the entry records this same signature
 */
public record AuditSignature(long entrySequence, String entityType, String entityId, String action, String username,
        String printedName, Signature.Meaning meaning, Instant signedAt, String boundHash, boolean bound) {
}
