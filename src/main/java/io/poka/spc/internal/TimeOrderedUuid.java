package io.poka.spc.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs (RFC 9562, section 5.7): 48 bits of Unix milliseconds, then random bits. Violations are stored at
 * tens of thousands per second; with time-ordered ids their primary-key index grows at its right edge instead of
 * touching a random page of an ever larger index for every row, as random (version 4) ids do. The 74 random bits
 * identify, they protect nothing, so a fast non-cryptographic generator is enough.
 */
final class TimeOrderedUuid {
    private TimeOrderedUuid() {
    }

    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long randA = random.nextInt() & 0xFFFL;
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
