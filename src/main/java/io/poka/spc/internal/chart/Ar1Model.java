package io.poka.spc.internal.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A first-order autoregressive model x_t − μ = φ (x_(t−1) − μ) + ε_t fitted to a phase I baseline, so an
 * autocorrelated process can be charted by its one-step-ahead forecast errors ε_t, which are independent when the
 * model fits (Montgomery, Introduction to SQC, 10.4.2 "Model-based approaches"; Box, Jenkins and Reinsel, Time
 * Series Analysis, 3.2: φ estimated by the lag-1 sample autocorrelation, the Yule-Walker estimate).
 *
 * <p>A value equal to the one before it is a held output (an analyzer that reports every few samples repeats its
 * last result in between), not a new observation: {@link #newObservations} drops it before fitting, and the
 * residual chart plots nothing for it, so a held value neither shrinks σ_ε nor makes every refresh look like a jump.
 */
public record Ar1Model(double mean, double phi, double residualSigma, int observations) {

    public Ar1Model {
        if (!(residualSigma > 0) || !Double.isFinite(residualSigma)) {
            throw new IllegalArgumentException("the residuals show no variation (sigma = 0)");
        }
        if (!(Math.abs(phi) < 1)) {
            throw new IllegalArgumentException("phi must lie in (-1, 1), got " + phi);
        }
    }

    /** The one-step-ahead forecast of x_t from x_(t−1). */
    public double forecast(double previous) {
        return mean + phi * (previous - mean);
    }

    /** Fits μ (sample mean), φ (lag-1 sample autocorrelation) and σ_ε (sample sd of the residuals). */
    public static Ar1Model fit(List<Double> values) {
        List<Double> x = newObservations(values);
        if (x.size() < 3) {
            throw new IllegalArgumentException("an AR(1) fit needs at least 3 distinct successive values, got " + x.size());
        }
        double mean = x.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double phi = Autocorrelation.at(x, 1);
        if (!(Math.abs(phi) < 1)) {
            throw new IllegalArgumentException("the baseline shows no variation");
        }
        double[] e = residuals(x, mean, phi);
        double sum = 0;
        for (double v : e) {
            sum += v;
        }
        double m = sum / e.length;
        double ss = 0;
        for (double v : e) {
            ss += (v - m) * (v - m);
        }
        return new Ar1Model(mean, phi, Math.sqrt(ss / (e.length - 1)), x.size());
    }

    /** The forecast errors x_t − forecast(x_(t−1)) for t ≥ 2 of a series of new observations. */
    public static double[] residuals(List<Double> x, double mean, double phi) {
        double[] e = new double[x.size() - 1];
        for (int t = 1; t < x.size(); t++) {
            e[t - 1] = (x.get(t) - mean) - phi * (x.get(t - 1) - mean);
        }
        return e;
    }

    /** The values with every repeat of the value just before it left out (held outputs). */
    public static List<Double> newObservations(List<Double> values) {
        List<Double> out = new ArrayList<>(values.size());
        Double previous = null;
        for (Double v : values) {
            if (previous == null || v.doubleValue() != previous.doubleValue()) {
                out.add(v);
            }
            previous = v;
        }
        return out;
    }
}
