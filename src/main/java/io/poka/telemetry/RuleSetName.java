package io.poka.telemetry;

/** The run rules selected for a variable's location chart; dispersion charts always use rule 1 only. */
public enum RuleSetName {
    WESTERN_ELECTRIC, NELSON, BEYOND_LIMITS
}
