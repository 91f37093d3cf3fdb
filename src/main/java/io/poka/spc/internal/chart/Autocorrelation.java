package io.poka.spc.internal.chart;

import io.poka.spc.internal.math.ChiSquare;
import java.util.List;

/**
 * Sample autocorrelation r_k = Σ (x_t − x̄)(x_(t+k) − x̄) / Σ (x_t − x̄)² (Box, Jenkins and Reinsel, Time Series
 * Analysis, 2.1.5; Montgomery, Introduction to SQC, 10.4.1) and the Ljung-Box portmanteau test
 * Q = n (n + 2) Σ_(k=1..h) r_k² / (n − k), χ² with h − p degrees of freedom under "no autocorrelation" (Ljung and
 * Box, "On a measure of lack of fit in time series models", Biometrika 65(2), 1978; NIST/SEMATECH e-Handbook 6.4.4.6),
 * because Shewhart limits assume independent observations and positive autocorrelation makes them far too narrow.
 */
public final class Autocorrelation {

    /** Q, its degrees of freedom and the p-value P(χ²(df) ≥ Q). */
    public record LjungBox(int lags, int degreesOfFreedom, double q, double pValue) {
    }

    private Autocorrelation() {
    }

    /** r_k; 0 when the series shows no variation or is too short. */
    public static double at(List<Double> x, int k) {
        return at(x.stream().mapToDouble(Double::doubleValue).toArray(), k);
    }

    public static double at(double[] x, int k) {
        int n = x.length;
        if (k < 1 || n <= k) {
            return 0;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double den = 0;
        for (double v : x) {
            den += (v - mean) * (v - mean);
        }
        if (!(den > 0)) {
            return 0;
        }
        double num = 0;
        for (int t = 0; t + k < n; t++) {
            num += (x[t] - mean) * (x[t + k] - mean);
        }
        return num / den;
    }

    /** The Ljung-Box test over lags 1..h; {@code fittedParameters} (p) is subtracted from h for a model's residuals. */
    public static LjungBox ljungBox(double[] x, int h, int fittedParameters) {
        int n = x.length;
        if (h < 1 || n <= h + 1) {
            throw new IllegalArgumentException("Ljung-Box needs more than " + (h + 1) + " values, got " + n);
        }
        double sum = 0;
        for (int k = 1; k <= h; k++) {
            double r = at(x, k);
            sum += r * r / (n - k);
        }
        double q = n * (n + 2.0) * sum;
        int df = Math.max(1, h - fittedParameters);
        return new LjungBox(h, df, q, 1 - ChiSquare.cdf(q, df));
    }

    /**
     * Effective sample size of the mean of an AR(1)-like series, n (1 − r_1) / (1 + r_1) (Bayley and Hammersley 1946;
     * Montgomery 10.4.1: positively autocorrelated data carry less information than their count); n when r_1 ≤ 0.
     */
    public static double effectiveSize(int n, double r1) {
        return r1 <= 0 ? n : n * (1 - r1) / (1 + r1);
    }
}
