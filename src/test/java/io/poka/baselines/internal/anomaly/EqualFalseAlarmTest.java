package io.poka.baselines.internal.anomaly;

import io.poka.scoring.AlarmRule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** Limits that bring monitors with very different score scales to the same false-alarm rate on the same normal rows. */
class EqualFalseAlarmTest {

    @Test
    void monitorsOnDifferentScalesGetTheSameRateOnTheNormalTestRows() {
        Random random = new Random(7);
        double[] small = DoubleStream.generate(random::nextGaussian).limit(500).toArray();
        double[] large = DoubleStream.generate(() -> Math.exp(3 * random.nextGaussian())).limit(500).toArray();
        for (double target : new double[] {0.01, 0.05, 0.2}) {
            double a = EqualFalseAlarm.limit(List.of(small), AlarmRule.NONE, target, 0);
            double b = EqualFalseAlarm.limit(List.of(large), AlarmRule.NONE, target, 0);
            double rateA = EqualFalseAlarm.rate(List.of(small), AlarmRule.NONE, a, 0);
            double rateB = EqualFalseAlarm.rate(List.of(large), AlarmRule.NONE, b, 0);
            // 500 distinct scores: exactly floor(500 target) rows above the limit for both
            assertEquals(Math.floor(500 * target + 1e-9) / 500, rateA, 1e-12, "target " + target);
            assertEquals(rateA, rateB, 1e-12, "target " + target);
        }
    }

    @Test
    void theLimitIsTheSmallestScoreThatKeepsTheRateAtOrBelowTheTarget() {
        double[] scores = DoubleStream.iterate(1, v -> v + 1).limit(100).toArray(); // 1..100
        // 5 % of 100 rows: scores 96..100 exceed 95
        assertEquals(95, EqualFalseAlarm.limit(List.of(scores), AlarmRule.NONE, 0.05, 0));
        // rows before fromRow are not evaluated: 90 rows left, at most 4.5 of them: scores 97..100 exceed 96
        assertEquals(96, EqualFalseAlarm.limit(List.of(scores), AlarmRule.NONE, 0.05, 10));
        // two series are pooled
        assertEquals(0.05, EqualFalseAlarm.rate(List.of(scores, scores), AlarmRule.NONE, 95, 0), 1e-12);
    }

    @Test
    void withKOfNTheRateIsCountedAfterTheRuleAndStillHoldsTheTarget() {
        Random random = new Random(11);
        double[] ar = new double[1000];
        for (int i = 1; i < ar.length; i++) {
            ar[i] = 0.8 * ar[i - 1] + random.nextGaussian(); // autocorrelated, as process scores are
        }
        AlarmRule rule = AlarmRule.kOfN(2, 3);
        double limit = EqualFalseAlarm.limit(List.of(ar), rule, 0.01, 0);
        double rate = EqualFalseAlarm.rate(List.of(ar), rule, limit, 0);
        assertTrue(rate <= 0.01, "rate " + rate);
        // the next lower score would exceed the target: the limit is as low as the target allows
        double lower = DoubleStream.of(ar).filter(v -> v < limit).max().orElseThrow();
        assertTrue(EqualFalseAlarm.rate(List.of(ar), rule, lower, 0) > 0.01);
        assertTrue(rate > 0.005, "the rule's granularity should still come close to the target: " + rate);
    }
}
