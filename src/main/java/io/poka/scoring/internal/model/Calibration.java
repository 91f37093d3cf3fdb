package io.poka.scoring.internal.model;

import java.util.Arrays;

/**
 * Threshold calibration on held-out normal scores only: the ceil((n+1)(1-alpha))-th smallest score, the split
 * conformal quantile, which keeps the expected false-alarm rate on new normal rows at or below alpha (Vovk et al.,
 * Algorithmic Learning in a Random World, 2005; Lei et al., JASA 2018, Theorem 2.1).
 */
public final class Calibration {
    private Calibration() {
    }

    public static double threshold(double[] normalScores, double falseAlarmRate) {
        if (normalScores.length == 0) {
            throw new IllegalArgumentException("calibration needs at least one normal score");
        }
        double[] sorted = normalScores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int k = (int) Math.ceil((n + 1) * (1 - falseAlarmRate));
        return sorted[Math.min(n, Math.max(1, k)) - 1];
    }

    /** Share of scores strictly above the threshold. */
    public static double exceedanceRate(double[] scores, double threshold) {
        if (scores.length == 0) {
            return 0;
        }
        return (double) Arrays.stream(scores).filter(s -> s > threshold).count() / scores.length;
    }
}
