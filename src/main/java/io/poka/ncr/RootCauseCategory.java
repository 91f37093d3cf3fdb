package io.poka.ncr;

/** The root-cause category of an investigation: the six Ishikawa (6M) branches, plus UNKNOWN while not found. */
public enum RootCauseCategory {
    MAN, MACHINE, METHOD, MATERIAL, MEASUREMENT, ENVIRONMENT, UNKNOWN
}
