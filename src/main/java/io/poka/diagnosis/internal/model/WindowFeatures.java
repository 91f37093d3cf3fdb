package io.poka.diagnosis.internal.model;

import java.util.Locale;

/**
 * Turns a window of rows into the classifier's features, each variable first standardised by normal operation. The
 * basic set is per variable the mean, the standard deviation and the least-squares slope, so faults that shift a
 * level, add variance or start a drift each leave their own mark; the rich set adds what tells the subtler faults
 * apart (a changed dynamic rather than a changed level): the mean of the last quarter of the window, an EWMA, the
 * lag-1 autocorrelation, the standard deviation of the first differences, the range, and how strongly the variable
 * moves with the others (mean absolute correlation). The "-log" sets compress every feature by sign(x) log(1 + |x|).
 */
public final class WindowFeatures {
    /** Which features a window yields. */
    public enum FeatureSet {
        /** mean, standard deviation, slope (3 per variable). */
        BASIC(3, false),
        /** the basic three plus late mean, EWMA, lag-1 autocorrelation, difference sd, range, cross-correlation. */
        RICH(9, false),
        /** the basic three, each compressed by sign(x) log(1 + |x|). */
        BASIC_LOG(3, true),
        /** the rich nine, each compressed by sign(x) log(1 + |x|). */
        RICH_LOG(9, true);

        /** Features per variable. */
        public final int perVariable;
        /**
         * Whether each feature is compressed by sign(x) log(1 + |x|): a few faults move variables by tens of normal
         * standard deviations, and without it those swamp the scale, so a steady shift of 2 to 7 (faults 4 and 5) is
         * lost among them.
         */
        public final boolean compressed;

        FeatureSet(int perVariable, boolean compressed) {
            this.perVariable = perVariable;
            this.compressed = compressed;
        }

        /** The set named {@code name} (case-insensitive, "-" or "_"); null is the basic set, as older models had. */
        public static FeatureSet named(String name) {
            return name == null ? BASIC : valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean rich() {
            return perVariable > 3;
        }
    }

    /** Smoothing constant of the EWMA feature (weight of the newest row). */
    public static final double EWMA_LAMBDA = 0.3;

    private final double[] centre;
    private final double[] scale;
    private final FeatureSet set;

    /** @param centre mean of each variable in normal operation; @param scale its standard deviation (0 is taken as 1) */
    public WindowFeatures(double[] centre, double[] scale, FeatureSet set) {
        this.centre = centre.clone();
        this.scale = new double[scale.length];
        for (int j = 0; j < scale.length; j++) {
            this.scale[j] = scale[j] > 1e-12 ? scale[j] : 1.0;
        }
        this.set = set;
    }

    /** Standardisation fitted on normal rows. */
    public static WindowFeatures fittedOn(double[][] normalRows, FeatureSet set) {
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
        return new WindowFeatures(mean, sd, set);
    }

    public int variables() {
        return centre.length;
    }

    public int size() {
        return centre.length * set.perVariable;
    }

    public double[] centre() {
        return centre.clone();
    }

    public double[] scale() {
        return scale.clone();
    }

    /**
     * Features of rows [from, from + width) of {@code rows}, feature k of variable j at {@code k * variables + j}. A NaN
     * value is left out of its variable's sums (the rich features fill it with the variable's window mean).
     */
    public double[] of(double[][] rows, int from, int width) {
        int p = centre.length;
        double[] f = new double[p * set.perVariable];
        double[][] z = set.rich() ? new double[p][width] : null;
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
                double zi = (v - centre[j]) / scale[j];
                sum += zi;
                sumSq += zi * zi;
                n++;
            }
            double mean = n == 0 ? 0 : sum / n;
            for (int i = 0; i < width; i++) {
                double v = rows[from + i][j];
                double zi = Double.isNaN(v) ? mean : (v - centre[j]) / scale[j];
                if (z != null) {
                    z[j][i] = zi;
                }
                if (Double.isNaN(v)) {
                    continue;
                }
                sxy += (i - tMean) * (zi - mean);
                sxx += (i - tMean) * (i - tMean);
            }
            f[j] = mean;
            f[p + j] = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : 0;
            f[2 * p + j] = sxx > 0 ? sxy / sxx : 0;
        }
        if (z != null) {
            rich(z, f, p, width);
        }
        if (set.compressed) {
            for (int k = 0; k < f.length; k++) {
                f[k] = Math.signum(f[k]) * Math.log1p(Math.abs(f[k]));
            }
        }
        return f;
    }

    private static void rich(double[][] z, double[] f, int p, int width) {
        int late = Math.max(3, width / 4);
        double[][] centred = new double[p][width];
        double[] norm = new double[p];
        for (int j = 0; j < p; j++) {
            double[] x = z[j];
            double mean = f[j];
            double lateSum = 0;
            for (int i = width - late; i < width; i++) {
                lateSum += x[i];
            }
            double ewma = x[0];
            for (int i = 1; i < width; i++) {
                ewma = EWMA_LAMBDA * x[i] + (1 - EWMA_LAMBDA) * ewma;
            }
            double c0 = 0;
            double c1 = 0;
            double min = x[0];
            double max = x[0];
            double dSum = 0;
            double dSq = 0;
            for (int i = 0; i < width; i++) {
                double e = x[i] - mean;
                centred[j][i] = e;
                c0 += e * e;
                if (i > 0) {
                    c1 += e * (x[i - 1] - mean);
                    double d = x[i] - x[i - 1];
                    dSum += d;
                    dSq += d * d;
                }
                min = Math.min(min, x[i]);
                max = Math.max(max, x[i]);
            }
            int nd = width - 1;
            double dMean = dSum / nd;
            norm[j] = Math.sqrt(c0);
            f[3 * p + j] = lateSum / late;
            f[4 * p + j] = ewma;
            f[5 * p + j] = c0 > 1e-12 ? c1 / c0 : 0;
            f[6 * p + j] = nd > 1 ? Math.sqrt(Math.max(0, (dSq - nd * dMean * dMean) / (nd - 1))) : 0;
            f[7 * p + j] = max - min;
        }
        double[] absCorr = new double[p];
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                if (norm[a] < 1e-9 || norm[b] < 1e-9) {
                    continue;
                }
                double s = 0;
                for (int i = 0; i < width; i++) {
                    s += centred[a][i] * centred[b][i];
                }
                double r = Math.abs(s / (norm[a] * norm[b]));
                absCorr[a] += r;
                absCorr[b] += r;
            }
        }
        for (int j = 0; j < p; j++) {
            f[8 * p + j] = absCorr[j] / Math.max(1, p - 1);
        }
    }
}
