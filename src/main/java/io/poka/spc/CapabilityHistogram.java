package io.poka.spc;

/**
 * The readings behind a {@link CapabilityView} as a histogram, with the normal curve fitted to them (the view's mean
 * and overall sigma) scaled to expected counts per bin, so a screen or report draws the same data the indices come
 * from. {@code edges} has one more entry than {@code counts}; {@code curveX}/{@code curveY} span the bins, the
 * specification limits and mean ± 3.5 overall sigma.
 */
public record CapabilityHistogram(CapabilityView capability, double[] edges, int[] counts, double[] curveX,
        double[] curveY) {

    /** The largest of the bars and the curve, for scaling a drawing. */
    public double maxHeight() {
        double max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        for (double y : curveY) {
            max = Math.max(max, y);
        }
        return max;
    }

    /** Left end of a drawing: the first bin, LSL or the curve's start, whichever is lowest. */
    public double low() {
        double low = Math.min(edges[0], curveX.length == 0 ? edges[0] : curveX[0]);
        return capability.lsl() == null ? low : Math.min(low, capability.lsl());
    }

    /** Right end of a drawing. */
    public double high() {
        double last = edges[edges.length - 1];
        double high = Math.max(last, curveX.length == 0 ? last : curveX[curveX.length - 1]);
        return capability.usl() == null ? high : Math.max(high, capability.usl());
    }
}
