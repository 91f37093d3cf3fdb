package io.poka.spc.internal.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Largest-Triangle-Three-Buckets (Steinarsson 2013) as the chart query uses it. */
class LttbTest {

    private static double[] xs(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    @Test
    void aSeriesNoLongerThanTheThresholdIsKeptWhole() {
        assertEquals(List.of(0, 1, 2, 3, 4), Lttb.select(xs(5), new double[] {1, 2, 3, 4, 5}, 5, null));
        assertEquals(List.of(0, 1, 2), Lttb.select(xs(3), new double[] {1, 2, 3}, 10, null));
    }

    @Test
    void thinningKeepsFirstLastAndTheThresholdNumberOfPoints() {
        int n = 10_000;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(i / 50.0);
        }
        List<Integer> chosen = Lttb.select(xs(n), y, 500, null);
        assertEquals(500, chosen.size());
        assertEquals(0, chosen.get(0));
        assertEquals(n - 1, chosen.get(chosen.size() - 1));
        for (int i = 1; i < chosen.size(); i++) {
            assertTrue(chosen.get(i) > chosen.get(i - 1), "ascending, no duplicates");
        }
    }

    @Test
    void aSingleSpikeInAFlatSeriesIsChosenByItsLargestTriangle() {
        int n = 1_000;
        double[] y = new double[n];
        y[437] = 50;
        assertTrue(Lttb.select(xs(n), y, 20, null).contains(437));
    }

    @Test
    void pointsToKeepAreAddedToTheChosenOnes() {
        int n = 1_000;
        double[] y = new double[n];
        BitSet keep = new BitSet();
        for (int i = 100; i < 600; i++) {
            keep.set(i);
        }
        List<Integer> chosen = Lttb.select(xs(n), y, 50, keep);
        for (int i = 100; i < 600; i++) {
            assertTrue(chosen.contains(i), "kept " + i);
        }
        assertTrue(chosen.size() >= 500 && chosen.size() <= 550, "kept ones plus at most the threshold: " + chosen.size());
    }
}
