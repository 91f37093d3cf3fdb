package io.poka.baselines.internal.model;

import java.util.Arrays;

/**
 * Area under the ROC curve, for anomaly monitors (normal vs faulty rows) and classifiers (one class vs the rest).
 * AUC = P(score of a positive > score of a negative) + P(tie) / 2, the Mann-Whitney U statistic divided by
 * n_pos * n_neg (Hanley and McNeil, Radiology 143, 1982), computed from mid-ranks of the pooled scores.
 */
public final class RocAuc {
    private RocAuc() {
    }

    /** AUC of scores where positives should score higher; NaN when either side is empty. */
    public static double of(double[] negatives, double[] positives) {
        int n0 = negatives.length;
        int n1 = positives.length;
        if (n0 == 0 || n1 == 0) {
            return Double.NaN;
        }
        double[][] all = new double[n0 + n1][];
        for (int i = 0; i < n0; i++) {
            all[i] = new double[] {negatives[i], 0};
        }
        for (int i = 0; i < n1; i++) {
            all[n0 + i] = new double[] {positives[i], 1};
        }
        Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
        double rankSumPositives = 0;
        int i = 0;
        while (i < all.length) {
            int j = i;
            while (j + 1 < all.length && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 1) {
                    rankSumPositives += midRank;
                }
            }
            i = j + 1;
        }
        return (rankSumPositives - n1 * (n1 + 1) / 2.0) / ((double) n1 * n0);
    }

    /**
     * One-vs-rest AUC of class {@code c}: its score on rows of class c against its score on all other rows.
     *
     * @param truth class index per row
     * @param scores per row, one score per class
     */
    public static double oneVsRest(int c, int[] truth, double[][] scores) {
        double[] pos = java.util.stream.IntStream.range(0, truth.length).filter(i -> truth[i] == c)
                .mapToDouble(i -> scores[i][c]).toArray();
        double[] neg = java.util.stream.IntStream.range(0, truth.length).filter(i -> truth[i] != c)
                .mapToDouble(i -> scores[i][c]).toArray();
        return of(neg, pos);
    }
}
