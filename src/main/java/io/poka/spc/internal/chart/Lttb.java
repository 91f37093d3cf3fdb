package io.poka.spc.internal.chart;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Largest-Triangle-Three-Buckets downsampling (S. Steinarsson, "Downsampling Time Series for Visual Representation",
 * MSc thesis, University of Iceland, 2013, ch. 4.2): keeps the shape of a long series in a few points a chart can
 * draw. Points a caller must keep (rule violations) are always kept on top of the chosen ones.
 */
public final class Lttb {

    private Lttb() {
    }

    /**
     * Indices (ascending) of the points to draw: the first, the last, one per bucket in between chosen by the
     * largest triangle with the previous chosen point and the next bucket's average, and every index in
     * {@code keep}. With {@code threshold} &lt; 3 or at least the series length, every index.
     */
    public static List<Integer> select(double[] x, double[] y, int threshold, BitSet keep) {
        int n = x.length;
        BitSet chosen = new BitSet(n);
        if (threshold < 3 || threshold >= n) {
            chosen.set(0, n);
        } else {
            chosen.set(0);
            chosen.set(n - 1);
            double every = (double) (n - 2) / (threshold - 2);
            int a = 0;
            for (int i = 0; i < threshold - 2; i++) {
                int nextStart = (int) Math.floor((i + 1) * every) + 1;
                int nextEnd = Math.min((int) Math.floor((i + 2) * every) + 1, n);
                double avgX = 0;
                double avgY = 0;
                for (int j = nextStart; j < nextEnd; j++) {
                    avgX += x[j];
                    avgY += y[j];
                }
                int count = Math.max(1, nextEnd - nextStart);
                avgX /= count;
                avgY /= count;
                int start = (int) Math.floor(i * every) + 1;
                int end = (int) Math.floor((i + 1) * every) + 1;
                double maxArea = -1;
                int best = start;
                for (int j = start; j < end; j++) {
                    double area = Math.abs((x[a] - avgX) * (y[j] - y[a]) - (x[a] - x[j]) * (avgY - y[a]));
                    if (area > maxArea) {
                        maxArea = area;
                        best = j;
                    }
                }
                chosen.set(best);
                a = best;
            }
        }
        if (keep != null) {
            chosen.or(keep.get(0, n));
        }
        List<Integer> out = new ArrayList<>(chosen.cardinality());
        chosen.stream().forEach(out::add);
        return out;
    }
}
