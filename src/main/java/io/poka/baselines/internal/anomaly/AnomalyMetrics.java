package io.poka.baselines.internal.anomaly;

import io.poka.baselines.internal.model.RocAuc;
import java.util.Arrays;

/**
 * Threshold calibration and detection metrics shared by every monitor of a comparison, so the VAE-GAN and the
 * baselines are judged by one rule.
 */
public final class AnomalyMetrics {
    private AnomalyMetrics() {
    }

    /**
     * The split-conformal limit the scoring module uses for the VAE-GAN: the ceil((n + 1)(1 - alpha))-th smallest of the
     * n held-out normal scores (Lei et al., JASA 2018, Theorem 2.1), clamped to the largest.
     */
    public static double threshold(double[] heldOutNormal, double alpha) {
        double[] sorted = heldOutNormal.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int k = (int) Math.ceil((n + 1) * (1 - alpha));
        return sorted[Math.min(n, Math.max(1, k)) - 1];
    }

    /** Share of scores strictly above the limit. */
    public static double exceedance(double[] scores, double limit) {
        return scores.length == 0 ? Double.NaN
                : Arrays.stream(scores).filter(s -> s > limit).count() / (double) scores.length;
    }

    /**
     * Out-of-sample false-alarm estimate, as the scoring module reports for the VAE-GAN: the limit from the even-indexed
     * held-out rows applied to the odd ones and vice versa, averaged.
     */
    public static double crossCalibrated(double[] heldOutNormal, double alpha) {
        double[] even = java.util.stream.IntStream.range(0, heldOutNormal.length).filter(i -> i % 2 == 0)
                .mapToDouble(i -> heldOutNormal[i]).toArray();
        double[] odd = java.util.stream.IntStream.range(0, heldOutNormal.length).filter(i -> i % 2 == 1)
                .mapToDouble(i -> heldOutNormal[i]).toArray();
        if (even.length == 0 || odd.length == 0) {
            return Double.NaN;
        }
        return (exceedance(odd, threshold(even, alpha)) + exceedance(even, threshold(odd, alpha))) / 2;
    }

    /**
     * Rows from {@code start} (the fault onset) to the first alarm at or after it (0 = alarm on the onset row), or -1
     * when no row from there on raises an alarm. The alarms are those of the comparison's alarm rule, so the rule's
     * own lag (EWMA smoothing, waiting for k of n) is counted in the delay.
     */
    public static int detectionDelay(boolean[] alarms, int start) {
        for (int i = Math.max(0, start); i < alarms.length; i++) {
            if (alarms[i]) {
                return i - start;
            }
        }
        return -1;
    }

    /** ROC AUC of held-out normal rows (negatives) against faulty rows (positives); see {@link RocAuc}. */
    public static double rocAuc(double[] negatives, double[] positives) {
        return RocAuc.of(negatives, positives);
    }

    /** The scores that are not NaN (rows a lagged model only used as history have none). */
    public static double[] scored(double[] scores) {
        return Arrays.stream(scores).filter(s -> !Double.isNaN(s)).toArray();
    }
}
