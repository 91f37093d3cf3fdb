package io.poka.spc.internal.capability;

/**
 * Bins readings for a capability histogram (Sturges' rule, k = ⌈log₂ n⌉ + 1 equal bins over [min, max]) and samples
 * the fitted normal density scaled to expected counts per bin (n · width · φ), so bars and curve share one scale.
 */
public final class Histogram {
    /** Points of the drawn normal curve. */
    static final int CURVE_POINTS = 81;

    private Histogram() {
    }

    /** The bins' edges (k + 1), counts (k) and the curve over [low, high] widened to the bins. */
    public record Bins(double[] edges, int[] counts, double[] curveX, double[] curveY) {
    }

    /**
     * @param data   the readings (at least 2)
     * @param mean   mean of the fitted normal
     * @param sigma  standard deviation of the fitted normal (overall)
     * @param lsl    lower specification limit or null, included in the curve's span
     * @param usl    upper specification limit or null
     */
    public static Bins of(double[] data, double mean, double sigma, Double lsl, Double usl) {
        int n = data.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : data) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        int k = (int) Math.ceil(Math.log(n) / Math.log(2)) + 1;
        double width = (max - min) / k;
        if (!(width > 0)) { // all readings equal: one bin of unit width around them
            k = 1;
            width = 1;
            min -= 0.5;
            max = min + 1;
        }
        double[] edges = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            edges[i] = min + i * width;
        }
        edges[k] = max;
        int[] counts = new int[k];
        for (double x : data) {
            counts[Math.min(k - 1, (int) Math.floor((x - min) / width))]++;
        }
        double low = min;
        double high = max;
        if (sigma > 0) {
            low = Math.min(low, mean - 3.5 * sigma);
            high = Math.max(high, mean + 3.5 * sigma);
        }
        if (lsl != null) {
            low = Math.min(low, lsl);
        }
        if (usl != null) {
            high = Math.max(high, usl);
        }
        double[] cx = new double[sigma > 0 ? CURVE_POINTS : 0];
        double[] cy = new double[cx.length];
        for (int i = 0; i < cx.length; i++) {
            double x = low + (high - low) * i / (CURVE_POINTS - 1);
            double z = (x - mean) / sigma;
            cx[i] = x;
            cy[i] = n * width * Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
        }
        return new Bins(edges, counts, cx, cy);
    }
}
