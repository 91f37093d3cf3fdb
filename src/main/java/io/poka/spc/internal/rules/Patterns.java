package io.poka.spc.internal.rules;

import io.poka.spc.internal.chart.ChartPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The pattern tests behind the run rules, each applied to the most recent points (newest last) and returning the
 * points involved, or an empty list when the pattern is not complete at the newest point. Comparisons are strict:
 * a point on the center line breaks a same-side run, a point exactly at 2 sigma is not beyond it.
 */
final class Patterns {

    private Patterns() {
    }

    static List<ChartPoint> beyondLimits(List<ChartPoint> recent) {
        ChartPoint last = recent.get(recent.size() - 1);
        return last.beyondLimits() ? List.of(last) : List.of();
    }

    static List<ChartPoint> sameSide(List<ChartPoint> recent, int length) {
        List<ChartPoint> tail = tail(recent, length);
        if (tail.isEmpty()) {
            return tail;
        }
        boolean above = tail.stream().allMatch(p -> p.value() > p.center());
        boolean below = tail.stream().allMatch(p -> p.value() < p.center());
        return above || below ? tail : List.of();
    }

    static List<ChartPoint> trend(List<ChartPoint> recent, int length) {
        List<ChartPoint> tail = tail(recent, length);
        if (tail.isEmpty()) {
            return tail;
        }
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < tail.size(); i++) {
            up &= tail.get(i).value() > tail.get(i - 1).value();
            down &= tail.get(i).value() < tail.get(i - 1).value();
        }
        return up || down ? tail : List.of();
    }

    static List<ChartPoint> alternating(List<ChartPoint> recent, int length) {
        List<ChartPoint> tail = tail(recent, length);
        if (tail.isEmpty()) {
            return tail;
        }
        double previousStep = 0;
        for (int i = 1; i < tail.size(); i++) {
            double step = tail.get(i).value() - tail.get(i - 1).value();
            if (step == 0 || (i > 1 && Math.signum(step) == Math.signum(previousStep))) {
                return List.of();
            }
            previousStep = step;
        }
        return tail;
    }

    /**
     * k of the last m points beyond {@code zones} sigma on the newest point's side; the newest must be one of them,
     * so a pattern is reported once, when it completes. Near the start of a chart fewer than m points may do.
     */
    static List<ChartPoint> kOfMBeyond(List<ChartPoint> recent, int k, int m, double zones) {
        List<ChartPoint> tail = tail(recent, Math.min(m, recent.size()));
        double lastZ = tail.get(tail.size() - 1).z();
        if (!(Math.abs(lastZ) > zones)) {
            return List.of();
        }
        double side = Math.signum(lastZ);
        List<ChartPoint> hits = new ArrayList<>();
        for (ChartPoint p : tail) {
            if (p.z() * side > zones) {
                hits.add(p);
            }
        }
        return hits.size() >= k ? hits : List.of();
    }

    static List<ChartPoint> allWithin(List<ChartPoint> recent, int length, double zones) {
        List<ChartPoint> tail = tail(recent, length);
        return !tail.isEmpty() && tail.stream().allMatch(p -> Math.abs(p.z()) < zones) ? tail : List.of();
    }

    static List<ChartPoint> allOutside(List<ChartPoint> recent, int length, double zones) {
        List<ChartPoint> tail = tail(recent, length);
        return !tail.isEmpty() && tail.stream().allMatch(p -> Math.abs(p.z()) > zones) ? tail : List.of();
    }

    private static List<ChartPoint> tail(List<ChartPoint> recent, int length) {
        return recent.size() < length ? List.of() : recent.subList(recent.size() - length, recent.size());
    }
}
