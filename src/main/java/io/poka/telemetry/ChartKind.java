package io.poka.telemetry;

/**
 * The control chart a catalogue variable is watched with; kept here (not in spc) because the catalogue owns the
 * choice and spc depends on telemetry, not the other way round.
 */
public enum ChartKind {
    /** Individuals and moving range (subgroup size 1). */
    IMR,
    /** X-bar and R over subgroups of a fixed size 2..25. */
    XBAR_R,
    /** X-bar and S over subgroups of size 2..25. */
    XBAR_S,
    /** EWMA of individual values (or subgroup means when the subgroup size is above 1). */
    EWMA,
    /** Tabular CUSUM of individual values (or subgroup means). */
    CUSUM,
    /**
     * Individuals chart of the one-step-ahead forecast errors of an AR(1) model fitted in phase I, for autocorrelated
     * readings (Montgomery, Introduction to SQC, 10.4); subgroup size 1.
     */
    AR1_RESIDUALS,
    /**
     * Individuals chart of the one-step-ahead forecast errors of an EWMA used as a forecast, λ fitted in phase I, for
     * autocorrelated readings whose mean wanders (Montgomery, Introduction to SQC, 10.4.1); subgroup size 1.
     */
    EWMA_FORECAST
}
