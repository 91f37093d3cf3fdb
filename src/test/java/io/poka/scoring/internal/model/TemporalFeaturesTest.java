package io.poka.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.scoring.internal.data.NumericTable;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TemporalFeaturesTest {

    @Test
    void theFilteredInputOfAStepIsTheTruncatedEwmaAndTheMovingStdIsThePopulationStd() {
        TemporalFeatures t = new TemporalFeatures(0.5, 3);
        // 0.5^k falls below 1 % after k = 7: 8 rows of memory, 7 of them before the row
        assertEquals(7, t.history());
        double[][] z = {{0}, {0}, {2}, {2}, {2}};
        double[][] f = t.of(z);
        // EWMA from the mean (0): 0, 0, 1, 1.5, 1.75
        assertEquals(1.75, f[4][0], 1e-12);
        assertEquals(1.0, f[2][0], 1e-12);
        // std of {0, 0, 2} (population) = sqrt(8/9); of {2, 2, 2} = 0
        assertEquals(Math.sqrt(8.0 / 9), f[2][1], 1e-12);
        assertEquals(0, f[4][1], 1e-12);
    }

    /** Three independent normal variables a, b, c with standard deviations 1, 2, 3 and means 0, 10, 20. */
    private static NumericTable gaussianRows(int n, long seed) {
        Random r = new Random(seed);
        double[][] rows = new double[n][3];
        for (double[] row : rows) {
            for (int j = 0; j < 3; j++) {
                row[j] = r.nextGaussian() * (j + 1) + 10 * j;
            }
        }
        return new NumericTable(List.of("a", "b", "c"), rows);
    }

    @Test
    void aWindowPrecededByItsHistoryGetsTheFeaturesOfTheLongSeries() {
        NumericTable all = gaussianRows(200, 5);
        FeaturePipeline p = FeaturePipeline.fit(all, 1, new TemporalFeatures(0.2, 10), 6, 50);
        assertEquals(3 * 4, p.inputSize());
        assertEquals(Math.max(1, 21), p.history());
        float[][] batch = p.transform(all);
        int from = 150;
        NumericTable tail = all.slice(from - p.history(), 200);
        float[][] windowed = p.transform(tail, p.history());
        assertEquals(50, windowed.length);
        for (int k = 0; k < windowed.length; k++) {
            // batch vector k belongs to row k + lags
            assertArrayEquals(batch[from + k - 1], windowed[k], 1e-6f, "row " + (from + k));
        }
    }

    @Test
    void theDriftBlockFollowsTheNetworksInputWidensTheLookBackAndStillMatchesTheLongSeries() {
        NumericTable all = gaussianRows(400, 6);
        double[][] rows = all.rows();
        FeaturePipeline p = FeaturePipeline.fit(all, 0, new TemporalFeatures(0.2, 10, 0.05), 6, 50);
        // the network sees current + filtered + moving std; the slow filtered copy follows, for the drift statistic
        assertEquals(3 * 3, p.inputSize());
        assertEquals(3 * 4, p.vectorSize());
        // 1 + ceil(ln 0.01 / ln 0.95) = 91 rows of memory: 90 rows of history
        assertEquals(90, p.history());
        float[][] batch = p.transform(all);
        int from = 300;
        float[][] windowed = p.transform(all.slice(from - p.history(), 400), p.history());
        for (int k = 0; k < windowed.length; k++) {
            assertArrayEquals(batch[from + k], windowed[k], 1e-5f, "row " + (from + k));
        }
        // a sustained shift of 1 sigma in one variable: the slow copy of that variable grows towards 1 sigma / its sd
        double[][] shifted = new double[200][];
        for (int i = 0; i < 200; i++) {
            shifted[i] = rows[i].clone();
            shifted[i][1] += i >= 50 ? 2.0 : 0; // b has sigma 2
        }
        float[][] v = p.transform(new NumericTable(all.variables(), shifted));
        assertTrue(Math.abs(v[199][9 + 1]) > 3 * Math.abs(v[49][9 + 1]) && Math.abs(v[199][9 + 1]) > 2,
                "drift of b at row 49 " + v[49][10] + ", at row 199 " + v[199][10]);
    }

    @Test
    void temporalFeaturesOfNormalTrainingRowsAreStandardised() {
        Random r = new Random(9);
        double[][] rows = new double[300][2];
        for (double[] row : rows) {
            row[0] = r.nextGaussian();
            row[1] = 5 + 3 * r.nextGaussian();
        }
        NumericTable t = new NumericTable(List.of("a", "b"), rows);
        FeaturePipeline p = FeaturePipeline.fit(t, 0, new TemporalFeatures(0.1, 10), 6, 50);
        float[][] v = p.transform(t, p.history());
        for (int j = 2; j < 6; j++) {
            final int c = j;
            double mean = Arrays.stream(v).mapToDouble(x -> x[c]).average().orElseThrow();
            assertEquals(0, mean, 0.05, "feature " + j);
        }
    }

    @Test
    void aSeriesStartsFromTheNormalLevelNotFromAZeroSpread() {
        double[][] rows = new double[100][1];
        Random r = new Random(1);
        for (double[] row : rows) {
            row[0] = r.nextGaussian();
        }
        NumericTable t = new NumericTable(List.of("a"), rows);
        FeaturePipeline p = FeaturePipeline.fit(t, 0, new TemporalFeatures(0, 10), 6, 50);
        // one row: the rows before it count as the mean (0), so its spread looks far too small; the standardised value
        // is shrunk to 1/10, as 9 of the 10 rows of the window are unseen
        double z0 = (rows[0][0] - p.means()[0]) / p.stds()[0];
        double spread = Math.sqrt(z0 * z0 / 10 - (z0 / 10) * (z0 / 10));
        float[][] first = p.transform(t.slice(0, 1));
        assertEquals((spread - p.derivedMeans()[0]) / p.derivedStds()[0] / 10, first[0][1], 1e-6);
    }
}
