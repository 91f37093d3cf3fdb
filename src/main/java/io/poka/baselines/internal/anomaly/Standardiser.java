package io.poka.baselines.internal.anomaly;

import java.util.Arrays;

/**
 * The baselines' copy of the VAE-GAN's input preparation, so every monitor sees the same numbers: missing values
 * imputed with the training median, training spikes beyond {@code spikeLimit} robust sigmas (1.4826 MAD) clipped
 * before the mean and standard deviation are fitted, scoring rows standardised but never clipped.
 */
public final class Standardiser implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final double MAD_TO_SIGMA = 1.4826;

    private final double[] medians;
    private final double[] lower;
    private final double[] upper;
    private final double[] means;
    private final double[] stds;

    private Standardiser(double[] medians, double[] lower, double[] upper, double[] means, double[] stds) {
        this.medians = medians;
        this.lower = lower;
        this.upper = upper;
        this.means = means;
        this.stds = stds;
    }

    /** Fits on training rows (NaN = missing); a constant column gets standard deviation 1 so it stays finite. */
    public static Standardiser fit(double[][] train, double spikeLimit) {
        int p = train[0].length;
        double[] medians = new double[p];
        double[] lower = new double[p];
        double[] upper = new double[p];
        double[] means = new double[p];
        double[] stds = new double[p];
        for (int j = 0; j < p; j++) {
            final int col = j;
            double[] present = Arrays.stream(train).mapToDouble(r -> r[col]).filter(v -> !Double.isNaN(v)).sorted()
                    .toArray();
            double median = median(present);
            double sigma = MAD_TO_SIGMA * median(Arrays.stream(present).map(v -> Math.abs(v - median)).sorted().toArray());
            medians[j] = median;
            lower[j] = sigma > 0 ? median - spikeLimit * sigma : Double.NEGATIVE_INFINITY;
            upper[j] = sigma > 0 ? median + spikeLimit * sigma : Double.POSITIVE_INFINITY;
            double sum = 0;
            double sumSq = 0;
            for (double[] row : train) {
                double x = clip(Double.isNaN(row[j]) ? median : row[j], lower[j], upper[j]);
                sum += x;
                sumSq += x * x;
            }
            int n = train.length;
            double mean = sum / n;
            double sd = Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / Math.max(1, n - 1)));
            means[j] = mean;
            stds[j] = sd > 1e-12 ? sd : 1.0;
        }
        return new Standardiser(medians, lower, upper, means, stds);
    }

    /** Standardised rows for scoring: imputed, not clipped. */
    public double[][] transform(double[][] rows) {
        return transform(rows, false);
    }

    /** Standardised training rows: imputed and clipped as in {@link #fit}. */
    public double[][] transformClipped(double[][] rows) {
        return transform(rows, true);
    }

    private double[][] transform(double[][] rows, boolean clipped) {
        double[][] z = new double[rows.length][medians.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < medians.length; j++) {
                double x = Double.isNaN(rows[i][j]) ? medians[j] : rows[i][j];
                if (clipped) {
                    x = clip(x, lower[j], upper[j]);
                }
                z[i][j] = (x - means[j]) / stds[j];
            }
        }
        return z;
    }

    private static double clip(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
