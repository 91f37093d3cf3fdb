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
    void aTargetBelowOneOverTheRowCountIsRefusedNamingTheSmallestSupported() {
        UnsupportedTarget refused = assertThrows(UnsupportedTarget.class, () -> VaeGanFit.refuseUnsupported(0.001, 499));
        assertEquals(422, refused.status());
        assertEquals(0.002, (double) refused.extensions().get("smallestSupportedTarget"), 1e-9);
        VaeGanFit.refuseUnsupported(0.002, 499); // exactly 1 / (rows + 1) passes the request-time check
    }

    /** n iid Exp(1) values, each repeated {@code run} times in a row: extremal index 1 / run, true rate exp(-t). */
    static List<double[]> clusteredExponential(int values, int run, long seed) {
        double[] iid = exponentialBlocks(1, values, seed).get(0);
        double[] s = new double[values * run];
        for (int i = 0; i < s.length; i++) {
            s[i] = iid[i / run];
        }
        // five consecutive time blocks, as cross-fitting delivers them
        List<double[]> blocks = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            blocks.add(java.util.Arrays.copyOfRange(s, b * s.length / 5, (b + 1) * s.length / 5));
        }
        return blocks;
    }

    @Test
    void fiveHundredClusteredRowsStillSupportOnePercentThroughTheTailFitAndHonourItOnAverage() {
        // 500 rows in clusters of 6 count as about 84 independent ones: one independent row per 1 % is not there (the
        // rule before refused every draw), but the tail fit over the top 10 % (about 8 independent clusters) is; the
        // served TEP scores look like this (n_eff 50-150). Over draws, the true rate of the threshold (Exp(1):
        // exp(-t)) is the target on average (measured: 0.95 %, 33 of 40 draws accepted; the rule before accepted 2);
        // single draws scatter around it (0.03-4.3 %), which is what a
        // threshold from 84 independent values can do, whatever the method
        int draws = 40;
        double sum = 0;
        int accepted = 0;
        for (long seed = 1; seed <= draws; seed++) {
            TailCalibration.Fit fit = TailCalibration.fit(clusteredExponential(84, 6, 10 + seed), 0.01, seed);
            assertTrue(fit.effectiveSampleSize() < 150, fit.toString());
            if (fit.smallestSupportedTarget() <= 0.01) {
                accepted++;
                sum += Math.exp(-fit.threshold());
            }
        }
        assertTrue(accepted >= draws * 3 / 4, accepted + " of " + draws + " draws support 1 %");
        assertTrue(sum / accepted <= 0.0125, "mean true false-alarm rate " + sum / accepted);
    }

    @Test
    void withTooFewIndependentTailClustersOnlyOneIndependentRowPerTargetIsSupported() {
        // 500 rows in clusters of 25: 20 independent rows, 2 clusters in the top 10 %: no tail fit is trusted
        TailCalibration.Fit fit = TailCalibration.fit(clusteredExponential(20, 25, 3), 0.01, 1);
        assertTrue(fit.tailClusters() < TailCalibration.MIN_TAIL_CLUSTERS, fit.toString());
        assertEquals(1 / (fit.effectiveSampleSize() + 1), fit.smallestSupportedTarget(), 1e-12);
        assertTrue(fit.smallestSupportedTarget() > 0.02, fit.toString());
    }
}
