package io.poka.spc.internal;

import io.poka.spc.ChartPointView;
import io.poka.spc.internal.chart.Lttb;
import java.util.BitSet;
import java.util.List;

/**
 * Thins a long chart query to what a screen can show (LTTB) while every point where a rule fired stays, so a chart
 * over a day still marks each violation of that day.
 */
final class ChartThinning {

    private ChartThinning() {
    }

    /** The points to draw: all of them up to {@code maxPoints}, else LTTB's choice plus every point with a rule. */
    static List<ChartPointView> thin(List<ChartPointView> points, int maxPoints) {
        if (maxPoints <= 0 || points.size() <= maxPoints) {
            return points;
        }
        int n = points.size();
        double[] x = new double[n];
        double[] y = new double[n];
        BitSet fired = new BitSet(n);
        for (int i = 0; i < n; i++) {
            ChartPointView p = points.get(i);
            x[i] = p.time().toEpochMilli();
            // CUSUM: the larger sum is the one that can cross H
            y[i] = p.upper() != null ? Math.max(p.upper(), p.lower() == null ? 0 : p.lower()) : p.value();
            if (!p.rules().isEmpty()) {
                fired.set(i);
            }
        }
        return Lttb.select(x, y, maxPoints, fired).stream().map(points::get).toList();
    }
}
