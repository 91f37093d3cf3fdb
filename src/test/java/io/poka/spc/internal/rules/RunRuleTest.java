package io.poka.spc.internal.rules;

import io.poka.spc.internal.chart.ChartPoint;
import io.poka.spc.internal.chart.ChartType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule on points built to complete its pattern exactly at the last point, and on points that just miss.
 * Points are standardized: center 0, sigma 1, limits at ±3. Rule texts: Nelson (1984), Western Electric (1956).
 */
class RunRuleTest {

    static List<ChartPoint> points(double... z) {
        List<ChartPoint> out = new ArrayList<>();
        for (int i = 0; i < z.length; i++) {
            out.add(new ChartPoint(i, z[i], 0, -3, 3, 1));
        }
        return out;
    }

    static double[] repeat(double value, int times) {
        double[] z = new double[times];
        java.util.Arrays.fill(z, value);
        return z;
    }

    static double[] alternate(double magnitude, int times) {
        double[] z = new double[times];
        for (int i = 0; i < times; i++) {
            z[i] = i % 2 == 0 ? magnitude : -magnitude;
        }
        return z;
    }

    static double[] append(double[] head, double... tail) {
        double[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    static List<RuleViolation> run(RunRule rule, double... z) {
        return RunRuleEvaluator.evaluate(RuleSet.of(rule), points(z));
    }

    static List<Long> indices(long from, long toInclusive) {
        return LongStream.rangeClosed(from, toInclusive).boxed().toList();
    }

    static void assertFiresOnceAtEnd(List<RuleViolation> v, RunRule rule, List<Long> expected) {
        assertEquals(1, v.size(), () -> "violations: " + v);
        assertEquals(rule.id(), v.get(0).ruleId());
        assertEquals(expected, v.get(0).pointIndices());
    }

    @Test
    void rule1FiresOnAPointBeyondTheLimitButNotOnOneExactlyAtIt() {
        assertFiresOnceAtEnd(run(RunRule.NELSON1, 0, -3.01), RunRule.NELSON1, List.of(1L));
        assertTrue(run(RunRule.NELSON1, 0, 3.0, -3.0).isEmpty());
        assertFiresOnceAtEnd(run(RunRule.WE1, 3.01), RunRule.WE1, List.of(0L));
    }

    @Test
    void nelson2FiresOnNinePointsOnOneSideAndNotOnEight() {
        assertFiresOnceAtEnd(run(RunRule.NELSON2, repeat(0.5, 9)), RunRule.NELSON2, indices(0, 8));
        assertTrue(run(RunRule.NELSON2, append(repeat(0.5, 8), -0.5)).isEmpty());
    }

    @Test
    void aPointOnTheCenterLineBreaksASameSideRun() {
        assertTrue(run(RunRule.NELSON2, append(append(repeat(-0.5, 4), 0.0), repeat(-0.5, 4))).isEmpty());
    }

    @Test
    void aContinuingPatternFiresAgainOnEachNewPoint() {
        List<RuleViolation> v = run(RunRule.NELSON2, repeat(0.5, 10));
        assertEquals(2, v.size());
        assertEquals(indices(1, 9), v.get(1).pointIndices());
    }

    @Test
    void westernElectric4FiresOnEightPointsOnOneSideAndNotOnSeven() {
        assertFiresOnceAtEnd(run(RunRule.WE4, repeat(-0.1, 8)), RunRule.WE4, indices(0, 7));
        assertTrue(run(RunRule.WE4, append(repeat(-0.1, 7), 0.1)).isEmpty());
    }

    @Test
    void nelson3FiresOnSixSteadilyRisingPointsAndATieBreaksTheTrend() {
        assertFiresOnceAtEnd(run(RunRule.NELSON3, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6), RunRule.NELSON3, indices(0, 5));
        assertFiresOnceAtEnd(run(RunRule.NELSON3, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1), RunRule.NELSON3, indices(0, 5));
        assertTrue(run(RunRule.NELSON3, 0.1, 0.2, 0.3, 0.4, 0.5, 0.5).isEmpty());
        assertTrue(run(RunRule.NELSON3, 0.2, 0.3, 0.4, 0.5, 0.6).isEmpty());
    }

    @Test
    void nelson4FiresOnFourteenAlternatingPointsAndNotOnThirteen() {
        assertFiresOnceAtEnd(run(RunRule.NELSON4, alternate(0.5, 14)), RunRule.NELSON4, indices(0, 13));
        assertTrue(run(RunRule.NELSON4, alternate(0.5, 13)).isEmpty());
        assertTrue(run(RunRule.NELSON4, append(alternate(0.5, 13), 0.6)).isEmpty());
    }

    @Test
    void twoOfThreeBeyondTwoSigmaFiresOnlyOnTheSameSideAndStrictlyBeyond() {
        assertFiresOnceAtEnd(run(RunRule.NELSON5, 2.1, 0.5, 2.1), RunRule.NELSON5, List.of(0L, 2L));
        assertFiresOnceAtEnd(run(RunRule.WE2, -2.1, -2.5), RunRule.WE2, List.of(0L, 1L));
        assertTrue(run(RunRule.NELSON5, 2.1, 0.5, 2.0).isEmpty());
        assertTrue(run(RunRule.NELSON5, 2.1, 0.5, -2.1).isEmpty());
        assertTrue(run(RunRule.WE2, 2.1, 0.5, 0.5, 2.1).isEmpty());
    }

    @Test
    void fourOfFiveBeyondOneSigmaFiresOnTheFourthQualifyingPoint() {
        assertFiresOnceAtEnd(run(RunRule.NELSON6, 1.1, 1.1, 0.5, 1.1, 1.1), RunRule.NELSON6, List.of(0L, 1L, 3L, 4L));
        assertFiresOnceAtEnd(run(RunRule.WE3, -1.1, -1.2, -1.3, -1.4), RunRule.WE3, indices(0, 3));
        assertTrue(run(RunRule.NELSON6, 1.1, 1.1, 0.5, 0.5, 1.1).isEmpty());
        assertTrue(run(RunRule.NELSON6, 1.1, 1.1, 1.0, 1.1).isEmpty());
    }

    @Test
    void nelson7FiresOnFifteenPointsWithinOneSigmaAndNotWhenOneSitsOnTheBoundary() {
        assertFiresOnceAtEnd(run(RunRule.NELSON7, alternate(0.5, 15)), RunRule.NELSON7, indices(0, 14));
        assertTrue(run(RunRule.NELSON7, append(alternate(0.5, 14), 1.0)).isEmpty());
    }

    @Test
    void nelson8FiresOnEightPointsBeyondOneSigmaOnEitherSideAndNotOnSeven() {
        assertFiresOnceAtEnd(run(RunRule.NELSON8, alternate(1.5, 8)), RunRule.NELSON8, indices(0, 7));
        assertTrue(run(RunRule.NELSON8, append(alternate(1.5, 7), 0.9)).isEmpty());
    }

    @Test
    void dispersionEwmaAndCusumChartsDefaultToRuleOneOnly() {
        for (ChartType t : List.of(ChartType.RANGE, ChartType.STDDEV, ChartType.MOVING_RANGE, ChartType.EWMA,
                ChartType.CUSUM)) {
            assertEquals(RuleSet.beyondLimitsOnly(), RuleSet.defaultFor(t), t.name());
        }
        assertEquals(RuleSet.westernElectric(), RuleSet.defaultFor(ChartType.XBAR));
    }
}
