package io.poka.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.scoring.internal.data.NumericTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Streaming carries the features from poll to poll ({@link FeaturePipeline.Stream}, {@link TemporalFeatures.State})
 * instead of recomputing them over the look-back: a series fed in pieces of any size must get exactly (to the bit)
 * the vectors of the whole series transformed in one batch.
 */
class FeatureStreamTest {

    /** Three variables with a sustained shift and a spread change half-way, and a few missing values. */
    private static NumericTable series(int n, long seed) {
        Random r = new Random(seed);
        double[][] rows = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                double sigma = (j + 1) * (j == 2 && i > n / 2 ? 3 : 1);
                rows[i][j] = r.nextGaussian() * sigma + 10 * j + (j == 1 && i > n / 2 ? 2 : 0);
            }
            if (i % 97 == 5) {
                rows[i][i % 3] = Double.NaN;
            }
        }
        return new NumericTable(List.of("a", "b", "c"), rows);
    }

    /** The pipeline of a model with every block: lags, filtered inputs, moving spread, slow drift copy. */
    private static FeaturePipeline fitted(int lags) {
        return FeaturePipeline.fit(series(300, 1), lags, new TemporalFeatures(0.1, 10, 0.03), 6, 50);
    }

    private static List<float[]> streamed(FeaturePipeline p, NumericTable t, int[] pieces) {
        FeaturePipeline.Stream stream = p.stream();
        List<float[]> out = new ArrayList<>();
        int from = 0;
        for (int piece : pieces) {
            int to = Math.min(t.rowCount(), from + piece);
            double[][] rows = Arrays.copyOfRange(t.rows(), from, to);
            int unscored = stream.unscored(rows.length);
            float[][] v = stream.next(rows);
            assertEquals(rows.length - unscored, v.length, "vectors of the piece at row " + from);
            out.addAll(Arrays.asList(v));
            from = to;
        }
        assertEquals(t.rowCount(), from, "the pieces cover the series");
        assertEquals(t.rowCount(), stream.rows());
        return out;
    }

    private static void assertSameVectors(float[][] batch, List<float[]> streamed) {
        assertEquals(batch.length, streamed.size());
        for (int k = 0; k < batch.length; k++) {
            assertArrayEquals(batch[k], streamed.get(k), 0f, "vector " + k);
        }
    }

    @Test
    void aLongSeriesStreamedInPiecesOfRandomSizeGetsExactlyTheBatchVectors() {
        FeaturePipeline p = fitted(2);
        NumericTable t = series(20_000, 7);
        Random r = new Random(3);
        // pieces of 0 to 40 rows, the empty and the one-row poll included, ~1,000 polls
        int[] pieces = new int[2_000];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = i % 50 == 0 ? 0 : i % 7 == 0 ? 1 : r.nextInt(41);
        }
        pieces[pieces.length - 1] = t.rowCount();
        assertSameVectors(p.transform(t), streamed(p, t, pieces));
    }

    @Test
    void rowsStreamedOneAtATimeGetExactlyTheBatchVectorsAndTheFirstLagsRowsNone() {
        FeaturePipeline p = fitted(3);
        NumericTable t = series(600, 11);
        int[] ones = new int[600];
        Arrays.fill(ones, 1);
        FeaturePipeline.Stream probe = p.stream();
        assertEquals(1, probe.unscored(1));
        assertEquals(3, probe.unscored(10));
        assertSameVectors(p.transform(t), streamed(p, t, ones));
    }

    @Test
    void theFeaturesCarriedRowByRowAreThoseOfTheWholeSeries() {
        TemporalFeatures f = new TemporalFeatures(0.3, 4, 0.05);
        Random r = new Random(5);
        double[][] z = new double[1_000][2];
        for (double[] row : z) {
            row[0] = r.nextGaussian();
            row[1] = 2 * r.nextGaussian() + 1;
        }
        double[][] batch = f.of(z);
        TemporalFeatures.State s = f.newState(2);
        double[] o = new double[6];
        for (int i = 0; i < z.length; i++) {
            s.next(z[i].clone(), o);
            assertArrayEquals(batch[i], o, 0, "row " + i);
        }
        // and those of the truncated sums by definition: EWMA over the last rows, population std over 4 rows
        int t = 999;
        int h = 1 + (int) Math.ceil(Math.log(TemporalFeatures.EWMA_CUT) / Math.log(0.7));
        double ewma = 0;
        for (int k = 0; k < h; k++) {
            ewma += 0.3 * Math.pow(0.7, k) * z[t - k][0];
        }
        assertEquals(ewma, o[0], 1e-9);
        double mean = (z[t][1] + z[t - 1][1] + z[t - 2][1] + z[t - 3][1]) / 4;
        double var = 0;
        for (int k = 0; k < 4; k++) {
            var += (z[t - k][1] - mean) * (z[t - k][1] - mean) / 4;
        }
        assertEquals(Math.sqrt(var), o[2 + 1], 1e-9);
    }
}
