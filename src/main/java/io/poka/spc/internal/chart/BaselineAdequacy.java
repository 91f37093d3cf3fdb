package io.poka.spc.internal.chart;

import io.poka.spc.BaselineCheck;
import io.poka.spc.internal.capability.AndersonDarling;
import io.poka.spc.internal.capability.NormalityTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Judges a phase I baseline before limits are frozen from it (see {@link BaselineCheck}). Minimums after Montgomery,
 * Introduction to SQC, 6.2.1 (20 to 25 subgroups for trial limits) and 6.4 (at least 100 individual observations
 * for an individuals chart, since σ from moving ranges is imprecise); autocorrelation by {@link Autocorrelation}
 * at the 5 % level, normality by Anderson-Darling (D'Agostino and Stephens 1986) at the 5 % level.
 */
public final class BaselineAdequacy {

    /** The documented minimums (poka.spc.phase-one-min-*). */
    public record Minimums(int individuals, int subgroups, int effectiveSize) {
    }

    private static final double ALPHA = 0.05;
    private static final int MAX_LAGS = 10;

    private BaselineAdequacy() {
    }

    /**
     * @param chartType the catalogue chart kind (IMR, XBAR_R, XBAR_S, EWMA, CUSUM, AR1_RESIDUALS, EWMA_FORECAST)
     * @param readings  the baseline readings in time order (used points only)
     * @param means     subgroup means for a subgrouped chart, else null
     */
    public static BaselineCheck judge(String chartType, List<Double> readings, List<Double> means, Minimums min) {
        boolean residualChart = ForecastChartChoice.AR1.equals(chartType);
        boolean forecastChart = ForecastChartChoice.EWMA.equals(chartType);
        boolean timeSeriesChart = residualChart || forecastChart;
        double readingsLag1 = Autocorrelation.at(timeSeriesChart ? Ar1Model.newObservations(readings) : readings, 1);
        String series;
        double[] x;
        int n;
        int minimumN;
        int fitted = 0;
        if (means != null) {
            series = "subgroup means";
            x = means.stream().mapToDouble(Double::doubleValue).toArray();
            n = x.length;
            minimumN = min.subgroups();
        } else if (residualChart) {
            series = "AR(1) residuals";
            List<Double> obs = Ar1Model.newObservations(readings);
            n = obs.size();
            minimumN = min.individuals();
            double mean = obs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            x = obs.size() < 2 ? new double[0] : Ar1Model.residuals(obs, mean, Autocorrelation.at(obs, 1));
            fitted = 1;
        } else if (forecastChart) {
            series = "EWMA forecast errors";
            List<Double> obs = Ar1Model.newObservations(readings);
            n = obs.size();
            minimumN = min.individuals();
            x = obs.size() < 3 ? new double[0] : EwmaForecast.errors(obs, EwmaForecast.fit(obs).lambda());
            fitted = 1;
        } else {
            series = "individual values";
            x = readings.stream().mapToDouble(Double::doubleValue).toArray();
            n = x.length;
            minimumN = min.individuals();
        }
        List<String> warnings = new ArrayList<>();
        int h = Math.min(MAX_LAGS, x.length / 5);
        List<Double> acf = new ArrayList<>();
        for (int k = 1; k <= h; k++) {
            acf.add(Autocorrelation.at(x, k));
        }
        double r1 = Autocorrelation.at(x, 1);
        double effective = Autocorrelation.effectiveSize(x.length, r1);
        Autocorrelation.LjungBox lb = h >= 1 && x.length > h + 1 ? Autocorrelation.ljungBox(x, h, fitted) : null;
        boolean autocorrelated = lb != null && lb.pValue() < ALPHA;
        NormalityTest normal = x.length >= 8 && spread(x) ? AndersonDarling.test(x) : null;
        if (n < minimumN) {
            warnings.add("baseline too short: " + n + " " + (means != null ? "subgroups" : "observations")
                    + ", at least " + minimumN + " needed");
        }
        if (effective < min.effectiveSize()) {
            warnings.add(String.format("too little information after autocorrelation: effective sample size %.1f "
                    + "(r1 = %.2f), at least %d needed", effective, r1, min.effectiveSize()));
        }
        String recommended = chartType;
        ForecastChartChoice.Choice choice = null;
        if (means == null && (timeSeriesChart || autocorrelated)
                && Ar1Model.newObservations(readings).size() >= 3) {
            try {
                choice = ForecastChartChoice.choose(readings);
                recommended = choice.chart();
            } catch (IllegalArgumentException e) {
                choice = null; // no variation: nothing to forecast
            }
        }
        if (autocorrelated) {
            if (timeSeriesChart) {
                warnings.add(String.format("the %s are still autocorrelated (Ljung-Box p = %.3g): a "
                        + "higher-order model may fit better", series, lb.pValue()));
            } else {
                warnings.add(String.format("the %s are autocorrelated (r1 = %.2f, Ljung-Box p = %.3g): Shewhart "
                        + "limits assume independence and will be too narrow%s", series, r1, lb.pValue(),
                        means != null ? "" : "; chart its one-step-ahead forecast errors (" + recommended
                                + ") instead"));
            }
        }
        if (normal != null && normal.rejectsNormality()) {
            warnings.add(String.format("the %s are not normal (Anderson-Darling p = %.3g): the false-alarm rate of "
                    + "3-sigma limits differs from 0.27 %%", series, normal.pValue()));
        }
        boolean adequate = n >= minimumN && effective >= min.effectiveSize();
        return new BaselineCheck(chartType, series, n, minimumN, effective, min.effectiveSize(), readingsLag1,
                List.copyOf(acf), lb == null ? null : lb.q(), lb == null ? null : lb.degreesOfFreedom(),
                lb == null ? null : lb.pValue(), autocorrelated, normal == null ? null : normal.aSquaredAdjusted(),
                normal == null ? null : normal.pValue(), normal == null ? null : normal.rejectsNormality(), adequate,
                recommended, List.copyOf(warnings), choice == null ? null : choice.reason());
    }

    private static boolean spread(double[] x) {
        return Arrays.stream(x).max().orElse(0) > Arrays.stream(x).min().orElse(0);
    }
}
