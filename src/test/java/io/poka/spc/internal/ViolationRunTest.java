package io.poka.spc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A continuing pattern stored once: every point of every firing, in time order, without repeats. */
class ViolationRunTest {

    private static ViolationRun run() {
        return new ViolationRun(UUID.randomUUID(), "l", "v", "INDIVIDUALS", "WE2", 1);
    }

    @Test
    void firingsOnConsecutivePointsCollectTheUnionOfTheirPointsInTimeOrder() {
        ViolationRun run = run();
        run.fire(3, List.of(1L, 3L), 2.5);
        assertTrue(run.continuesAt(4));
        // the side changed: point 2 was below -2 sigma, not part of the first (upper) pattern
        run.fire(4, List.of(2L, 4L), -2.6);
        run.fire(5, List.of(4L, 5L), -2.7);
        assertArrayEquals(new long[] {1, 2, 3, 4, 5}, Arrays.copyOf(run.pointMillis(), run.pointCount()));
        assertEquals(3, run.firedPoints());
        assertEquals(3, run.firstFiredMillis(), "fired at points 3, 4, 5: the stored points from 3 on");
        assertEquals(-2.7, run.value());
    }

    @Test
    void aGapOfOnePlottedPointEndsThePattern() {
        ViolationRun run = run();
        run.fire(7, List.of(7L), 4.0);
        assertFalse(run.continuesAt(9));
        assertFalse(run.continuesAt(7));
    }
}
