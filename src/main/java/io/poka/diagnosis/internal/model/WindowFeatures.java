package io.poka.diagnosis.internal.model;

/**
 * Turns a window of rows into the classifier's features: per variable the mean, the standard deviation and the
 * least-squares slope (per row) of its values standardised by normal operation, so faults that shift a level, add
 * variance or start a drift each leave their own mark.
 */
public final class WindowFeatures {
    /** Features per variable: mean, standard deviation, slope. */
    public static final int PER_VARIABLE = 3;

    private final double[] centre;
    private final double[] scale;

    /** @param centre mean of each variable in normal operation; @param scale its standard deviation (0 is taken as 1) */
    public WindowFeatures(double[] centre, double[] scale) {
        this.centre = centre.clone();
        this.scale = new double[scale.length];
        for (int j = 0; j < scale.length; j++) {
            this.scale[j] = scale[j] > 1e-12 ? scale[j] : 1.0;
        }
    }

    /** Standardisation fitted on normal rows. */
    public static WindowFeatures fittedOn(double[][] normalRows) {
        int p = normalRows[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (double[] r : normalRows) {
            for (int j = 0; j < p; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= normalRows.length;
        }
        for (double[] r : normalRows) {
            for (int j = 0; j < p; j++) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(sd[j] / Math.max(1, normalRows.length - 1));
        }
        return new WindowFeatures(mean, sd);
    }

    public int variables() {
        return centre.length;
    }

    public int size() {
        return centre.length * PER_VARIABLE;
    }

    public double[] centre() {
        return centre.clone();
    }

    public double[] scale() {
        return scale.clone();
    }

    /** Features of rows [from, from + width) of {@code rows}; a NaN value is left out of its variable's sums. */
    public double[] of(double[][] rows, int from, int width) {
        int p = centre.length;
        double[] f = new double[p * PER_VARIABLE];
        double tMean = (width - 1) / 2.0;
        for (int j = 0; j < p; j++) {
            double sum = 0;
            double sumSq = 0;
            double sxy = 0;
            double sxx = 0;
            int n = 0;
            for (int i = 0; i < width; i++) {
                double v = rows[from + i][j];
                if (Double.isNaN(v)) {
                    continue;
                }
                double z = (v - centre[j]) / scale[j];
                sum += z;
                sumSq += z * z;
                n++;
            }
            double mean = n == 0 ? 0 : sum / n;
            for (int i = 0; i < width; i++) {
                double v = rows[from + i][j];
                if (Double.isNaN(v)) {
                    continue;
                }
                double z = (v - centre[j]) / scale[j];
                sxy += (i - tMean) * (z - mean);
                sxx += (i - tMean) * (i - tMean);
            }
            f[j] = mean;
            f[p + j] = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : 0;
            f[2 * p + j] = sxx > 0 ? sxy / sxx : 0;
        }
        return f;
    }
}
