package io.poka.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void thresholdIsTheConformalOrderStatistic() {
        double[] scores = new double[199];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = scores.length - i; // 199 .. 1, unsorted order must not matter
        }
        // ceil(200 * 0.95) = 190th smallest = 190
        assertEquals(190, Calibration.threshold(scores, 0.05));
        assertEquals(0.045, Calibration.exceedanceRate(scores, 190), 0.001);
        // fewer rows than 1/alpha: the maximum
        assertEquals(199, Calibration.threshold(scores, 0.001));
    }
}
