package io.poka.capa.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The verdict of each effectiveness criterion from the numbers measured on stored data, in plain Java so the pass,
 * fail and not-yet boundaries are unit-tested. FAILED means the problem showed again inside the window (the action is
 * reopened); NOT_YET means the window has not gathered enough data to prove anything.
 */
final class EffectivenessRules {
    static final String PASSED = "PASSED";
    static final String FAILED = "FAILED";
    static final String NOT_YET = "NOT_YET";

    /** A verdict with what it rests on: the measured and required values, the observations and the data range. */
    record Verdict(String result, Double measured, Double required, int observations, Instant from, Instant to,
            String detail) {
    }

    private EffectivenessRules() {
    }

    /** End of a window of {@code days} days from {@code start}. */
    static Instant windowEnd(Instant start, int days) {
        return start.plus(Duration.ofDays(days));
    }

    /** The data range looked at now: from the window's start to now or to its end, whichever is earlier. */
    static Instant dataTo(Instant start, int days, Instant now) {
        Instant end = windowEnd(start, days);
        return now.isBefore(end) ? now : end;
    }

    /** Chart shows no rule violation for {@code days}: any violation in the window fails it at once. */
    static Verdict noRuleViolation(Instant start, int days, Instant now, int violations, String chart) {
        Instant to = dataTo(start, days, now);
        if (violations > 0) {
            return new Verdict(FAILED, (double) violations, 0.0, violations, start, to,
                    violations + " rule violation(s) on " + chart + " inside the window");
        }
        if (now.isBefore(windowEnd(start, days))) {
            return new Verdict(NOT_YET, 0.0, 0.0, 0, start, to, "no violation on " + chart + " so far; the "
                    + days + "-day window ends at " + windowEnd(start, days));
        }
        return new Verdict(PASSED, 0.0, 0.0, 0, start, to, "no rule violation on " + chart + " for " + days + " days");
    }

    /**
     * Cpk over the first {@code required} readings of the window (the caller computes it once that many exist).
     *
     * @param readings readings found in the window, at most {@code required}
     * @param cpk Cpk over those readings, null when they are fewer than required
     */
    static Verdict cpkAtLeast(Instant start, Instant to, double minCpk, int required, int readings, Double cpk,
            String chart) {
        if (readings < required) {
            return new Verdict(NOT_YET, null, minCpk, readings, start, to, readings + " of the " + required
                    + " readings of " + chart + " needed so far");
        }
        if (cpk == null || cpk.isNaN()) {
            return new Verdict(FAILED, null, minCpk, readings, start, to, "Cpk of " + chart
                    + " is undefined over the first " + required + " readings (no two-sided specification?)");
        }
        boolean ok = cpk >= minCpk;
        return new Verdict(ok ? PASSED : FAILED, cpk, minCpk, readings, start, to, String.format(java.util.Locale.ROOT,
                "Cpk %.3f %s %.2f over the first %d readings of %s", cpk, ok ? ">=" : "<", minCpk, required, chart));
    }

    /** No NCR with the defect code on the product while {@code requiredLots} lots of it were made. */
    static Verdict noDefectRecurrence(Instant start, Instant now, int requiredLots, int lotsMade, int recurrences,
            String what) {
        if (recurrences > 0) {
            return new Verdict(FAILED, (double) recurrences, 0.0, lotsMade, start, now,
                    recurrences + " new NCR(s) with " + what + " inside the window");
        }
        if (lotsMade < requiredLots) {
            return new Verdict(NOT_YET, 0.0, 0.0, lotsMade, start, now, lotsMade + " of the " + requiredLots
                    + " lots made so far without " + what);
        }
        return new Verdict(PASSED, 0.0, 0.0, lotsMade, start, now, "no " + what + " over " + lotsMade + " lots");
    }

    /**
     * The largest number of anomalous rows among {@code n} that a model calibrated for false-alarm rate {@code alpha}
     * explains: n alpha + 3 sqrt(n alpha (1 - alpha)), the binomial mean plus three standard deviations (the same
     * bound the scoring module's health uses).
     */
    static double anomalyLimit(long n, double alpha) {
        return n * alpha + 3 * Math.sqrt(n * alpha * (1 - alpha));
    }

    /** Anomaly rate on the line within the model's target over {@code days}. */
    static Verdict anomalyRateWithinTarget(Instant start, int days, Instant now, long scored, long anomalous,
            double alpha, String model) {
        Instant to = dataTo(start, days, now);
        int n = (int) Math.min(Integer.MAX_VALUE, scored);
        Double rate = scored == 0 ? null : (double) anomalous / scored;
        double limit = anomalyLimit(scored, alpha);
        Double allowedRate = scored == 0 ? alpha : limit / scored;
        String numbers = String.format(java.util.Locale.ROOT, "%d anomalous of %d scored rows (limit %.1f for target"
                + " %.4f, model %s)", anomalous, scored, limit, alpha, model);
        if (scored > 0 && anomalous > limit) {
            return new Verdict(FAILED, rate, allowedRate, n, start, to, numbers + ": above target");
        }
        if (now.isBefore(windowEnd(start, days))) {
            return new Verdict(NOT_YET, rate, allowedRate, n, start, to, numbers + " so far; the " + days
                    + "-day window ends at " + windowEnd(start, days));
        }
        if (scored == 0) {
            return new Verdict(NOT_YET, null, alpha, 0, start, to, "no row of the line was scored in the window");
        }
        return new Verdict(PASSED, rate, allowedRate, n, start, to, numbers + ": within target");
    }
}
