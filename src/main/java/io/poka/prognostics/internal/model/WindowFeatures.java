package io.poka.prognostics.internal.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Summary features of the last {@code k} cycles of a unit, per sensor: rolling mean, standard deviation, least-squares
 * slope per cycle and last value, plus the cycle count (how long the unit has run, which the official test also
 * gives). A history shorter than k uses the cycles it has (std and slope of one cycle are 0), so a unit can be scored
 * from its first cycle; the tree and linear models learn from such short windows too, since every cycle of a training
 * unit ends one window.
 */
public final class WindowFeatures {
    private final int window;
    private final List<String> sensors;

    public WindowFeatures(int window, List<String> sensors) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        this.window = window;
        this.sensors = List.copyOf(sensors);
    }

    public int window() {
        return window;
    }

    /** Feature names in the order of {@link #at}: cycle, then mean, std, slope, last of each sensor. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add("cycle");
        for (String s : sensors) {
            names.add(s + "_mean");
            names.add(s + "_std");
            names.add(s + "_slope");
            names.add(s + "_last");
        }
        return names;
    }

    /** Features of the window that ends at cycle index {@code end} (inclusive, 0-based) of {@code rows}. */
    public double[] at(double[][] rows, int end) {
        int from = Math.max(0, end - window + 1);
        int n = end - from + 1;
        int d = rows[end].length;
        double[] out = new double[1 + 4 * d];
        out[0] = end + 1;
        double tMean = (n - 1) / 2.0;
        double tVar = 0;
        for (int i = 0; i < n; i++) {
            tVar += (i - tMean) * (i - tMean);
        }
        for (int c = 0; c < d; c++) {
            double sum = 0;
            for (int i = from; i <= end; i++) {
                sum += rows[i][c];
            }
            double mean = sum / n;
            double ss = 0;
            double cov = 0;
            for (int i = from; i <= end; i++) {
                double e = rows[i][c] - mean;
                ss += e * e;
                cov += (i - from - tMean) * e;
            }
            out[1 + 4 * c] = mean;
            out[2 + 4 * c] = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            out[3 + 4 * c] = tVar > 0 ? cov / tVar : 0;
            out[4 + 4 * c] = rows[end][c];
        }
        return out;
    }

    /**
     * The raw window ending at {@code end} as [time][sensor], k rows; a shorter history is padded at the front with
     * its first cycle repeated (a unit that just started looks like a long healthy run).
     */
    public static float[][] sequence(double[][] rows, int end, int window) {
        float[][] out = new float[window][];
        for (int i = 0; i < window; i++) {
            int src = Math.max(0, end - window + 1 + i);
            double[] r = rows[src];
            float[] f = new float[r.length];
            for (int c = 0; c < r.length; c++) {
                f[c] = (float) r[c];
            }
            out[i] = f;
        }
        return out;
    }
}
