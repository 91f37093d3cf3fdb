package io.poka.audit;

/**
 * The result of walking the hash chain over a range of sequence numbers.
 *
 * @param firstBroken the first entry whose stored content, hash or link does not verify, or null
 * @param firstBrokenSignature the first signature not bound to the entry it claims, or null
 */
public record ChainVerification(boolean valid, long fromSequence, long toSequence, long entriesChecked,
        long signaturesChecked, Break firstBroken, SignatureBreak firstBrokenSignature) {

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
