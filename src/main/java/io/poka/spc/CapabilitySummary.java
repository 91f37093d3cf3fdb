package io.poka.spc;

import java.time.Instant;

/**
 * Capability of one charted variable at a glance (for the dashboard): its specification, the frozen limits
 * version in force, and Cpk, Ppk over its most recent readings (n of them, from..to their times), computed as
 * the capability query computes them, with the Cpk band. {@code problem} says why Cpk is missing (band UNKNOWN),
 * e.g. too few readings or no variation. {@code meaningful}, {@code notMeaningfulReason} and {@code cpkSigma} as in
 * {@link CapabilityView} (the same computation: {@link SpcApi#currentCapability}).
 */
public record CapabilitySummary(String line, String variable, Double lsl, Double usl, Double target,
        Integer limitsVersion, Double center, Double sigma, int n, Instant from, Instant to, Double cpk, Double ppk,
        CpkBand band, String problem, String cpkSigma, boolean meaningful, String notMeaningfulReason) {
}
