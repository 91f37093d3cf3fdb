package io.poka.audit.internal.chain;

import io.poka.audit.ChainVerification;

/**
 * Checks stored entries in sequence order and remembers the first broken one: a missing sequence number, a
 * previous-hash that is not the stored hash of the entry before, or a stored hash that differs from the one
 * recomputed from the entry's content.
 */
public final class ChainWalk {
    private long expectedSequence;
    private String previousHash;
    private long checked;
    private ChainVerification.Break firstBreak;

    /**
     * @param firstSequence the first sequence number to check
     * @param anchorHash the stored hash of the entry before it ({@link HashChain#GENESIS} before entry 1)
     */
    public ChainWalk(long firstSequence, String anchorHash) {
        this.expectedSequence = firstSequence;
        this.previousHash = anchorHash;
    }

    /** Checks the next stored entry; returns false once the chain is broken (later entries are not checked). */
    public boolean accept(EntryContent entry, String storedHash) {
        if (firstBreak != null) {
            return false;
        }
        checked++;
        if (entry.sequence() != expectedSequence) {
            return broken(new ChainVerification.Break(expectedSequence, "MISSING_ENTRY", null, null,
                    "entry " + expectedSequence + " is missing; the next stored entry is " + entry.sequence()));
        }
        if (!previousHash.equals(entry.previousHash())) {
            return broken(new ChainVerification.Break(entry.sequence(), "PREVIOUS_HASH_MISMATCH", previousHash,
                    entry.previousHash(), "the entry does not link to the stored hash of the entry before it"));
        }
        String recomputed = HashChain.hash(entry);
        if (!recomputed.equals(storedHash)) {
            return broken(new ChainVerification.Break(entry.sequence(), "HASH_MISMATCH", recomputed, storedHash,
                    "the entry's content does not match its stored hash"));
        }
        expectedSequence++;
        previousHash = storedHash;
        return true;
    }

    /** After a walk of the whole chain: the chain head must name the last entry, else entries were removed. */
    public void checkHead(long headSequence, String headHash) {
        if (firstBreak == null && (headSequence != expectedSequence - 1 || !headHash.equals(previousHash))) {
            long missing = headSequence > expectedSequence - 1 ? expectedSequence : headSequence;
            broken(new ChainVerification.Break(missing, "HEAD_MISMATCH", headHash, previousHash,
                    "the chain head names entry " + headSequence + " but the stored chain ends at "
                            + (expectedSequence - 1)));
        }
    }

    /** After a walk of a range: every sequence number up to {@code lastSequence} must have been seen. */
    public void checkComplete(long lastSequence) {
        if (firstBreak == null && expectedSequence <= lastSequence) {
            broken(new ChainVerification.Break(expectedSequence, "MISSING_ENTRY", null, null,
                    "entry " + expectedSequence + " is missing"));
        }
    }

    private boolean broken(ChainVerification.Break b) {
        firstBreak = b;
        return false;
    }

    public long checked() {
        return checked;
    }

    public ChainVerification.Break firstBreak() {
        return firstBreak;
    }

    public String lastHash() {
        return previousHash;
    }
}
