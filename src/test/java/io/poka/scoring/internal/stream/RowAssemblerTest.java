package io.poka.scoring.internal.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowAssemblerTest {
    private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");

    @Test
    void aStepIsEmittedOnlyWhenEveryModelVariableHasArrivedInModelOrder() {
        RowAssembler a = new RowAssembler(List.of("x", "y", "z"), 10);
        a.add(T0, "z", 3);
        a.add(T0, "x", 1);
        assertTrue(a.drainComplete().isEmpty());
        a.add(T0, "unused", 99);
        a.add(T0, "y", 2);
        List<RowAssembler.Row> rows = a.drainComplete();
        assertEquals(1, rows.size());
        assertEquals(T0, rows.get(0).timestamp());
        assertArrayEquals(new double[] {1, 2, 3}, rows.get(0).values());
        assertTrue(a.drainComplete().isEmpty(), "a step is emitted once");
    }

    @Test
    void completeStepsComeOutOldestFirstEvenWhenTheyCompleteOutOfOrder() {
        RowAssembler a = new RowAssembler(List.of("x", "y"), 10);
        a.add(T0.plusSeconds(3), "x", 30);
        a.add(T0.plusSeconds(3), "y", 31);
        a.add(T0, "x", 0);
        a.add(T0, "y", 1);
        List<RowAssembler.Row> rows = a.drainComplete();
        assertEquals(List.of(T0, T0.plusSeconds(3)), rows.stream().map(RowAssembler.Row::timestamp).toList());
    }

    @Test
    void incompleteStepsBeyondTheLimitAreDroppedOldestFirstAndCounted() {
        RowAssembler a = new RowAssembler(List.of("x", "y"), 2);
        for (int i = 0; i < 5; i++) {
            a.add(T0.plusSeconds(i), "x", i);
        }
        assertTrue(a.drainComplete().isEmpty());
        assertEquals(3, a.dropped());
        a.add(T0.plusSeconds(4), "y", 4);
        assertEquals(T0.plusSeconds(4), a.drainComplete().get(0).timestamp());
        a.add(T0, "y", 0);
        assertTrue(a.drainComplete().isEmpty(), "a dropped step does not come back complete from one late reading");
    }
}
