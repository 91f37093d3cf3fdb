package io.poka.spc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Layout from RFC 9562, section 5.7 (UUID version 7): unix_ts_ms(48) ver(4)=0111 rand_a(12) var(2)=10 rand_b(62). */
class TimeOrderedUuidTest {

    @Test
    void carriesVersionSevenTheRfcVariantAndTheMillisecondsInItsFirst48Bits() {
        long millis = 1_764_417_600_123L; // 2025-11-29T12:00:00.123Z
        UUID id = TimeOrderedUuid.at(millis);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgresqlComparesUuids() {
        UUID earlier = TimeOrderedUuid.at(1_000_000L);
        UUID later = TimeOrderedUuid.at(1_000_001L);
        // PostgreSQL orders uuid by its 16 bytes unsigned; the first 8 bytes decide here
        assertTrue(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits()) < 0);
    }

    @Test
    void aMillionIdsOfTheSameMillisecondAreDistinct() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            assertTrue(seen.add(TimeOrderedUuid.at(42L)));
        }
    }
}
