package io.poka.prognostics.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A split-conformal prediction interval by unit, from out-of-fold residuals r = truth - prediction:
 * [prediction + lower, prediction + upper]. Units, not cuts, are the exchangeable draws (the cuts of one
 * unit are correlated), so every calibration unit weighs 1 however many cuts it has, and each bound is the weighted
 * residual quantile at (1 + 1/n)(1 + level)/2 over n units (the finite-sample correction of split conformal
 * prediction, Lei et al., "Distribution-free predictive inference for regression", JASA 2018), upper bound from the
 * residuals, lower bound from their negatives. Coverage is measured honestly: each fold's residuals against the bounds
 * calibrated on the other folds only.
 */
public record RulInterval(double level, double lower, double upper, double coverage) {

    /** One fold's out-of-fold residuals and the unit each came from. */
    public record Residuals(double[] residuals, String[] units) {
    }

    public static RulInterval conformalByUnit(List<Residuals> folds, double level) {
        double[] bounds = bounds(folds, level);
        int inside = 0;
        int total = 0;
        for (int f = 0; f < folds.size(); f++) {
            List<Residuals> others = new ArrayList<>(folds);
            Residuals held = others.remove(f);
            if (others.stream().allMatch(o -> o.residuals().length == 0)) {
                continue;
            }
            double[] b = bounds(others, level);
            for (double r : held.residuals()) {
                inside += r >= b[0] && r <= b[1] ? 1 : 0;
                total++;
            }
        }
        return new RulInterval(level, bounds[0], bounds[1], total == 0 ? Double.NaN : (double) inside / total);
    }

    /** [lower, upper] residual bounds calibrated on the folds. */
    static double[] bounds(List<Residuals> folds, double level) {
        Map<String, Integer> perUnit = new HashMap<>();
        List<double[]> rw = new ArrayList<>();
        for (Residuals f : folds) {
            for (String u : f.units()) {
                perUnit.merge(u, 1, Integer::sum);
            }
        }
        for (Residuals f : folds) {
            for (int i = 0; i < f.residuals().length; i++) {
                rw.add(new double[] {f.residuals()[i], 1.0 / perUnit.get(f.units()[i])});
            }
        }
        int n = perUnit.size();
        double p = Math.min(1, (1 + 1.0 / n) * (1 + level) / 2);
        double[] r = rw.stream().mapToDouble(x -> x[0]).toArray();
        double[] w = rw.stream().mapToDouble(x -> x[1]).toArray();
        double upper = weightedQuantile(r, w, p);
        double lower = -weightedQuantile(Arrays.stream(r).map(x -> -x).toArray(), w, p);
        // a biased model can have both bounds on one side; widened so the interval always holds the prediction
        return new double[] {Math.min(0, lower), Math.max(0, upper)};
    }

    /** The smallest value whose cumulative weight reaches p of the total (the largest value when p = 1). */
    static double weightedQuantile(double[] values, double[] weights, double p) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double total = Arrays.stream(weights).sum();
        double cum = 0;
        for (int i : order) {
            cum += weights[i];
            if (cum >= p * total - 1e-9) {
                return values[i];
            }
        }
        return values[order[order.length - 1]];
    }

    public double low(double predicted) {
        return Math.max(0, predicted + lower);
    }

    public double high(double predicted, int cap) {
        return Math.min(cap, Math.max(0, predicted + upper));
    }
}
