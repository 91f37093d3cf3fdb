package io.poka.spc;

import java.time.Instant;
import java.util.List;

/**
 * A p, np, c or u chart over inspection counts: its type, the points with per-point limits (p and u vary with n)
 * and the rules fired at each. With frozen limits ({@code limits} set: version, origin, who and when), the points
 * are evaluated against that version and {@code violations} are the stored violations with a point in the range;
 * the baseline fields and {@code center} (the plotted center line, n·p-bar for np) come from that version. Without
 * ({@code limits} null, a phase I preview), the limits are estimated on this query from the samples in
 * [baselineFrom, baselineTo) and nothing is stored.
 */
public record AttributeChartView(String name, String chartType, Instant baselineFrom, Instant baselineTo,
        int baselineSamples, double center, List<AttributePointView> points, AttributeLimitsView limits,
        List<RuleViolated> violations) {
}
