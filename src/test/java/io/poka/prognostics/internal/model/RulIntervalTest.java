package io.poka.prognostics.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RulIntervalTest {

    @Test
    void everyUnitWeighsOneHoweverManyCutsItHas() {
        // unit a: four residuals of 100; units b..e: one residual each 1..4. By cut, 100 would be the median; by unit
        // it is one unit of five: the weighted quantile at 0.5 is 3 (a's weight 1 = four cuts of 1/4)
        double[] r = {100, 100, 100, 100, 1, 2, 3, 4};
        double[] w = {0.25, 0.25, 0.25, 0.25, 1, 1, 1, 1};
        assertEquals(3, RulInterval.weightedQuantile(r, w, 0.5), 0);
        assertEquals(100, RulInterval.weightedQuantile(r, w, 1.0), 0);
    }

    @Test
    void theConformalBoundsUseTheFiniteSampleCorrectionAndNeverGoBelowZeroCycles() {
        // 19 units, residuals -9..9: p = (1 + 1/19) * 0.95 = 1.0 -> the extremes
        double[] res = new double[19];
        String[] units = new String[19];
        for (int i = 0; i < 19; i++) {
            res[i] = i - 9;
            units[i] = "u" + i;
        }
        RulInterval i = RulInterval.conformalByUnit(List.of(new RulInterval.Residuals(res, units)), 0.9);
        assertEquals(-9, i.lower(), 0);
        assertEquals(9, i.upper(), 0);
        assertEquals(0, i.low(3), 0);
        assertEquals(12, i.high(3, 125), 0);
        assertEquals(125, i.high(120, 125), 0);
    }

    @Test
    void theIntervalOfABiasedModelStillHoldsItsPrediction() {
        // every residual positive (the model predicts too little): the lower bound is widened to 0
        RulInterval i = RulInterval.conformalByUnit(List.of(new RulInterval.Residuals(new double[] {5, 10, 20},
                new String[] {"a", "b", "c"})), 0.5);
        assertEquals(0, i.lower(), 0);
        assertEquals(20, i.upper(), 0);
        assertTrue(i.low(50) <= 50 && 50 <= i.high(50, 125));
    }

    @Test
    void outOfFoldCoverageOfA90PercentIntervalIsNearNominalOnExchangeableUnits() {
        // 5 folds of 20 units with 5 correlated cuts each: a unit offset plus cut noise (the shape of RUL residuals)
        Random random = new Random(11);
        List<RulInterval.Residuals> folds = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            double[] res = new double[100];
            String[] units = new String[100];
            for (int u = 0; u < 20; u++) {
                double offset = random.nextGaussian() * 10;
                for (int c = 0; c < 5; c++) {
                    res[u * 5 + c] = offset + random.nextGaussian() * 8;
                    units[u * 5 + c] = f + "-" + u;
                }
            }
            folds.add(new RulInterval.Residuals(res, units));
        }
        RulInterval i = RulInterval.conformalByUnit(folds, 0.9);
        assertTrue(i.coverage() >= 0.87 && i.coverage() <= 0.95, "coverage " + i.coverage());
        assertTrue(i.lower() < 0 && i.upper() > 0, i.toString());
    }
}
