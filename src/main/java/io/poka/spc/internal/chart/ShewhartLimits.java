package io.poka.spc.internal.chart;

/**
 * Turns a frozen baseline into the center line, limits and statistic sigma for one Shewhart point, including the
 * per-point limits of p, u and S charts whose sample size varies. Lower limits of non-negative statistics are
 * clipped at zero. Formulas: Montgomery, Introduction to Statistical Quality Control, chapters 6 and 7.
 */
public final class ShewhartLimits {

    private ShewhartLimits() {
    }

    /** @param n the sample size behind this point (subgroup size, or units inspected for p and u). */
    public static ChartPoint point(ControlLimits limits, long index, double statistic, double n) {
        double l = limits.sigmaMultiplier();
        double sigma = limits.sigma();
        double center = limits.center();
        double sd;
        boolean nonNegative = true;
        switch (limits.type()) {
            case INDIVIDUALS -> {
                sd = sigma;
                nonNegative = false;
            }
            case XBAR -> {
                sd = sigma / Math.sqrt(n);
                nonNegative = false;
            }
            case RANGE, MOVING_RANGE -> {
                int m = limits.type() == ChartType.MOVING_RANGE ? 2 : (int) n;
                center = ControlChartConstants.d2(m) * sigma;
                sd = ControlChartConstants.d3(m) * sigma;
            }
            case STDDEV -> {
                double c4 = ControlChartConstants.c4Exact((int) n);
                center = c4 * sigma;
                sd = sigma * Math.sqrt(1 - c4 * c4);
            }
            case P -> sd = Math.sqrt(center * (1 - center) / n);
            case NP -> {
                double p = center / n;
                sd = Math.sqrt(center * (1 - p));
            }
            case C -> sd = Math.sqrt(center);
            case U -> sd = Math.sqrt(center / n);
            default -> throw new IllegalArgumentException(limits.type() + " is not a Shewhart chart");
        }
        double lcl = center - l * sd;
        if (nonNegative) {
            lcl = Math.max(0, lcl);
        }
        return new ChartPoint(index, statistic, center, lcl, center + l * sd, sd);
    }
}
