package io.poka.spc.internal.chart;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tabular CUSUM (NIST/SEMATECH e-Handbook 6.3.2.3.1; Montgomery, section 9.1.2):
 * C+_i = max(0, x_i - (μ0 + K) + C+_(i-1)), C-_i = max(0, (μ0 - K) - x_i + C-_(i-1)), K = kσ_x, H = hσ_x,
 * signal when a sum exceeds H. It also remembers since which index each sum has been positive, so a signal can
 * name the points that built it up.
 */
public final class CusumMonitor {

    public static final String UPPER_RULE_ID = "CUSUM_UPPER";
    public static final String LOWER_RULE_ID = "CUSUM_LOWER";

    private final double target;
    private final double k;
    private final double h;
    private double upper;
    private double lower;
    private final List<Long> upperRun = new ArrayList<>();
    private final List<Long> lowerRun = new ArrayList<>();

    /**
     * @param limits type CUSUM: center μ0, sigma the process σ, subgroupSize n (σ_x = σ/√n)
     * @param k      reference value in units of σ_x (0.5 to detect a 1σ shift)
     * @param h      decision interval in units of σ_x (4 or 5 are usual)
     */
    public CusumMonitor(ControlLimits limits, double k, double h) {
        if (limits.type() != ChartType.CUSUM) {
            throw new IllegalArgumentException("CUSUM limits expected, got " + limits.type());
        }
        double sigmaX = limits.sigma() / Math.sqrt(Math.max(1, limits.subgroupSize()));
        this.target = limits.center();
        this.k = k * sigmaX;
        this.h = h * sigmaX;
    }

    public CusumPoint next(long index, double x) {
        upper = Math.max(0, x - (target + k) + upper);
        lower = Math.max(0, (target - k) - x + lower);
        track(upperRun, upper, index);
        track(lowerRun, lower, index);
        return new CusumPoint(index, x, upper, lower, h);
    }

    /** Indices since the upper sum last left zero; the points that carry an upward signal. */
    public List<Long> upperRun() {
        return List.copyOf(upperRun);
    }

    public List<Long> lowerRun() {
        return List.copyOf(lowerRun);
    }

    /** Writes both sums and the indices of their runs ({@link StateCodec}). */
    public void save(DataOutput out) throws IOException {
        out.writeDouble(upper);
        out.writeDouble(lower);
        StateCodec.writeLongs(out, upperRun);
        StateCodec.writeLongs(out, lowerRun);
    }

    /** Reads back what {@link #save} wrote. */
    public void restore(DataInput in) throws IOException {
        upper = in.readDouble();
        lower = in.readDouble();
        StateCodec.readLongs(in, upperRun);
        StateCodec.readLongs(in, lowerRun);
    }

    private static void track(List<Long> run, double sum, long index) {
        if (sum > 0) {
            run.add(index);
        } else {
            run.clear();
        }
    }
}
