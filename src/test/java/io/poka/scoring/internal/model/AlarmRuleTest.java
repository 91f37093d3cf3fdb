package io.poka.scoring.internal.model;

import io.poka.scoring.AlarmRule;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The score post-processing over time that every threshold applies to. */
class AlarmRuleTest {

    @Test
    void ewmaStartsAtTheNormalLevelAndFollowsTheRawScore() {
        AlarmRule rule = AlarmRule.ewma(0.5).startingAt(1.0);
        // s1 = 0.5 * 3 + 0.5 * 1 = 2; s2 = 0.5 * 3 + 0.5 * 2 = 2.5; s3 = 0.5 * 1 + 0.5 * 2.5 = 1.75
        assertArrayEquals(new double[] {2.0, 2.5, 1.75}, rule.apply(new double[] {3, 3, 1}), 1e-12);
        assertEquals(7, rule.memory()); // 0.5^7 < 1 %
    }

    @Test
    void kOfNAlarmsOnlyWhenKOfTheLastNRowsAreHigh() {
        AlarmRule rule = AlarmRule.kOfN(2, 3).startingAt(1.0);
        double[] s = rule.apply(new double[] {9, 1, 1, 9, 9, 1});
        double threshold = 5;
        assertFalse(s[0] > threshold); // one high row of three is not enough
        assertFalse(s[2] > threshold);
        assertEquals(9, s[4]); // rows 3 and 4 high
        assertEquals(9, s[5]); // rows 3, 4 of 3..5
    }

    @Test
    void aSeriesScoredInPiecesGivesTheSameScoresAsInOneBatch() {
        AlarmRule rule = AlarmRule.ewma(0.2).startingAt(1.1);
        double[] raw = {1, 2, 8, 3, 1, 0.5, 7, 7, 7};
        AlarmRule.State state = rule.newState();
        double[] pieces = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            pieces[i] = state.next(raw[i]);
        }
        assertArrayEquals(rule.apply(raw), pieces, 0.0);
    }
}
