package io.poka.spc.internal.chart;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EwmaAndCusumTest {

    /** Process parameters qcc estimates from pistonrings[1:25,]: center 74.00118, std.dev 0.009785039, n = 5. */
    static ControlLimits pistonrings(ChartType type, double l) {
        List<ControlLimits> xbar = new XbarR().estimate(ShewhartChartsQccReferenceTest.pistonrings(0, 25));
        return ControlLimits.entered(type, 1, xbar.get(0).center(), xbar.get(0).sigma(), 5, l);
    }

    @Test
    void ewmaTimeVaryingLimitsOnPistonringsMatchQcc() {
        // qcc vignette: ewma(diameter[1:25,], lambda=0.2, nsigmas=3): limits 1: 73.99855 74.00380,
        // 2: 73.99781 74.00454, 25: 73.99680 74.00555
        List<Subgroup> data = ShewhartChartsQccReferenceTest.pistonrings(0, 25);
        EwmaMonitor m = new EwmaMonitor(pistonrings(ChartType.EWMA, 3), 0.2);
        ChartPoint[] p = new ChartPoint[25];
        for (int i = 0; i < 25; i++) {
            p[i] = m.next(i, data.get(i).mean()).orElseThrow();
        }
        assertEquals(73.99855, p[0].lcl(), 0.000005);
        assertEquals(74.00380, p[0].ucl(), 0.000005);
        assertEquals(73.99781, p[1].lcl(), 0.000005);
        assertEquals(74.00454, p[1].ucl(), 0.000005);
        assertEquals(73.99680, p[24].lcl(), 0.000005);
        assertEquals(74.00555, p[24].ucl(), 0.000005);
    }

    @Test
    void ewmaWithLOf2Point7OverAllFortySubgroupsMatchesQcc() {
        // qcc vignette: ewma(diameter[1:25,], lambda=0.2, nsigmas=2.7, newdata=diameter[26:40,]):
        // limits 1: 73.99881 74.00354, 40: 73.99724 74.00511
        List<Subgroup> data = ShewhartChartsQccReferenceTest.pistonrings(0, 40);
        EwmaMonitor m = new EwmaMonitor(pistonrings(ChartType.EWMA, 2.7), 0.2);
        ChartPoint first = null;
        ChartPoint last = null;
        for (int i = 0; i < 40; i++) {
            last = m.next(i, data.get(i).mean()).orElseThrow();
            if (i == 0) {
                first = last;
            }
        }
        assertEquals(73.99881, first.lcl(), 0.000005);
        assertEquals(74.00354, first.ucl(), 0.000005);
        assertEquals(73.99724, last.lcl(), 0.000005);
        assertEquals(74.00511, last.ucl(), 0.000005);
    }

    @Test
    void ewmaStartsFromTheTargetAndSmoothsByLambda() {
        EwmaMonitor m = new EwmaMonitor(ControlLimits.entered(ChartType.EWMA, 1, 50, 2, 1, 3), 0.3);
        assertEquals(0.3 * 52 + 0.7 * 50, m.next(0, 52.0).orElseThrow().value(), 1e-12);
        assertEquals(0.3 * 47 + 0.7 * 50.6, m.next(1, 47.0).orElseThrow().value(), 1e-12);
    }

    @Test
    void ewmaResumedFromItsStateGivesTheSamePointsAsAnUninterruptedOne() {
        ControlLimits l = ControlLimits.entered(ChartType.EWMA, 1, 50, 2, 1, 3);
        EwmaMonitor whole = new EwmaMonitor(l, 0.3);
        whole.next(0, 52.0);
        whole.next(1, 47.0);
        EwmaMonitor resumed = new EwmaMonitor(l, 0.3, whole.lastValue(), 2);
        assertEquals(whole.next(2, 53.0), resumed.next(2, 53.0));
    }

    @Test
    void cusumUpperSumAccumulatesAboveTargetPlusKAndSignalsPastH() {
        // μ0 = 10, σ = 1, k = 0.5, h = 4 (NIST/SEMATECH 6.3.2.3.1 tabular form); sums worked by hand.
        CusumMonitor m = new CusumMonitor(ControlLimits.entered(ChartType.CUSUM, 1, 10, 1, 1, 3), 0.5, 4);
        double[] x = {10, 11, 12, 11.5, 12};
        double[] expectedUpper = {0, 0.5, 2.0, 3.0, 4.5};
        CusumPoint p = null;
        for (int i = 0; i < x.length; i++) {
            p = m.next(i, x[i]);
            assertEquals(expectedUpper[i], p.upper(), 1e-12);
            assertEquals(0, p.lower(), 0);
            assertEquals(i == 4, p.signalsUpward());
        }
        assertFalse(p.signalsDownward());
        assertEquals(List.of(1L, 2L, 3L, 4L), m.upperRun());
    }

    @Test
    void cusumLowerSumUsesSubgroupStandardErrorAndResetsAtZero() {
        // n = 4, σ = 2 → σ_x = 1, K = 0.5, H = 5
        CusumMonitor m = new CusumMonitor(ControlLimits.entered(ChartType.CUSUM, 1, 0, 2, 4, 3), 0.5, 5);
        assertEquals(1.5, m.next(0, -2).lower(), 1e-12);
        assertEquals(0, m.next(1, 3).lower(), 0);
        assertTrue(m.lowerRun().isEmpty());
        m.next(2, -3);
        CusumPoint p = m.next(3, -3.5);
        assertEquals(2.5 + 3.0, p.lower(), 1e-12);
        assertTrue(p.signalsDownward());
        assertEquals(List.of(2L, 3L), m.lowerRun());
    }

    @Test
    void tabularCusumReproducesMontgomeryAndRungerExample16_6() {
        // D. C. Montgomery and G. C. Runger, Applied Statistics and Probability for Engineers, 3rd ed. (2002),
        // Example 16-6, Table 16-8: chemical concentration, μ0 = 99, K = 1, H = 10 (σ = 1, k = 1, h = 10).
        double[] x = {102.0, 94.8, 98.3, 98.4, 102.0, 98.5, 99.0, 97.7, 100.0, 98.1, 101.3, 98.7, 101.1, 98.4, 97.0,
                96.7, 100.3, 101.4, 97.2, 101.0};
        double[] upper = {2.0, 0.0, 0.0, 0.0, 2.0, 0.5, 0.0, 0.0, 0.0, 0.0, 1.3, 0.0, 1.1, 0.0, 0.0, 0.0, 0.3, 1.7,
                0.0, 1.0};
        double[] lower = {0.0, 3.2, 2.9, 2.5, 0.0, 0.0, 0.0, 0.3, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.3, 0.0, 0.0,
                0.8, 0.0};
        CusumMonitor m = new CusumMonitor(ControlLimits.entered(ChartType.CUSUM, 1, 99, 1, 1, 3), 1, 10);
        for (int i = 0; i < x.length; i++) {
            CusumPoint p = m.next(i, x[i]);
            assertEquals(upper[i], p.upper(), 1e-9, "upper at observation " + (i + 1));
            assertEquals(lower[i], p.lower(), 1e-9, "lower at observation " + (i + 1));
            assertFalse(p.signalsUpward() || p.signalsDownward(), "the example never exceeds H = 10");
            if (i == 17) {
                // the table's n_H = 2 at observation 18: the upper sum has been non-zero for two periods
                assertEquals(List.of(16L, 17L), m.upperRun());
            }
        }
    }

    @Test
    void ewmaReadsThePhaseOneXbarBaselineAndKeepsItsOriginAndVersion() {
        ControlLimits xbar = new XbarR().estimate(ShewhartChartsQccReferenceTest.pistonrings(0, 25)).get(0)
                .withVersion(3);
        ControlLimits ewma = xbar.forTimeWeightedChart(ChartType.EWMA);
        assertEquals(ChartType.EWMA, ewma.type());
        assertEquals(LimitsOrigin.PHASE_I_ESTIMATE, ewma.origin());
        assertEquals(3, ewma.version());
        assertEquals(pistonrings(ChartType.EWMA, 3).withVersion(3).center(), ewma.center(), 0);
        assertEquals(5, ewma.subgroupSize());
    }
}
