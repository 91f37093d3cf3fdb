package io.poka.prognostics.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A prediction interval from out-of-fold residuals r = truth - prediction: [prediction + q((1-level)/2), prediction +
 * q((1+level)/2)] with q the empirical quantiles of the pooled residuals, clipped at 0 below. Its coverage is measured
 * honestly: each fold's residuals are checked against the quantiles of the other folds only.
 */
public record RulInterval(double level, double lower, double upper, double coverage) {

    public static RulInterval fromFolds(List<double[]> residualsByFold, double level) {
        double[] pooled = residualsByFold.stream().flatMapToDouble(Arrays::stream).toArray();
        double lo = quantile(pooled, (1 - level) / 2);
        double hi = quantile(pooled, (1 + level) / 2);
        int inside = 0;
        int total = 0;
        for (int f = 0; f < residualsByFold.size(); f++) {
            List<double[]> others = new ArrayList<>(residualsByFold);
            double[] held = others.remove(f);
            double[] rest = others.stream().flatMapToDouble(Arrays::stream).toArray();
            if (rest.length == 0) {
                continue;
            }
            double l = quantile(rest, (1 - level) / 2);
            double h = quantile(rest, (1 + level) / 2);
            for (double r : held) {
                inside += r >= l && r <= h ? 1 : 0;
                total++;
            }
        }
        return new RulInterval(level, lo, hi, total == 0 ? Double.NaN : (double) inside / total);
    }

    /** Linear interpolation between order statistics (Hyndman and Fan type 7, R's default). */
    static double quantile(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p;
        int i = (int) Math.floor(h);
        return i + 1 < s.length ? s[i] + (h - i) * (s[i + 1] - s[i]) : s[s.length - 1];
    }

    public double low(double predicted) {
        return Math.max(0, predicted + lower);
    }

    public double high(double predicted) {
        return Math.max(0, predicted + upper);
    }
}
