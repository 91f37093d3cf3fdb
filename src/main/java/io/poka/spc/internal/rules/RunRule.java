package io.poka.spc.internal.rules;

import io.poka.spc.internal.chart.ChartPoint;

import java.util.List;
import java.util.function.Function;

/**
 * Western Electric rules (Western Electric Statistical Quality Control Handbook, 1956) and Nelson's eight tests
 * (L. S. Nelson, "The Shewhart Control Chart - Tests for Special Causes", Journal of Quality Technology 16(4), 1984).
 * Zones are in units of the plotted statistic's sigma; rule 1 uses the chart's own (possibly clipped) limits.
 */
public enum RunRule {
    WE1("1 point beyond the 3-sigma limits", 1, Patterns::beyondLimits),
    WE2("2 of 3 points beyond 2 sigma, same side", 3, r -> Patterns.kOfMBeyond(r, 2, 3, 2)),
    WE3("4 of 5 points beyond 1 sigma, same side", 5, r -> Patterns.kOfMBeyond(r, 4, 5, 1)),
    WE4("8 points in a row on one side of the center line", 8, r -> Patterns.sameSide(r, 8)),
    NELSON1("1 point beyond 3 sigma", 1, Patterns::beyondLimits),
    NELSON2("9 points in a row on one side of the center line", 9, r -> Patterns.sameSide(r, 9)),
    NELSON3("6 points in a row steadily increasing or decreasing", 6, r -> Patterns.trend(r, 6)),
    NELSON4("14 points in a row alternating up and down", 14, r -> Patterns.alternating(r, 14)),
    NELSON5("2 of 3 points beyond 2 sigma, same side", 3, r -> Patterns.kOfMBeyond(r, 2, 3, 2)),
    NELSON6("4 of 5 points beyond 1 sigma, same side", 5, r -> Patterns.kOfMBeyond(r, 4, 5, 1)),
    NELSON7("15 points in a row within 1 sigma of the center line", 15, r -> Patterns.allWithin(r, 15, 1)),
    NELSON8("8 points in a row beyond 1 sigma, either side", 8, r -> Patterns.allOutside(r, 8, 1));

    private final String description;
    private final int window;
    private final Function<List<ChartPoint>, List<ChartPoint>> pattern;

    RunRule(String description, int window, Function<List<ChartPoint>, List<ChartPoint>> pattern) {
        this.description = description;
        this.window = window;
        this.pattern = pattern;
    }

    public String id() {
        return name();
    }

    public String description() {
        return description;
    }

    /** How many recent points the rule looks at. */
    public int window() {
        return window;
    }

    /** The points forming the pattern completed by the newest of {@code recent}, or an empty list. */
    List<ChartPoint> match(List<ChartPoint> recent) {
        return pattern.apply(recent);
    }
}
