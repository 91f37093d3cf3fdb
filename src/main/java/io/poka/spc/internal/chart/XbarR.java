package io.poka.spc.internal.chart;

import java.util.List;

/**
 * X-bar and R charts for subgroups of one fixed size n ≤ 25: sigma within = R-bar / d2(n)
 * (Montgomery, section 6.2; NIST/SEMATECH e-Handbook 6.3.2.1).
 */
public final class XbarR implements ChartFamily<Subgroup> {

    @Override
    public List<ControlLimits> estimate(List<Subgroup> baseline) {
        int n = Subgroups.fixedSize(baseline);
        double meanSum = 0;
        double rangeSum = 0;
        for (Subgroup s : baseline) {
            meanSum += s.mean();
            rangeSum += s.range();
        }
        double grandMean = meanSum / baseline.size();
        double rBar = rangeSum / baseline.size();
        double sigma = rBar / ControlChartConstants.d2(n);
        return List.of(ControlLimits.estimated(ChartType.XBAR, grandMean, sigma, n),
                ControlLimits.estimated(ChartType.RANGE, rBar, sigma, n));
    }

    @Override
    public List<ChartMonitor<Subgroup>> monitors(List<ControlLimits> limits) {
        return List.of(new ShewhartMonitor<>(limits.get(0), Subgroup::mean, Subgroup::size),
                new ShewhartMonitor<>(limits.get(1), Subgroup::range, Subgroup::size));
    }
}
