package io.poka.spc.internal.chart;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** A memoryless Shewhart chart: each point depends only on its own sample and the frozen limits. */
public final class ShewhartMonitor<S> implements ChartMonitor<S> {

    private final ControlLimits limits;
    private final ToDoubleFunction<S> statistic;
    private final ToDoubleFunction<S> sampleSize;

    public ShewhartMonitor(ControlLimits limits, ToDoubleFunction<S> statistic, ToDoubleFunction<S> sampleSize) {
        this.limits = limits;
        this.statistic = statistic;
        this.sampleSize = sampleSize;
    }

    @Override
    public Optional<ChartPoint> next(long index, S sample) {
        return Optional.of(ShewhartLimits.point(limits, index, statistic.applyAsDouble(sample),
                sampleSize.applyAsDouble(sample)));
    }

    @Override
    public ChartType type() {
        return limits.type();
    }
}
