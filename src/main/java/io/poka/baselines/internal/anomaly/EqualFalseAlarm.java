package io.poka.baselines.internal.anomaly;

import io.poka.scoring.AlarmRule;
import java.util.Arrays;
import java.util.List;

/**
 * Limits that give every monitor the same false-alarm rate on the same normal test rows, so detection rates can be
 * compared at equal cost (the comparison the issue asks for beside each monitor's own calibration). The limit is the
 * smallest of the monitor's own normal-test scores at which the alarm rule raises at most {@code target} of the rows;
 * the alarm rate falls as the limit rises (for k-of-n too), so it is found by bisection over the sorted scores.
 */
public final class EqualFalseAlarm {
    private EqualFalseAlarm() {
    }

    /**
     * @param normalSeries smoothed scores of each normal test data set, in time order (NaN = no score)
     * @param fromRow rows before it are not evaluated (history that some monitor of the comparison cannot score)
     */
    public static double limit(List<double[]> normalSeries, AlarmRule rule, double target, int fromRow) {
        double[] candidates = normalSeries.stream().flatMapToDouble(s -> Arrays.stream(s, Math.min(fromRow, s.length),
                s.length)).filter(v -> !Double.isNaN(v)).sorted().distinct().toArray();
        if (candidates.length == 0) {
            return Double.NaN;
        }
        int lo = 0;
        int hi = candidates.length - 1; // at the largest score nothing exceeds: rate 0 <= target
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rate(normalSeries, rule, candidates[mid], fromRow) <= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return candidates[lo];
    }

    /** Share of evaluated rows (from {@code fromRow} on, every series pooled) on which the rule raises an alarm. */
    public static double rate(List<double[]> series, AlarmRule rule, double limit, int fromRow) {
        long alarms = 0;
        long rows = 0;
        for (double[] s : series) {
            boolean[] a = rule.alarms(s, limit);
            for (int i = fromRow; i < a.length; i++) {
                rows++;
                alarms += a[i] ? 1 : 0;
            }
        }
        return rows == 0 ? Double.NaN : alarms / (double) rows;
    }
}
