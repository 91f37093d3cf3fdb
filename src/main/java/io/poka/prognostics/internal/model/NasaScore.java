package io.poka.prognostics.internal.model;

/**
 * The asymmetric scoring function of the PHM08 challenge (Saxena, Goebel, Simon and Eklund, "Damage propagation
 * modeling for aircraft engine run-to-failure simulation", PHM 2008): with d = predicted - true RUL, a late prediction
 * (d &gt;= 0) costs exp(d/10) - 1 and an early one exp(-d/13) - 1, summed over units; lower is better.
 */
public final class NasaScore {
    private NasaScore() {
    }

    public static double of(double predicted, double truth) {
        double d = predicted - truth;
        return d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
    }

    public static double sum(double[] predicted, double[] truth) {
        double s = 0;
        for (int i = 0; i < predicted.length; i++) {
            s += of(predicted[i], truth[i]);
        }
        return s;
    }

    public static double rmse(double[] predicted, double[] truth) {
        double s = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = predicted[i] - truth[i];
            s += d * d;
        }
        return Math.sqrt(s / predicted.length);
    }
}
