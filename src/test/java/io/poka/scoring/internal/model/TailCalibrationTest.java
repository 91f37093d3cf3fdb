package io.poka.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tail fit behind every threshold, checked against distributions whose tails are known in closed form. */
class TailCalibrationTest {

    /** Draws from GPD(shape, scale) by its inverse CDF y = scale / shape * (U^-shape - 1) (Hosking and Wallis 1987). */
    private static double[] gpd(double shape, double scale, int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = scale / shape * (Math.pow(1 - r.nextDouble(), -shape) - 1);
        }
        return y;
    }

    private static List<double[]> exponentialBlocks(int blocks, int perBlock, long seed) {
        Random r = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            double[] s = new double[perBlock];
            for (int i = 0; i < perBlock; i++) {
                s[i] = -Math.log(1 - r.nextDouble());
            }
            out.add(s);
        }
        return out;
    }

    @Test
    void probabilityWeightedMomentsRecoverAKnownParetoTail() {
        TailCalibration.Gpd fit = TailCalibration.Gpd.fit(gpd(0.25, 2.0, 20_000, 1));
        assertEquals(0.25, fit.shape(), 0.05, fit.toString());
        assertEquals(2.0, fit.scale(), 0.1, fit.toString());
        // exponential = GPD with shape 0 (Hosking and Wallis 1987, section 2)
        TailCalibration.Gpd exp = TailCalibration.Gpd.fit(exponentialBlocks(1, 20_000, 2).get(0));
        assertEquals(0.0, exp.shape(), 0.05, exp.toString());
        assertEquals(1.0, exp.scale(), 0.05, exp.toString());
        assertEquals(Math.log(100), exp.quantile(0.01), 0.25);
    }

    @Test
    void theThresholdHonoursTheTargetAtTheUpperEndOfItsIntervalWithoutBeingAbsurd() {
        // iid Exp(1) scores: P(S > t) = exp(-t) exactly; 1 % is exceeded above ln(100) = 4.61
        TailCalibration.Fit fit = TailCalibration.fit(exponentialBlocks(5, 1000, 3), 0.01, 1);
        double trueRate = Math.exp(-fit.threshold());
        assertEquals("GPD", fit.method());
        assertTrue(fit.upper() <= 0.01 + 1e-9, fit.toString());
        assertTrue(fit.lower() <= fit.expectedFalseAlarmRate() && fit.expectedFalseAlarmRate() <= fit.upper(), fit.toString());
        assertTrue(trueRate <= 0.01 && trueRate >= 0.003, "true rate at the threshold " + trueRate + ", " + fit);
    }

    @Test
    void independentRowsCountFullyAndRowsRepeatedInClustersCountOncePerCluster() {
        List<double[]> iid = exponentialBlocks(5, 1000, 4);
        assertTrue(TailCalibration.effectiveSampleSize(iid) > 0.8 * 5000, "iid n_eff " + TailCalibration.effectiveSampleSize(iid));
        List<double[]> clustered = new ArrayList<>();
        for (double[] s : iid) {
            double[] c = new double[s.length * 4];
            for (int i = 0; i < c.length; i++) {
                c[i] = s[i / 4];
            }
            clustered.add(c);
        }
        double nEff = TailCalibration.effectiveSampleSize(clustered);
        // 20000 rows, every value four times in a row: extremal index 1/4, so about 5000 independent rows
        assertEquals(5000, nEff, 1000);
    }

    @Test
    void aTargetBelowOneOverTheEffectiveSampleSizeIsRefusedNamingTheSmallestSupported() {
        UnsupportedTarget refused = assertThrows(UnsupportedTarget.class, () -> VaeGanFit.refuseUnsupported(0.001, 199, 500));
        assertEquals(422, refused.status());
        assertEquals(0.005, (double) refused.extensions().get("smallestSupportedTarget"), 1e-9);
        VaeGanFit.refuseUnsupported(0.005, 199, 500); // exactly 1 / (n_eff + 1) is supported
    }
}
