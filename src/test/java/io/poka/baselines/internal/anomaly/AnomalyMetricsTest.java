package io.poka.baselines.internal.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class AnomalyMetricsTest {

    @Test
    void thresholdIsTheConformalQuantileOfTheHeldOutScores() {
        double[] scores = DoubleStream.iterate(1, v -> v + 1).limit(100).toArray(); // 1..100
        // ceil(101 * 0.99) = 100 -> the largest; ceil(101 * 0.9) = 91 -> 91
        assertEquals(100, AnomalyMetrics.threshold(scores, 0.01));
        assertEquals(91, AnomalyMetrics.threshold(scores, 0.10));
        assertEquals(0.09, AnomalyMetrics.exceedance(scores, 91), 1e-12);
    }
}
