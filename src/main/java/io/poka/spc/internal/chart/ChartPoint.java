package io.poka.spc.internal.chart;

/**
 * One plotted statistic with the limits that applied to it; {@code sigma} is the standard deviation of the plotted
 * statistic at this point, which the run rules use to place it in zones.
 */
public record ChartPoint(long index, double value, double center, double lcl, double ucl, double sigma) {

    /** Standardized distance from the center line, NaN when the statistic's sigma is unknown or zero. */
    public double z() {
        return sigma > 0 ? (value - center) / sigma : Double.NaN;
    }

    public boolean beyondLimits() {
        return value > ucl || value < lcl;
    }
}
