package io.poka.audit;

import java.time.Instant;

/**
 * A signed checkpoint of the chain head: the server's Ed25519 signature (Base64) over the exact UTF-8 bytes of
 * {@code payload}, a JSON object naming the sequence and hash of the chain head at {@code createdAt}. Anyone holding
 * a checkpoint and the public key can later check that the trail still has that hash at that sequence.
 */
public record ChainCheckpoint(String id, long sequence, String hash, Instant createdAt, String createdBy,
        String trigger, String payload, String signature, String algorithm, String publicKeySha256) {
}
