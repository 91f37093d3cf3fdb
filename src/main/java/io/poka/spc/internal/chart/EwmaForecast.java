package io.poka.spc.internal.chart;

import java.util.List;

/**
 * The EWMA as a one-step-ahead forecast of an autocorrelated process (Montgomery, Introduction to SQC, 6th ed.,
 * 10.4.1): z_t = λ x_t + (1 − λ) z_(t−1) forecasts x_(t+1), and the forecast errors e_t = x_t − z_(t−1) are charted
 * with limits 0 ± L σ_e. λ is chosen in phase I to minimise the sum of squared one-step-ahead forecast errors (as the
 * book recommends), σ_e is their root mean square. The EWMA is the optimal (minimum mean square error) forecast of an
 * IMA(1,1) process x_t = x_(t−1) + ε_t − θ ε_(t−1) with λ = 1 − θ (Box, Jenkins and Reinsel, Time Series Analysis,
 * 4.3.1), so it suits a wandering mean that an AR(1) model with a fixed mean cannot follow.
 *
 * <p>Held analyzer outputs (a value equal to the one before) are left out as in {@link Ar1Model}.
 */
public record EwmaForecast(double lambda, double errorSigma, double start, int observations) {
    /** λ is searched on this grid: 0.01, 0.02, ..., 1.00. */
    static final double LAMBDA_STEP = 0.01;

    public EwmaForecast {
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda must lie in (0, 1], got " + lambda);
        }
        if (!(errorSigma > 0) || !Double.isFinite(errorSigma)) {
            throw new IllegalArgumentException("the forecast errors show no variation (sigma = 0)");
        }
    }

    /** The next EWMA after observing {@code x} when the EWMA was {@code z}: the forecast of the observation after x. */
    public double update(double z, double x) {
        return lambda * x + (1 - lambda) * z;
    }

    /**
     * Fits λ (least sum of squared one-step-ahead errors on the grid) and σ_e to a baseline; the EWMA starts at the
     * baseline's first new observation, and {@code start} is the forecast after the baseline's last one.
     */
    public static EwmaForecast fit(List<Double> values) {
        List<Double> x = Ar1Model.newObservations(values);
        if (x.size() < 3) {
            throw new IllegalArgumentException("an EWMA forecast fit needs at least 3 distinct successive values, got "
                    + x.size());
        }
        double best = Double.NaN;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= Math.round(1 / LAMBDA_STEP); k++) {
            double lambda = k * LAMBDA_STEP;
            double sse = sumOfSquaredErrors(x, lambda);
            if (sse < bestSse) {
                bestSse = sse;
                best = lambda;
            }
        }
        double z = x.get(0);
        for (int t = 1; t < x.size(); t++) {
            z = best * x.get(t) + (1 - best) * z;
        }
        return new EwmaForecast(best, Math.sqrt(bestSse / (x.size() - 1)), z, x.size());
    }

    /** The one-step-ahead forecast errors x_t − z_(t−1), t ≥ 1, of an EWMA started at x_0. */
    public static double[] errors(List<Double> x, double lambda) {
        double[] e = new double[x.size() - 1];
        double z = x.get(0);
        for (int t = 1; t < x.size(); t++) {
            e[t - 1] = x.get(t) - z;
            z = lambda * x.get(t) + (1 - lambda) * z;
        }
        return e;
    }

    static double sumOfSquaredErrors(List<Double> x, double lambda) {
        double sse = 0;
        for (double e : errors(x, lambda)) {
            sse += e * e;
        }
        return sse;
    }
}
