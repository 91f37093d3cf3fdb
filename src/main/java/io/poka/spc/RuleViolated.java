package io.poka.spc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run rule (or CUSUM signal) fired on a chart; fired synchronously inside the transaction that stored the
 * violation. {@code chart} is the plotted statistic (INDIVIDUALS, MOVING_RANGE, XBAR, RANGE, STDDEV, EWMA, CUSUM),
 * {@code pointTimes} the times of the points that form the pattern, oldest first. Fired once per point at which the
 * rule fired; {@code violationId} is the stored violation it went into, which a pattern going on over consecutive
 * points of the batch shares (stored once with all its points). Read back from storage, a violation carries all
 * the points of the stored pattern and the value at its last firing.
 */
public record RuleViolated(UUID violationId, String line, String variable, String chart, String ruleId,
        String ruleDescription, int limitsVersion, List<Instant> pointTimes, double value, Instant detectedAt) {
}
