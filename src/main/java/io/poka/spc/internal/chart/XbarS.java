package io.poka.spc.internal.chart;

import java.util.List;

/**
 * X-bar and S charts; sizes may vary. Sigma within is the mean of the unbiased estimates S_i / c4(n_i), which is
 * S-bar / c4 when all n are equal (Montgomery, section 6.3), with c4 computed exactly. The grand mean weights each
 * subgroup by its size. Limits then follow per point from n_i.
 */
public final class XbarS implements ChartFamily<Subgroup> {

    @Override
    public List<ControlLimits> estimate(List<Subgroup> baseline) {
        if (baseline.isEmpty()) {
            throw new IllegalArgumentException("empty baseline");
        }
        double total = 0;
        int count = 0;
        double sigmaSum = 0;
        double sSum = 0;
        int firstSize = baseline.get(0).size();
        boolean fixed = true;
        for (Subgroup s : baseline) {
            if (s.size() < 2) {
                throw new IllegalArgumentException("S charts need subgroups of at least 2");
            }
            fixed &= s.size() == firstSize;
            total += s.mean() * s.size();
            count += s.size();
            sSum += s.standardDeviation();
            sigmaSum += s.standardDeviation() / ControlChartConstants.c4Exact(s.size());
        }
        double sigma = sigmaSum / baseline.size();
        int n = fixed ? firstSize : 0;
        return List.of(ControlLimits.estimated(ChartType.XBAR, total / count, sigma, n),
                ControlLimits.estimated(ChartType.STDDEV, sSum / baseline.size(), sigma, n));
    }

    @Override
    public List<ChartMonitor<Subgroup>> monitors(List<ControlLimits> limits) {
        return List.of(new ShewhartMonitor<>(limits.get(0), Subgroup::mean, Subgroup::size),
                new ShewhartMonitor<>(limits.get(1), Subgroup::standardDeviation, Subgroup::size));
    }
}
