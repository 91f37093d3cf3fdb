package io.poka.baselines.internal.anomaly;

import io.poka.scoring.AlarmRule;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.platform.ValidationProblem;
import org.junit.jupiter.api.Test;

/** The alarm rules every monitor of a comparison goes through, and the detection delay they imply. */
class AlarmRuleTest {

    @Test
    void withoutARuleARowAlarmsExactlyWhenItsScoreExceedsTheLimit() {
        double[] scores = {9, 0, 0, 0, 5, Double.NaN, 7};
        boolean[] alarms = AlarmRule.NONE.alarms(AlarmRule.NONE.smooth(scores), 4);
        assertArrayEquals(new boolean[] {true, false, false, false, true, false, true}, alarms);
        // onset at row 2: the alarm on row 0 was before the fault and does not count
        assertEquals(2, AnomalyMetrics.detectionDelay(alarms, 2));
        assertEquals(0, AnomalyMetrics.detectionDelay(alarms, 0));
        assertEquals(-1, AnomalyMetrics.detectionDelay(AlarmRule.NONE.alarms(scores, 8), 1));
    }

    @Test
    void kOfNAlarmsOnlyOnceKOfTheLastNRowsExceedSoItsWaitIsCountedInTheDelay() {
        // onset at row 3; the score exceeds 1 on rows 1, 3, 5, 6, 7
        double[] scores = {0, 2, 0, 2, 0, 2, 2, 2, 0, 0};
        AlarmRule twoOfThree = AlarmRule.kOfN(2, 3);
        boolean[] alarms = twoOfThree.alarms(twoOfThree.smooth(scores), 1);
        // row 3: rows 1-3 hold 2 exceedances (row 1 was before the onset but is in the window) -> alarm
        assertArrayEquals(new boolean[] {false, false, false, true, false, true, true, true, true, false}, alarms);
        AlarmRule threeOfThree = AlarmRule.kOfN(3, 3);
        boolean[] strict = threeOfThree.alarms(scores, 1);
        // three in a row first on rows 5-7: alarm on row 7, 4 rows after the onset, where a plain limit alarms at once
        assertEquals(4, AnomalyMetrics.detectionDelay(strict, 3));
        assertEquals(0, AnomalyMetrics.detectionDelay(AlarmRule.NONE.alarms(scores, 1), 3));
    }

    @Test
    void ewmaSmoothsTheScoreBeforeTheLimitSoAStepIsSeenAfterSomeRowsAndASingleSpikeNotAtAll() {
        AlarmRule ewma = AlarmRule.ewma(0.5);
        double[] smoothed = ewma.smooth(new double[] {Double.NaN, 0, 0, 4, 4, 4, 0, 8, 0});
        // NaN stays NaN and the average starts at the first scored row: 0, 0, 2, 3, 3.5, 1.75, 4.875, 2.4375
        assertArrayEquals(new double[] {Double.NaN, 0, 0, 2, 3, 3.5, 1.75, 4.875, 2.4375}, smoothed, 1e-12);
        boolean[] alarms = ewma.alarms(smoothed, 2.5);
        // the step to 4 starts at row 3; the smoothed score passes 2.5 on row 4: delay 1
        assertEquals(1, AnomalyMetrics.detectionDelay(alarms, 3));
        double[] spike = ewma.smooth(new double[] {0, 0, 0, 4, 0, 0});
        assertEquals(-1, AnomalyMetrics.detectionDelay(ewma.alarms(spike, 2.5), 0));
        assertTrue(ewma.changesScores());
        assertTrue(!AlarmRule.kOfN(2, 3).changesScores());
    }

    @Test
    void incompleteOrOutOfRangeRulesAreRefusedNamingTheField() {
        assertThrows(ValidationProblem.class, () -> new AlarmRule(AlarmRule.Kind.EWMA, null, null, null).validated("r"));
        assertThrows(ValidationProblem.class, () -> AlarmRule.ewma(0).validated("r"));
        assertThrows(ValidationProblem.class, () -> AlarmRule.ewma(1.5).validated("r"));
        assertThrows(ValidationProblem.class, () -> AlarmRule.kOfN(3, 2).validated("r"));
        assertThrows(ValidationProblem.class, () -> AlarmRule.kOfN(1, AlarmRule.MAX_N + 1).validated("r"));
        assertThrows(ValidationProblem.class, () -> new AlarmRule(null, null, null, null).validated("r"));
        assertThrows(ValidationProblem.class, () -> new AlarmRule(AlarmRule.Kind.NONE, 0.2, null, null).validated("r"));
        assertEquals(AlarmRule.kOfN(2, 3), AlarmRule.kOfN(2, 3).validated("r"));
    }

    @Test
    void oneRuleForServedModelsAndComparisonsTakesNUpTo100AndItsTwoReadingsAgree() {
        // a served model may keep a k-of-n rule up to n = 100; the comparison's own copy refused n > 50
        assertEquals(AlarmRule.kOfN(60, 100), AlarmRule.kOfN(60, 100).validated("r"));
        assertThrows(ValidationProblem.class, () -> AlarmRule.kOfN(1, AlarmRule.MAX_N + 1).validated("r"));
        assertEquals(100, AlarmRule.MAX_N);
        // training sets the starting value, a request may not
        assertThrows(ValidationProblem.class, () -> AlarmRule.ewma(0.2).startingAt(1.0).validated("r"));
        // the comparison counts exceedances in the window, the served model takes the k-th largest score: the same
        // alarms when the rows before the first count as normal
        double[] scores = {0, 2, 0, 2, 0, 2, 2, 2, 0, 0};
        AlarmRule twoOfThree = AlarmRule.kOfN(2, 3);
        boolean[] counted = twoOfThree.alarms(scores, 1);
        double[] kthLargest = twoOfThree.startingAt(0).apply(scores);
        for (int i = 0; i < scores.length; i++) {
            assertEquals(counted[i], kthLargest[i] > 1, "row " + i);
        }
    }
}
