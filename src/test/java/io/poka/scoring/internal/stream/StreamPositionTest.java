package io.poka.scoring.internal.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.poka.scoring.AlarmRule;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A saved position must give back exactly the state it was saved from: the alarm rule resumed from its memory goes on
 * with the same post-processed scores, bit for bit, as the rule that never stopped.
 */
class StreamPositionTest {

    @Test
    void everyRuleResumedFromItsSavedMemoryGoesOnExactlyAsTheRuleThatNeverStopped() {
        Random random = new Random(7);
        double[] raw = random.doubles(300, 0, 3).toArray();
        for (AlarmRule rule : List.of(AlarmRule.ewma(0.3).startingAt(0.8), AlarmRule.kOfN(3, 5).startingAt(0.5),
                AlarmRule.NONE)) {
            for (int stop : new int[] {0, 2, 7, 151}) {
                AlarmRule.State single = rule.newState();
                AlarmRule.State first = rule.newState();
                for (int i = 0; i < stop; i++) {
                    single.next(raw[i]);
                    first.next(raw[i]);
                }
                StreamPosition saved = new StreamPosition("L", UUID.randomUUID(), Instant.EPOCH, first.memory());
                StreamPosition read = StreamPosition.of("L", saved.modelId(), Instant.EPOCH, saved.state());
                AlarmRule.State resumed = rule.resumed(read.ruleMemory());
                for (int i = stop; i < raw.length; i++) {
                    assertEquals(single.next(raw[i]), resumed.next(raw[i]), 0.0, rule.kind() + " stopped at " + stop
                            + ", row " + i);
                }
            }
        }
    }

    @Test
    void theSavedBytesGiveBackTheMemoryBitForBit() {
        double[] memory = {1.5, -2.25, Double.MIN_VALUE, 0.1 + 0.2};
        StreamPosition p = new StreamPosition("L", UUID.randomUUID(), Instant.parse("2026-12-05T10:00:00Z"), memory);
        StreamPosition read = StreamPosition.of("L", p.modelId(), p.lastScoredAt(), p.state());
        assertArrayEquals(memory, read.ruleMemory(), 0.0);
        assertEquals(1 + 4 + 8 * memory.length, p.state().length, "format, length, the doubles: nothing per variable");
    }

    @Test
    void aMemoryThatDoesNotFitTheRuleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AlarmRule.kOfN(2, 3).resumed(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> AlarmRule.ewma(0.2).resumed(new double[0]));
    }
}
