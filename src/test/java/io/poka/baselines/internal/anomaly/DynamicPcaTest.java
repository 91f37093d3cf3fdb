package io.poka.baselines.internal.anomaly;

import io.poka.scoring.AlarmRule;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Dynamic PCA: lagged inputs, history rows without a score, and a fault that changes only the dynamics. */
class DynamicPcaTest {

    @Test
    void eachLaggedRowHoldsTheCurrentRowThenItsPredecessors() {
        double[][] z = {{1, 10}, {2, 20}, {3, 30}, {4, 40}};
        double[][] lagged = DynamicPca.lagged(z, 2);
        assertEquals(2, lagged.length);
        assertArrayEquals(new double[] {3, 30, 2, 20, 1, 10}, lagged[0]);
        assertArrayEquals(new double[] {4, 40, 3, 30, 2, 20}, lagged[1]);
        assertEquals(0, DynamicPca.lagged(z, 4).length);
    }

    @Test
    void theFirstLagRowsOnlyServeAsHistoryAndGetNoScore() {
        AnomalyMonitor spe = DynamicPca.fit(ar(0.8, 300, new Random(1)), 3, 0.9).get(1);
        assertEquals("dynamic-pca-spe", spe.name());
        assertEquals(3, spe.lags());
        double[] s = spe.scores(ar(0.8, 10, new Random(2)));
        for (int i = 0; i < 3; i++) {
            assertTrue(Double.isNaN(s[i]), "row " + i);
        }
        for (int i = 3; i < 10; i++) {
            assertTrue(!Double.isNaN(s[i]), "row " + i);
        }
    }

    @Test
    void aFaultThatOnlyReversesTheAutocorrelationIsSeenByDynamicSpeButNotByStaticPca() {
        // two variables, x strongly autocorrelated and y = x + noise; the fault flips x's autocorrelation sign,
        // which leaves every row's marginal distribution (and the x-y relation) as it was
        double[][] train = ar(0.9, 1000, new Random(3));
        double[][] normalTest = ar(0.9, 1000, new Random(4));
        double[][] fault = ar(-0.9, 1000, new Random(5));
        List<AnomalyMonitor> statik = PcaMonitors.fit(train, 0.9).monitors();
        List<AnomalyMonitor> dynamic = DynamicPca.fit(train, 1, 0.9);
        double staticShare = detected(statik.get(1), normalTest, fault);
        double dynamicShare = detected(dynamic.get(1), normalTest, fault);
        assertTrue(staticShare < 0.05, "static SPE sees the reversed dynamics: " + staticShare);
        assertTrue(dynamicShare > 0.5, "dynamic SPE misses the reversed dynamics: " + dynamicShare);
    }

    /** Share of fault rows above the 1 % limit set on the normal test rows. */
    private static double detected(AnomalyMonitor m, double[][] normal, double[][] fault) {
        double limit = EqualFalseAlarm.limit(List.of(m.scores(normal)), AlarmRule.NONE, 0.01, m.lags());
        double[] s = m.scores(fault);
        return AnomalyMetrics.exceedance(java.util.Arrays.copyOfRange(s, m.lags(), s.length), limit);
    }

    private static double[][] ar(double phi, int n, Random random) {
        double[][] rows = new double[n][2];
        double x = 0;
        double scale = Math.sqrt(1 - phi * phi);
        for (int i = 0; i < n; i++) {
            x = phi * x + scale * random.nextGaussian();
            rows[i][0] = x;
            rows[i][1] = x + 0.3 * random.nextGaussian();
        }
        return rows;
    }
}
