package io.poka.spc.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One stored violation being assembled from a batch: a rule that fires on consecutive plotted points of one chart
 * (at every point in between) is one pattern going on, so it is stored once with every point involved instead of
 * once per point. Points are named by their time (epoch millisecond, as everywhere in the charts), so points of the
 * same millisecond appear once. The points that fired are those from {@link #firstFiredMillis()} on: each firing
 * point is the newest point of its pattern, and every point between the first and last firing fired.
 */
final class ViolationRun {
    private final UUID id;
    private final String line;
    private final String variable;
    private final String chart;
    private final String ruleId;
    private final int limitsVersion;
    private long[] points = new long[8];
    private int count;
    private int fired;
    private long firstFired;
    private int lastPlotted = Integer.MIN_VALUE;
    private double value;

    ViolationRun(UUID id, String line, String variable, String chart, String ruleId, int limitsVersion) {
        this.id = id;
        this.line = line;
        this.variable = variable;
        this.chart = chart;
        this.ruleId = ruleId;
        this.limitsVersion = limitsVersion;
    }

    /** True when plotted point number {@code plotted} of the chart directly follows the run's last firing. */
    boolean continuesAt(int plotted) {
        return lastPlotted == plotted - 1;
    }

    /** The rule fired at plotted point number {@code plotted}, its pattern being the points {@code pointMillis}. */
    void fire(int plotted, List<Long> pointMillis, double pointValue) {
        for (Long p : pointMillis) {
            add(p);
        }
        if (fired == 0) {
            firstFired = pointMillis.get(pointMillis.size() - 1);
        }
        lastPlotted = plotted;
        value = pointValue;
        fired++;
    }

    private void add(long p) {
        if (count > 0 && p <= points[count - 1]) {
            int at = Arrays.binarySearch(points, 0, count, p);
            if (at >= 0) {
                return;
            }
            insert(-at - 1, p);
            return;
        }
        insert(count, p);
    }

    private void insert(int at, long p) {
        if (count == points.length) {
            points = Arrays.copyOf(points, count * 2);
        }
        System.arraycopy(points, at, points, at + 1, count - at);
        points[at] = p;
        count++;
    }

    UUID id() {
        return id;
    }

    String line() {
        return line;
    }

    String variable() {
        return variable;
    }

    String chart() {
        return chart;
    }

    String ruleId() {
        return ruleId;
    }

    int limitsVersion() {
        return limitsVersion;
    }

    /** Every point involved, epoch milliseconds ascending (the array may be longer than {@link #pointCount}). */
    long[] pointMillis() {
        return points;
    }

    int pointCount() {
        return count;
    }

    /** At how many plotted points the rule fired. */
    int firedPoints() {
        return fired;
    }

    /** The time of the first point at which the rule fired; the points from it on are the ones that fired. */
    long firstFiredMillis() {
        return firstFired;
    }

    /** The plotted value at the last firing. */
    double value() {
        return value;
    }
}
