package io.poka.baselines.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Permutation importance (Breiman, Machine Learning 45, 2001; as scikit-learn's {@code permutation_importance}): how
 * much a model's score on the evaluation rows drops when one feature's column is shuffled, breaking its link to the
 * target while keeping its distribution. Repeated with seeded shuffles; the mean and standard deviation of the drop
 * are reported per feature, largest mean first. Model-agnostic, so it explains every trainer alike.
 */
public final class PermutationImportance {
    private PermutationImportance() {
    }

    /**
     * One feature's importance.
     *
     * @param meanDrop mean over the repeats of (score on the intact rows - score with the feature shuffled)
     * @param stdDrop sample standard deviation of those drops (0 with one repeat)
     */
    public record FeatureImportance(String feature, double meanDrop, double stdDrop) {
    }

    /**
     * @param x evaluation rows (not changed)
     * @param score the model's score of rows, higher is better (accuracy, or minus the RMSE)
     * @param repeats shuffles per feature, at least 1
     * @param seed seeds the shuffles, so the same model and rows give the same importances
     */
    public static List<FeatureImportance> compute(List<String> features, double[][] x, ToDoubleFunction<double[][]> score,
            int repeats, long seed) {
        double base = score.applyAsDouble(x);
        SplittableRandom random = new SplittableRandom(seed);
        List<FeatureImportance> out = new ArrayList<>(features.size());
        for (int j = 0; j < features.size(); j++) {
            double[] drops = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                drops[r] = base - score.applyAsDouble(shuffledColumn(x, j, random));
            }
            out.add(new FeatureImportance(features.get(j), mean(drops), std(drops)));
        }
        out.sort(Comparator.comparingDouble(FeatureImportance::meanDrop).reversed());
        return out;
    }

    /** A copy of the rows with column j permuted (Fisher-Yates). */
    static double[][] shuffledColumn(double[][] x, int j, SplittableRandom random) {
        double[] column = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            column[i] = x[i][j];
        }
        for (int i = column.length - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            double tmp = column[i];
            column[i] = column[k];
            column[k] = tmp;
        }
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
            out[i][j] = column[i];
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double std(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
