package io.poka.diagnosis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The benchmark's PCA SPE: a row that keeps the normal rows' correlation scores near 0, one that breaks it scores high. */
class SpeDetectorTest {

    @Test
    void aRowOffTheNormalRowsPlaneHasALargeSquaredPredictionError() {
        // normal rows: x2 = x0 + x1 (a plane in 3-D) plus small noise; two components carry > 99% of the variance
        Random random = new Random(7);
        double[][] normal = new double[500][];
        for (int i = 0; i < normal.length; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            normal[i] = new double[] {a, b, a + b + 0.01 * random.nextGaussian()};
        }
        SpeDetector detector = SpeDetector.fit(normal, 0.9);
        double onPlane = detector.spe(new double[] {1.0, -0.5, 0.5});
        double offPlane = detector.spe(new double[] {1.0, -0.5, 3.0});
        assertEquals(0.0, onPlane, 1e-3, "a row with the normal correlation");
        assertTrue(offPlane > 1.0, "x2 far from x0 + x1: " + offPlane);
    }
}
