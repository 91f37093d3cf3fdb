package io.poka.spc.internal.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A chart whose partition moved is rebuilt by replaying its last N readings (poka.spc.resume-readings, 50) from a
 * fresh state: exact for the Shewhart, moving-range and AR(1) residual charts and run rules (their windows are shorter
 * than N), an approximation for EWMA and CUSUM (infinite memory). These are the bounds docs/replicas.md states.
 */
class ResumedEwmaCusumBoundTest {
    private static final int N = 50;
    private static final double LAMBDA = 0.2;

    /** 10 + N(0, 1), with a +0.6 sigma shift from reading 400 on (a shift CUSUM keeps accumulating). */
    private static double[] readings(long seed) {
        Random r = new Random(seed);
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 + r.nextGaussian() + (i >= 400 ? 0.6 : 0);
        }
        return x;
    }

    @Test
    void ewmaRebuiltFromTheLastNReadingsDiffersByAtMostOneMinusLambdaToTheNTimesTheDeviationAtTheWindowStart() {
        double[] x = readings(7);
        ControlLimits limits = ControlLimits.entered(ChartType.EWMA, 1, 10, 1, 1, 3);
        double[] full = new double[x.length];
        EwmaMonitor one = new EwmaMonitor(limits, LAMBDA);
        for (int i = 0; i < x.length; i++) {
            full[i] = one.next(i, x[i]).orElseThrow().value();
        }
        double worst = 0;
        for (int move = N; move < x.length; move += 37) {
            EwmaMonitor rebuilt = new EwmaMonitor(limits, LAMBDA);
            for (int i = move - N; i < move; i++) {
                rebuilt.next(i, x[i]);
            }
            double bound = Math.pow(1 - LAMBDA, N) * Math.abs(full[move - N - 1 < 0 ? 0 : move - N - 1] - 10)
                    + 1e-12;
            double gap = Math.abs(rebuilt.lastValue() - full[move - 1]);
            if (move > N) {
                assertTrue(gap <= bound, "move at " + move + ": gap " + gap + " > bound " + bound);
            }
            worst = Math.max(worst, gap);
            // after the move both see the same readings: the gap only shrinks, by (1 - lambda) per reading
            for (int i = move; i < Math.min(x.length, move + 10); i++) {
                double next = rebuilt.next(i, x[i]).orElseThrow().value();
                assertEquals(gap * Math.pow(1 - LAMBDA, i - move + 1), Math.abs(next - full[i]), 1e-12);
            }
        }
        // (1 - 0.2)^50 = 1.4e-5: on these readings (|z - mu0| < 1.5 sigma) the rebuilt EWMA is within 2.2e-5 sigma
        assertTrue(worst < 2.2e-5, "worst gap " + worst);
    }

    @Test
    void cusumRebuiltFromTheLastNReadingsIsExactOnceTheSumTouchedZeroInTheWindowAndNeverAbove() {
        double[] x = readings(11);
        ControlLimits limits = ControlLimits.entered(ChartType.CUSUM, 1, 10, 1, 1, 3);
        CusumPoint[] full = new CusumPoint[x.length];
        CusumMonitor one = new CusumMonitor(limits, 0.5, 5);
        boolean[] upperZero = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            full[i] = one.next(i, x[i]);
            upperZero[i] = full[i].upper() == 0;
        }
        int exact = 0;
        int approximate = 0;
        for (int move = N + 1; move < x.length; move++) {
            CusumMonitor rebuilt = new CusumMonitor(limits, 0.5, 5);
            CusumPoint last = null;
            for (int i = move - N; i < move; i++) {
                last = rebuilt.next(i, x[i]);
            }
            boolean touched = false;
            for (int i = move - N; i < move; i++) {
                touched |= upperZero[i];
            }
            double truth = full[move - 1].upper();
            assertTrue(last.upper() <= truth + 1e-12, "a rebuilt sum is never above the one owner's");
            assertTrue(truth - last.upper() <= full[move - N - 1].upper() + 1e-12,
                    "lower by at most the sum at the window's start");
            if (touched) {
                assertEquals(truth, last.upper(), 1e-9, "exact once the sum was zero within the window, move " + move);
                exact++;
            } else {
                approximate++;
            }
        }
        // the shift of 0.6 sigma (above k = 0.5) keeps the upper sum positive for long stretches: both cases occur
        assertTrue(exact > 0 && approximate > 0, exact + " exact, " + approximate + " approximate");
    }
}
