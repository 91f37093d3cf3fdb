package io.poka.baselines.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.baselines.internal.data.TabularData;
import io.poka.baselines.internal.training.Prepared;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Permutation importance ranks a planted informative feature first and is reproducible with its seed. */
class PermutationImportanceTest {

    @Test
    void aShuffledIrrelevantFeatureCostsNothingAndTheInformativeOneCostsMost() {
        Random random = new Random(3);
        double[][] x = new double[200][];
        double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            y[i] = 5 * x[i][1] + 0.5 * x[i][2];
        }
        // the "model" is the true function: its minus-RMSE drops only through the features it uses
        java.util.function.ToDoubleFunction<double[][]> score = rows -> {
            double se = 0;
            for (int i = 0; i < rows.length; i++) {
                double err = 5 * rows[i][1] + 0.5 * rows[i][2] - y[i];
                se += err * err;
            }
            return -Math.sqrt(se / rows.length);
        };
        List<PermutationImportance.FeatureImportance> imp = PermutationImportance.compute(List.of("noise", "strong",
                "weak"), x, score, 5, 11);
        assertEquals(List.of("strong", "weak", "noise"), imp.stream().map(PermutationImportance.FeatureImportance::feature).toList());
        assertEquals(0.0, imp.get(2).meanDrop(), 1e-12);
        assertEquals(0.0, imp.get(2).stdDrop(), 1e-12);
        assertTrue(imp.get(0).meanDrop() > 1 && imp.get(0).stdDrop() > 0, imp.toString());
        assertEquals(imp, PermutationImportance.compute(List.of("noise", "strong", "weak"), x, score, 5, 11));
    }

    @Test
    void aTribuoForestOnSyntheticDataRanksThePlantedFeatureFirst() {
        Random random = new Random(5);
        int n = 300;
        double[][] x = new double[n][];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            labels[i] = x[i][2] > 0 ? "pass" : "fail";
        }
        TabularData d = new TabularData("planted", List.of("a", "b", "planted", "c"), "verdict", x, labels, null, null);
        Prepared p = new Prepared(d, Splits.random(n, 0.3, 1), "random hold-out", null);
        Evaluated e = BaselineEvaluation.run(p, BaselineTrainers.RANDOM_FOREST, new TrainerSettings(1, 10, 6, 5, 0.2, 1),
                new ImportanceSettings(3, 500, 9), (done, total) -> { });
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) e.metrics().get("permutationImportance");
        @SuppressWarnings("unchecked")
        List<PermutationImportance.FeatureImportance> f = (List<PermutationImportance.FeatureImportance>) m.get("features");
        assertEquals("planted", f.get(0).feature(), f.toString());
        assertTrue(f.get(0).meanDrop() > 0.2, f.toString());
        assertEquals(90, m.get("rows"));
        assertEquals(3, m.get("repeats"));
    }
}
