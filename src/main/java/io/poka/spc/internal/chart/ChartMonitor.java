package io.poka.spc.internal.chart;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Optional;

/**
 * Turns samples, one at a time and in order, into plotted points against frozen limits. Stateful charts (moving
 * range, EWMA) keep their memory here, so streaming and a replay of a stored range produce the same points.
 */
public interface ChartMonitor<S> {

    /** The point for this sample, or empty when the chart has none yet (the first moving range). */
    Optional<ChartPoint> next(long index, S sample);

    ChartType type();

    /** Writes the memory this chart keeps between points ({@link StateCodec}); memoryless charts write nothing. */
    default void save(DataOutput out) throws IOException {
    }

    /** Reads back what {@link #save} wrote, so the next point is the one the saved chart would have plotted. */
    default void restore(DataInput in) throws IOException {
    }
}
