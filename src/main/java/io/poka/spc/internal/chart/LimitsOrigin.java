package io.poka.spc.internal.chart;

/** Where frozen limits came from, so an auditor can tell estimated limits from limits copied from a study. */
public enum LimitsOrigin {
    /** Estimated here from a phase I baseline. */
    PHASE_I_ESTIMATE,
    /** Entered by a user from a validated capability or control study. */
    ENTERED_FROM_STUDY
}
