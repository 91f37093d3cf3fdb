package io.poka.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.scoring.internal.data.NumericTable;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The between-run random effect: estimated from training blocks, drawn as whole-run offsets and scale changes. */
class BetweenRunTest {

    /** 400 rows, 4 blocks: variable a steps between block levels 0, 1, 0, 1 (plus noise), b is stationary noise. */
    private static NumericTable blocky() {
        Random r = new Random(3);
        double[][] rows = new double[400][2];
        for (int i = 0; i < 400; i++) {
            rows[i][0] = (i / 100) % 2 + 0.1 * r.nextGaussian();
            rows[i][1] = r.nextGaussian() * ((i / 100) % 2 == 0 ? 1 : 2);
        }
        return new NumericTable(List.of("a", "b"), rows);
    }

    @Test
    void theLevelVarianceIsTheVarianceOfTheBlockMeansTimesK() {
        NumericTable t = blocky();
        FeaturePipeline p = FeaturePipeline.fit(t, 0, 6, 20);
        BetweenRun one = BetweenRun.estimate(t, p, 4, 1);
        // block means of a in its own standard deviations: 0, 1, 0, 1 over sd ~0.5 -> variance of (0, 2, 0, 2) = 4/3
        double sdA = p.stds()[0];
        assertEquals((1 / sdA) * (1 / sdA) / 3, one.levelVariance()[0], 0.05);
        // b's spread doubles between blocks: variance of log sd over (0, ln 2, 0, ln 2) = ln(2)^2 / 3
        assertEquals(Math.log(2) * Math.log(2) / 3, one.logScaleVariance()[1], 0.05);
        BetweenRun half = BetweenRun.estimate(t, p, 4, 0.5);
        assertEquals(one.levelVariance()[0] / 2, half.levelVariance()[0], 1e-12);
        assertEquals(one.logScaleVariance()[1] / 2, half.logScaleVariance()[1], 1e-12);
    }

    @Test
    void withoutVariationTheCopiesAreTheRowsThemselves() {
        NumericTable t = blocky();
        FeaturePipeline p = FeaturePipeline.fit(t, 0, 6, 20);
        BetweenRun none = BetweenRun.estimate(t, p, 4, 0);
        assertTrue(none.none());
        NumericTable copy = none.perturbedCopies(t, p, 1, new Random(1)).get(0);
        for (int i = 0; i < t.rowCount(); i++) {
            assertArrayEquals(t.rows()[i], copy.rows()[i], 1e-12);
        }
    }

    @Test
    void aCopyShiftsAndScalesEachVariableAsAWholeAndKeepsMissingValuesMissing() {
        NumericTable t = blocky();
        t.rows()[7][1] = Double.NaN;
        FeaturePipeline p = FeaturePipeline.fit(t, 0, 6, 20);
        BetweenRun variation = new BetweenRun(new double[] {1, 0}, new double[] {0, 0.25});
        NumericTable copy = variation.perturbedCopies(t, p, 1, new Random(5)).get(0);
        assertTrue(Double.isNaN(copy.rows()[7][1]));
        // a: one offset for the whole run (every row moved by the same amount, not 0)
        double offset = copy.rows()[0][0] - t.rows()[0][0];
        assertTrue(Math.abs(offset) > 1e-6);
        for (int i = 0; i < t.rowCount(); i++) {
            assertEquals(offset, copy.rows()[i][0] - t.rows()[i][0], 1e-9);
        }
        // b: one factor for the whole run around the training mean
        double mean = p.means()[1];
        double factor = (copy.rows()[0][1] - mean) / (t.rows()[0][1] - mean);
        assertTrue(Math.abs(factor - 1) > 1e-6);
        for (int i = 10; i < t.rowCount(); i += 37) {
            assertEquals(factor, (copy.rows()[i][1] - mean) / (t.rows()[i][1] - mean), 1e-9);
        }
    }

    @Test
    void aVariableNearlyConstantWithinBlocksDrawsBoundedScaleChanges() {
        // c is a setpoint that steps between blocks and barely moves within one: its log block standard deviations
        // were ln(1e-6)-ish against ln(1), whose variance drew scale factors of 1000x (finite, but they pushed limits up)
        Random r = new Random(11);
        double[][] rows = new double[400][2];
        for (int i = 0; i < 400; i++) {
            int block = i / 100;
            rows[i][0] = r.nextGaussian();
            rows[i][1] = block == 3 ? 5 * r.nextGaussian() : block + 1e-7 * r.nextGaussian();
        }
        NumericTable t = new NumericTable(List.of("a", "c"), rows);
        FeaturePipeline p = FeaturePipeline.fit(t, 0, 1e9, 20);
        BetweenRun variation = BetweenRun.estimate(t, p, 4, 4);
        // block sds floored at a tenth of the pooled one: log sds within [ln 0.1, ln 4]-ish, variance a few units
        assertTrue(variation.logScaleVariance()[1] < 4 * 4, "log-scale variance " + variation.logScaleVariance()[1]);
        double mean = p.means()[1];
        for (NumericTable copy : variation.perturbedCopies(t, p, 200, new Random(2))) {
            double factor = (copy.rows()[350][1] - copy.rows()[351][1]) / (t.rows()[350][1] - t.rows()[351][1]);
            assertTrue(factor >= 1 / BetweenRun.MAX_SCALE - 1e-9 && factor <= BetweenRun.MAX_SCALE + 1e-9,
                    "scale factor " + factor + " (mean " + mean + ")");
        }
    }

    @Test
    void trainingCopiesAreAlignedWithTheRowsAndDifferFromThem() {
        NumericTable t = blocky();
        FeaturePipeline p = FeaturePipeline.fit(t, 0, 6, 20);
        BetweenRun variation = new BetweenRun(new double[] {1, 0}, new double[] {0, 0});
        List<NumericTable> segments = List.of(t.slice(0, 150), t.slice(250, 400));
        float[][] rows = java.util.stream.Stream.concat(
                java.util.Arrays.stream(p.transformClipped(segments.get(0), 6)),
                java.util.Arrays.stream(p.transformClipped(segments.get(1), 6))).toArray(float[][]::new);
        List<float[][]> copies = variation.trainingCopies(segments, p, 6, 3, new Random(4));
        assertEquals(3, copies.size());
        for (float[][] copy : copies) {
            assertEquals(rows.length, copy.length);
            assertEquals(rows[0].length, copy[0].length);
            // one offset for the whole segment: variable a moves by the same amount in every row of a segment
            double shift = copy[0][0] - rows[0][0];
            assertTrue(Math.abs(shift) > 1e-4, "offset " + shift);
            assertEquals(shift, copy[149][0] - rows[149][0], 1e-4);
        }
        // the same generator seed draws the same copies
        assertArrayEquals(copies.get(1)[17], variation.trainingCopies(segments, p, 6, 3, new Random(4)).get(1)[17]);
    }
}
