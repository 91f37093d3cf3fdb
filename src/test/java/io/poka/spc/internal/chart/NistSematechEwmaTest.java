package io.poka.spc.internal.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * NIST/SEMATECH e-Handbook of Statistical Methods, section 6.3.2.4 "EWMA Control Charts", worked example:
 * 20 measurements, target 50, process standard deviation s = 2.0539, lambda = 0.3, k = 3. The handbook lists the
 * EWMA statistics to two decimals and the (asymptotic) limits UCL = 52.5884, LCL = 47.4115, and finds the process
 * in control.
 */
class NistSematechEwmaTest {
    private static final double[] DATA = {52.0, 47.0, 53.0, 49.3, 50.1, 47.0, 51.0, 50.1, 51.2, 50.5,
        49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1};
    private static final double[] HANDBOOK_EWMA = {50.60, 49.52, 50.56, 50.18, 50.16, 49.21, 49.75, 49.85, 50.26,
        50.33, 50.11, 49.36, 49.52, 50.05, 49.38, 49.92, 50.73, 51.23, 51.94, 51.99};

    @Test
    void ewmaStatisticsLimitsAndVerdictMatchTheHandbookExample() {
        EwmaMonitor chart = new EwmaMonitor(ControlLimits.entered(ChartType.EWMA, 1, 50.0, 2.0539, 1, 3), 0.3);
        ChartPoint last = null;
        for (int i = 0; i < DATA.length; i++) {
            last = chart.next(i, DATA[i]).orElseThrow();
            assertEquals(HANDBOOK_EWMA[i], last.value(), 0.005, "EWMA statistic " + (i + 1));
            assertTrue(last.value() < last.ucl() && last.value() > last.lcl(), "point " + (i + 1) + " in control");
        }
        // By the 20th point (1 - 0.7^40 = 1 - 6e-7) the exact limits have reached the handbook's asymptotic ones.
        assertEquals(52.5884, last.ucl(), 0.0001);
        assertEquals(47.4115, last.lcl(), 0.0001);
    }
}
