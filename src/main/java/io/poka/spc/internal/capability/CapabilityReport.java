package io.poka.spc.internal.capability;

/**
 * Capability and performance indices of one characteristic. Indices that a one-sided specification does not
 * define (Cp, Pp, Cpm, and the missing side) are NaN. Cp/Cpk use the within sigma named in {@code withinSigma};
 * Pp/Ppk use the overall sample standard deviation. The normality test (null below 8 values) says whether any of
 * them is to be trusted.
 */
public record CapabilityReport(
        int n,
        double mean,
        WithinSigma withinSigma,
        double overallSigma,
        SpecLimits spec,
        double cp, double cpl, double cpu, double cpk,
        double pp, double ppl, double ppu, double ppk,
        double cpm,
        Interval cpInterval,
        Interval cpkInterval,
        NormalityTest normality) {
}
