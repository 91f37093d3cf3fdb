package io.poka.spc.internal.chart;

/** The statistic a control chart plots; it decides how limits follow from a {@link ControlLimits} baseline. */
public enum ChartType {
    INDIVIDUALS, MOVING_RANGE, XBAR, RANGE, STDDEV, P, NP, C, U, EWMA, CUSUM,
    /** One-step-ahead forecast errors of a fitted AR(1) model, on an individuals chart (Montgomery 10.4). */
    RESIDUALS,
    /** One-step-ahead forecast errors of an EWMA used as a forecast, on an individuals chart (Montgomery 10.4.1). */
    FORECAST_ERRORS;

    /** Dispersion charts are skewed, so zone-based run rules are not applied to them by default. */
    public boolean isDispersion() {
        return this == MOVING_RANGE || this == RANGE || this == STDDEV;
    }
}
