package io.poka.audit;

/** A position in the hash chain: an entry's sequence number and stored hash (0 and 64 zeros before the first). */
public record ChainPoint(long sequence, String hash) {
}
