package io.poka.spc.internal.chart;

/**
 * Frozen, versioned baseline of one chart: phase II evaluates every new point against it and never re-estimates,
 * so the same reading always gives the same verdict for a given version.
 *
 * <p>{@code center} is the chart's center line in the plotted unit (x-double-bar, R-bar, S-bar, MR-bar, p-bar,
 * n·p-bar, c-bar, u-bar; the target μ0 for EWMA and CUSUM). {@code sigma} is the within-process standard deviation
 * for variables charts and NaN for attribute charts, whose spread follows from the center. {@code subgroupSize} is
 * the nominal n (0 where each sample brings its own size). {@code sigmaMultiplier} is L, usually 3.
 */
public record ControlLimits(ChartType type, int version, LimitsOrigin origin, double center, double sigma,
                            int subgroupSize, double sigmaMultiplier) {

    public ControlLimits {
        if (type == null || origin == null) {
            throw new IllegalArgumentException("type and origin are required");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        if (!(sigmaMultiplier > 0)) {
            throw new IllegalArgumentException("sigma multiplier must be positive");
        }
    }

    /** Limits taken from a validated study rather than estimated here. */
    public static ControlLimits entered(ChartType type, int version, double center, double sigma, int subgroupSize,
                                        double sigmaMultiplier) {
        return new ControlLimits(type, version, LimitsOrigin.ENTERED_FROM_STUDY, center, sigma, subgroupSize,
                sigmaMultiplier);
    }

    static ControlLimits estimated(ChartType type, double center, double sigma, int subgroupSize) {
        return new ControlLimits(type, 1, LimitsOrigin.PHASE_I_ESTIMATE, center, sigma, subgroupSize, 3);
    }

    /**
     * The same process baseline (mean, sigma, n, version, origin) read by an EWMA or CUSUM chart; only X-bar and
     * individuals limits describe the process mean these charts need.
     */
    public ControlLimits forTimeWeightedChart(ChartType timeWeighted) {
        if (timeWeighted != ChartType.EWMA && timeWeighted != ChartType.CUSUM) {
            throw new IllegalArgumentException(timeWeighted + " is not a time-weighted chart");
        }
        if (type != ChartType.XBAR && type != ChartType.INDIVIDUALS) {
            throw new IllegalArgumentException("EWMA and CUSUM need X-bar or individuals limits, not " + type);
        }
        return new ControlLimits(timeWeighted, version, origin, center, sigma, Math.max(1, subgroupSize),
                sigmaMultiplier);
    }

    public ControlLimits withVersion(int newVersion) {
        return new ControlLimits(type, newVersion, origin, center, sigma, subgroupSize, sigmaMultiplier);
    }

    public ControlLimits withSigmaMultiplier(double l) {
        return new ControlLimits(type, version, origin, center, sigma, subgroupSize, l);
    }
}
