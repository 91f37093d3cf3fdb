package io.poka.spc.internal.chart;

import java.util.List;

/**
 * I-MR charts for one value at a time: sigma within = MR-bar / d2(2), d2(2) = 1.128 (Montgomery, section 6.4).
 * Moving ranges are taken between consecutive baseline values that are kept, as when excluded points are dropped.
 */
public final class IndividualsMovingRange implements ChartFamily<Double> {

    @Override
    public List<ControlLimits> estimate(List<Double> baseline) {
        if (baseline.size() < 2) {
            throw new IllegalArgumentException("I-MR needs at least two values");
        }
        double sum = 0;
        double mrSum = 0;
        for (int i = 0; i < baseline.size(); i++) {
            sum += baseline.get(i);
            if (i > 0) {
                mrSum += Math.abs(baseline.get(i) - baseline.get(i - 1));
            }
        }
        double mean = sum / baseline.size();
        double mrBar = mrSum / (baseline.size() - 1);
        double sigma = mrBar / ControlChartConstants.d2(2);
        return List.of(ControlLimits.estimated(ChartType.INDIVIDUALS, mean, sigma, 1),
                ControlLimits.estimated(ChartType.MOVING_RANGE, mrBar, sigma, 2));
    }

    @Override
    public List<ChartMonitor<Double>> monitors(List<ControlLimits> limits) {
        return List.of(new ShewhartMonitor<>(limits.get(0), x -> x, x -> 1), new MovingRangeMonitor(limits.get(1)));
    }
}
