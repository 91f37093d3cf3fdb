package io.poka.spc.internal.capability;

/**
 * The short-term (within-subgroup) sigma behind Cp and Cpk, named by how it was estimated, because Cpk from
 * R-bar/d2 and Cpk from S-bar/c4 are not the same number and a report must say which it shows.
 */
public record WithinSigma(double value, Method method) {

    public enum Method { RBAR_OVER_D2, SBAR_OVER_C4, MRBAR_OVER_D2, ENTERED }

    public WithinSigma {
        if (!(value > 0)) {
            throw new IllegalArgumentException("sigma must be positive");
        }
    }
}
