package io.poka.audit.internal.chain;

import io.poka.platform.Signature;
import java.time.Instant;

/**
 * Everything of an audit entry that its hash covers, as stored: JSON states as text (any key order or spacing;
 * they are canonicalised before hashing), times at microsecond precision (PostgreSQL's).
 *
 * @param signature the manifestation of the electronic signature of this change, or null
 */
public record EntryContent(long sequence, Instant recordedAt, String userId, String printedName, String entityType,
        String entityId, String action, String beforeJson, String afterJson, String reason, Signature signature,
        String previousHash) {
}
