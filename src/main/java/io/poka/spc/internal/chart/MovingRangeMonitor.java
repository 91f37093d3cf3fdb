package io.poka.spc.internal.chart;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Optional;

/** Moving range of span 2: |x_i - x_(i-1)|; it remembers the previous individual value. */
public final class MovingRangeMonitor implements ChartMonitor<Double> {

    private final ControlLimits limits;
    private Double previous;

    public MovingRangeMonitor(ControlLimits limits) {
        this(limits, null);
    }

    /** Resumes a stream whose last accepted individual value was {@code previous}. */
    public MovingRangeMonitor(ControlLimits limits, Double previous) {
        this.limits = limits;
        this.previous = previous;
    }

    @Override
    public Optional<ChartPoint> next(long index, Double x) {
        Double before = previous;
        previous = x;
        if (before == null) {
            return Optional.empty();
        }
        return Optional.of(ShewhartLimits.point(limits, index, Math.abs(x - before), 2));
    }

    @Override
    public void save(DataOutput out) throws IOException {
        StateCodec.writeNullable(out, previous);
    }

    @Override
    public void restore(DataInput in) throws IOException {
        previous = StateCodec.readNullable(in);
    }

    @Override
    public ChartType type() {
        return ChartType.MOVING_RANGE;
    }
}
