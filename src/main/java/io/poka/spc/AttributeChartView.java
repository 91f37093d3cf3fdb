package io.poka.spc;

import java.time.Instant;
import java.util.List;

/**
 * A p, np, c or u chart over inspection counts: its type, the baseline range its limits were estimated from on
 * this query (not frozen), the center line and the points with per-point limits (p and u vary with n).
 */
public record AttributeChartView(String name, String chartType, Instant baselineFrom, Instant baselineTo,
        int baselineSamples, double center, List<AttributePointView> points) {
}
