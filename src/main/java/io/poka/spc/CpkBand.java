package io.poka.spc;

/**
 * The capability band a Cpk falls in, as quality teams read it at a glance: GOOD at least 1.33 (a 4-sigma margin
 * to the nearer specification limit), WARN from 1.00 up to 1.33, BAD below 1.00 (the process spreads beyond a
 * specification limit); UNKNOWN when Cpk could not be computed.
 */
public enum CpkBand {
    GOOD, WARN, BAD, UNKNOWN;

    /** Lower bound of GOOD. */
    public static final double GOOD_FROM = 1.33;
    /** Lower bound of WARN. */
    public static final double WARN_FROM = 1.00;

    public static CpkBand of(Double cpk) {
        if (cpk == null || cpk.isNaN()) {
            return UNKNOWN;
        }
        if (cpk >= GOOD_FROM) {
            return GOOD;
        }
        return cpk >= WARN_FROM ? WARN : BAD;
    }
}
