package io.poka.ncr;

/**
 * How serious a nonconformance is, in the classes of ISO 2859-1 defect classification (critical, major, minor), so a
 * failed inspection's worst class carries over unchanged; the finer 1-10 FMEA severity lives in {@link NcrRisk}.
 */
public enum NcrSeverity {
    CRITICAL, MAJOR, MINOR
}
