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
}
