package io.poka.spc.internal.chart;

import java.util.List;

/**
 * p, np, c and u charts (Montgomery, chapter 7). p and u accept a different size per sample, giving per-point
 * limits; np and c assume one size. p-bar = sum of nonconforming / sum inspected, u-bar = sum of defects / sum of
 * units; np plots counts around n·p-bar, c plots counts around c-bar.
 */
public final class AttributeChart implements ChartFamily<AttributeSample> {

    private final ChartType type;

    public AttributeChart(ChartType type) {
        if (type != ChartType.P && type != ChartType.NP && type != ChartType.C && type != ChartType.U) {
            throw new IllegalArgumentException(type + " is not an attribute chart");
        }
        this.type = type;
    }

    @Override
    public List<ControlLimits> estimate(List<AttributeSample> baseline) {
        if (baseline.isEmpty()) {
            throw new IllegalArgumentException("empty baseline");
        }
        double counts = 0;
        double sizes = 0;
        for (AttributeSample s : baseline) {
            counts += s.count();
            sizes += s.size();
        }
        int n = (int) baseline.get(0).size();
        boolean fixed = baseline.stream().allMatch(s -> s.size() == baseline.get(0).size());
        if ((type == ChartType.NP || type == ChartType.C) && !fixed) {
            throw new IllegalArgumentException(type + " needs one sample size; use the p or u chart");
        }
        double center = switch (type) {
            case P, U -> counts / sizes;
            case NP -> n * counts / sizes;
            default -> counts / baseline.size();
        };
        return List.of(ControlLimits.estimated(type, center, Double.NaN, fixed ? n : 0));
    }

    @Override
    public List<ChartMonitor<AttributeSample>> monitors(List<ControlLimits> limits) {
        return List.of(new ShewhartMonitor<>(limits.get(0), this::statistic, AttributeSample::size));
    }

    private double statistic(AttributeSample s) {
        return type == ChartType.P || type == ChartType.U ? s.count() / s.size() : s.count();
    }
}
