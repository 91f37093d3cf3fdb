package io.poka.spc.internal.math;

/** Chi-square CDF and quantile for the confidence interval of Cp (and Cpm). */
public final class ChiSquare {

    private ChiSquare() {
    }

    /** P(X ≤ x) for X ~ χ²(df). */
    public static double cdf(double x, double df) {
        return SpecialFunctions.regularizedGammaP(df / 2, x / 2);
    }

    /** The p-quantile of χ²(df), by bisection on {@link #cdf} to double precision. */
    public static double quantile(double p, double df) {
        if (!(p > 0 && p < 1) || !(df > 0)) {
            throw new IllegalArgumentException("need 0 < p < 1 and df > 0");
        }
        double lo = 0;
        double hi = Math.max(1, df);
        while (cdf(hi, df) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(mid, df) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
