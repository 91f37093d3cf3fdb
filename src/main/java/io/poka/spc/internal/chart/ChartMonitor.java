package io.poka.spc.internal.chart;

import java.util.Optional;

/**
 * Turns samples, one at a time and in order, into plotted points against frozen limits. Stateful charts (moving
 * range, EWMA) keep their memory here, so streaming and a replay of a stored range produce the same points.
 */
public interface ChartMonitor<S> {

    /** The point for this sample, or empty when the chart has none yet (the first moving range). */
    Optional<ChartPoint> next(long index, S sample);

    ChartType type();
}
