package io.poka.spc;

import java.time.Instant;

/**
 * Process capability of a variable over a time range against the catalogue's specification. Cp, Cpk (and Cpl,
 * Cpu) use the within sigma estimated as the variable's chart does ({@code withinSigmaMethod} MRBAR_OVER_D2,
 * RBAR_OVER_D2 or SBAR_OVER_C4); Pp, Ppk use the overall sample standard deviation. Intervals at
 * {@code confidence}: chi-square for Cp, Bissell for Cpk; Anderson-Darling A*² and p-value check normality.
 * NaN (undefined for a one-sided specification) is shown as null.
 *
 * <p>Labels: {@code cpkSigma} and {@code ppkSigma} say which sigma each family of indices uses, {@code firstReadingAt}
 * .. {@code lastReadingAt} the data the indices come from. {@code meaningful} is false while the chart shows the
 * process out of control ({@code violationsInRange} stored rule violations with a point in the data range, under any
 * limits version) or while no control limits are frozen (stability not established): capability describes a stable
 * process only (Montgomery, Introduction to SQC, 8.2), so screens show the indices as "not meaningful" then, with
 * {@code notMeaningfulReason}.
 */
public record CapabilityView(String line, String variable, Instant from, Instant to, int n, double mean,
        double withinSigma, String withinSigmaMethod, double overallSigma, Double lsl, Double usl, Double target,
        Double cp, Double cpl, Double cpu, Double cpk, Double pp, Double ppl, Double ppu, Double ppk, Double cpm,
        double[] cpInterval, double[] cpkInterval, double confidence, Double andersonDarlingA2,
        Double normalityPValue, Boolean normalityRejected, String cpkSigma, String ppkSigma, Instant firstReadingAt,
        Instant lastReadingAt, Integer limitsVersion, int violationsInRange, boolean meaningful,
        String notMeaningfulReason) {
}
