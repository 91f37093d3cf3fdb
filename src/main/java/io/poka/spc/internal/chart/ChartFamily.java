package io.poka.spc.internal.chart;

import java.util.List;

/**
 * Charts read together from the same samples (X and MR, X-bar and R, X-bar and S, or one attribute chart): how to
 * estimate their limits from a baseline and how to monitor new samples against them.
 */
public interface ChartFamily<S> {

    /** One phase I pass over the given samples; the result has version 1 and origin PHASE_I_ESTIMATE. */
    List<ControlLimits> estimate(List<S> baseline);

    /** Fresh monitors, one per chart, in the order of {@link #estimate}. */
    List<ChartMonitor<S>> monitors(List<ControlLimits> limits);
}
