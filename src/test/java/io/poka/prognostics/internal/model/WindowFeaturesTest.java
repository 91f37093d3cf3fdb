package io.poka.prognostics.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowFeaturesTest {
    /** One sensor a, one sensor b = 10 - t. */
    private static final double[][] SERIES = {{1, 10}, {2, 9}, {4, 8}, {8, 7}};

    @Test
    void summarisesTheLastKCyclesOfEachSensor() {
        WindowFeatures wf = new WindowFeatures(3, List.of("a", "b"));
        assertEquals(List.of("cycle", "a_mean", "a_std", "a_slope", "a_last", "b_mean", "b_std", "b_slope", "b_last"),
                wf.names());
        double[] f = wf.at(SERIES, 3);
        // window of a = 2, 4, 8: mean 14/3; sample std sqrt(((-8/3)^2 + (-2/3)^2 + (10/3)^2) / 2) = sqrt(28/3);
        // least-squares slope over t = 0, 1, 2: ((-1)(2 - 14/3) + (1)(8 - 14/3)) / 2 = 3; last 8; cycle 4
        assertEquals(4, f[0], 0);
        assertEquals(14 / 3.0, f[1], 1e-12);
        assertEquals(Math.sqrt(28 / 3.0), f[2], 1e-12);
        assertEquals(3, f[3], 1e-12);
        assertEquals(8, f[4], 0);
        // b = 9, 8, 7: mean 8, std 1, slope -1, last 7
        assertArrayEquals(new double[] {8, 1, -1, 7}, java.util.Arrays.copyOfRange(f, 5, 9), 1e-12);
    }

    @Test
    void aHistoryShorterThanTheWindowUsesTheCyclesItHas() {
        WindowFeatures wf = new WindowFeatures(30, List.of("a", "b"));
        double[] first = wf.at(SERIES, 0);
        assertArrayEquals(new double[] {1, 1, 0, 0, 1, 10, 0, 0, 10}, first, 0);
        double[] two = wf.at(SERIES, 1);
        // a = 1, 2: mean 1.5, std sqrt(0.5), slope 1
        assertEquals(2, two[0], 0);
        assertEquals(1.5, two[1], 1e-12);
        assertEquals(Math.sqrt(0.5), two[2], 1e-12);
        assertEquals(1, two[3], 1e-12);
    }

    @Test
    void theSequenceWindowPadsAShortHistoryWithItsFirstCycle() {
        float[][] seq = WindowFeatures.sequence(SERIES, 1, 4);
        assertArrayEquals(new float[] {1, 10}, seq[0]);
        assertArrayEquals(new float[] {1, 10}, seq[1]);
        assertArrayEquals(new float[] {1, 10}, seq[2]);
        assertArrayEquals(new float[] {2, 9}, seq[3]);
        float[][] full = WindowFeatures.sequence(SERIES, 3, 2);
        assertArrayEquals(new float[] {4, 8}, full[0]);
        assertArrayEquals(new float[] {8, 7}, full[1]);
    }
}
