package io.poka.spc.internal.chart;

import java.util.List;
import java.util.Locale;

/**
 * Which chart for autocorrelated individual readings: the residuals of an AR(1) model (Montgomery, Introduction to
 * SQC, 10.4.2) or the forecast errors of an EWMA used as a forecast (10.4.1). Both plot one-step-ahead forecast errors,
 * so the rule compares the forecasts on the baseline: a chart's errors should be uncorrelated (Ljung-Box at 5 %, one
 * fitted parameter each); if exactly one chart's are, it is recommended; otherwise the one whose errors have the
 * smaller root mean square (the sharper forecast, so the narrower limits for the same false-alarm rate), AR(1) on a
 * tie. A stationary process around a fixed mean favours AR(1); a mean that wanders (IMA(1,1)-like) favours the EWMA.
 */
public final class ForecastChartChoice {
    static final String AR1 = "AR1_RESIDUALS";
    static final String EWMA = "EWMA_FORECAST";
    private static final double ALPHA = 0.05;
    private static final int MAX_LAGS = 10;

    /** The recommended chart and why, with each forecast's error RMS and Ljung-Box p-value. */
    public record Choice(String chart, String reason, double ar1Rms, Double ar1LjungBoxP, double ewmaRms,
            double ewmaLambda, Double ewmaLjungBoxP) {
    }

    private ForecastChartChoice() {
    }

    /** The choice for the baseline readings (held repeats left out); needs at least 3 new observations. */
    public static Choice choose(List<Double> readings) {
        List<Double> x = Ar1Model.newObservations(readings);
        double mean = x.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double[] ar1 = Ar1Model.residuals(x, mean, Autocorrelation.at(x, 1));
        EwmaForecast ewma = EwmaForecast.fit(x);
        double[] ewmaErrors = EwmaForecast.errors(x, ewma.lambda());
        Double ar1P = ljungBoxP(ar1);
        Double ewmaP = ljungBoxP(ewmaErrors);
        double ar1Rms = rms(ar1);
        double ewmaRms = rms(ewmaErrors);
        boolean ar1White = ar1P == null || ar1P >= ALPHA;
        boolean ewmaWhite = ewmaP == null || ewmaP >= ALPHA;
        String chart;
        String why;
        if (ar1White != ewmaWhite) {
            chart = ar1White ? AR1 : EWMA;
            why = "only its forecast errors are uncorrelated (Ljung-Box at 5 %)";
        } else {
            chart = ewmaRms < ar1Rms ? EWMA : AR1;
            why = "its one-step-ahead forecast errors are smaller" + (ar1White ? "" : " (neither forecast leaves "
                    + "uncorrelated errors)");
        }
        String reason = String.format(Locale.ROOT, "%s recommended: %s; AR(1) residual RMS %.4g (Ljung-Box p %s), "
                + "EWMA forecast (lambda %.2f) error RMS %.4g (Ljung-Box p %s)", chart, why, ar1Rms, p(ar1P),
                ewma.lambda(), ewmaRms, p(ewmaP));
        return new Choice(chart, reason, ar1Rms, ar1P, ewmaRms, ewma.lambda(), ewmaP);
    }

    private static Double ljungBoxP(double[] e) {
        int h = Math.min(MAX_LAGS, e.length / 5);
        return h >= 1 && e.length > h + 1 ? Autocorrelation.ljungBox(e, h, 1).pValue() : null;
    }

    private static double rms(double[] e) {
        double ss = 0;
        for (double v : e) {
            ss += v * v;
        }
        return Math.sqrt(ss / e.length);
    }

    private static String p(Double p) {
        return p == null ? "n/a" : String.format(Locale.ROOT, "%.3g", p);
    }
}
