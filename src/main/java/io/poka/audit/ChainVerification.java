package io.poka.audit;

/**
 * The result of walking the hash chain over a range of sequence numbers.
 *
 * @param firstBroken the first entry whose stored content, hash or link does not verify, or null
 * @param firstBrokenSignature the first signature not bound to the entry it claims, or null
 * @param checkpoint the signed checkpoint the chain was checked against, or null when none was used
 */
public record ChainVerification(boolean valid, long fromSequence, long toSequence, long entriesChecked,
        long signaturesChecked, Break firstBroken, SignatureBreak firstBrokenSignature, CheckpointCheck checkpoint) {

    public ChainVerification(boolean valid, long fromSequence, long toSequence, long entriesChecked,
            long signaturesChecked, Break firstBroken, SignatureBreak firstBrokenSignature) {
        this(valid, fromSequence, toSequence, entriesChecked, signaturesChecked, firstBroken, firstBrokenSignature,
                null);
    }

    /** The same walk, also judged against a checkpoint: valid only if both hold. */
    public ChainVerification against(CheckpointCheck check) {
        return new ChainVerification(valid && check.problem() == null, fromSequence, toSequence, entriesChecked,
                signaturesChecked, firstBroken, firstBrokenSignature, check);
    }

    /**
     * The chain compared with a signed checkpoint.
     *
     * @param signatureValid the checkpoint's signature verifies with the server's public key
     * @param storedHash the hash the trail holds now at the checkpoint's sequence (null: the entry is missing)
     * @param problem null, BAD_SIGNATURE (the checkpoint itself was forged or altered) or CHECKPOINT_MISMATCH (the
     *        trail no longer has the checkpointed hash at that sequence: history up to it was rewritten)
     */
    public record CheckpointCheck(String id, long sequence, String hash, java.time.Instant createdAt,
            boolean signatureValid, String storedHash, String problem) {
    }

    /**
     * Where the chain breaks.
     *
     * @param problem MISSING_ENTRY, PREVIOUS_HASH_MISMATCH, HASH_MISMATCH or HEAD_MISMATCH
     * @param expectedHash what verification computed (or the hash the link should have)
     * @param storedHash what the database holds
     */
    public record Break(long sequence, String problem, String expectedHash, String storedHash, String detail) {
    }

    /**
     * A signature whose binding fails.
     *
     * @param problem BOUND_HASH_MISMATCH (the entry's hash is not the one the signature was bound to) or
     *        MANIFESTATION_MISMATCH (the entry does not record this signer, meaning and time)
     */
    public record SignatureBreak(long signatureId, long entrySequence, String problem, String expectedHash,
            String boundHash) {
    }
}
