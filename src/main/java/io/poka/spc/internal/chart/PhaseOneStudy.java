package io.poka.spc.internal.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Phase I: estimate limits from a baseline with samples of known assignable cause left out, then, if asked,
 * drop samples beyond the revised limits and re-estimate until none remain (Montgomery, section 6.2.1: "trial
 * control limits"). The result is frozen limits for phase II.
 */
public final class PhaseOneStudy {

    /** Frozen limits, the baseline indices (0-based) left out, and the passes it took. */
    public record Result(List<ControlLimits> limits, SortedSet<Integer> excluded, int passes) {
    }

    private PhaseOneStudy() {
    }

    /**
     * @param assignableCauses 0-based baseline indices excluded from the start
     * @param iterate          when true, keep excluding samples beyond the limits of any chart of the family
     * @param maxPasses        bound on estimation passes when iterating
     */
    public static <S> Result estimate(ChartFamily<S> family, List<S> baseline, Set<Integer> assignableCauses,
                                      boolean iterate, int maxPasses) {
        if (maxPasses < 1) {
            throw new IllegalArgumentException("at least one pass is needed");
        }
        SortedSet<Integer> excluded = new TreeSet<>(assignableCauses);
        int passes = 0;
        while (true) {
            passes++;
            List<Integer> kept = new ArrayList<>();
            List<S> samples = new ArrayList<>();
            for (int i = 0; i < baseline.size(); i++) {
                if (!excluded.contains(i)) {
                    kept.add(i);
                    samples.add(baseline.get(i));
                }
            }
            List<ControlLimits> limits = family.estimate(samples);
            if (!iterate || passes >= maxPasses) {
                return new Result(limits, Collections.unmodifiableSortedSet(excluded), passes);
            }
            SortedSet<Integer> beyond = beyondLimits(family.monitors(limits), kept, samples);
            if (beyond.isEmpty()) {
                return new Result(limits, Collections.unmodifiableSortedSet(excluded), passes);
            }
            excluded.addAll(beyond);
        }
    }

    private static <S> SortedSet<Integer> beyondLimits(List<ChartMonitor<S>> monitors, List<Integer> kept,
                                                       List<S> samples) {
        SortedSet<Integer> beyond = new TreeSet<>();
        for (ChartMonitor<S> monitor : monitors) {
            for (int j = 0; j < samples.size(); j++) {
                Optional<ChartPoint> p = monitor.next(kept.get(j), samples.get(j));
                if (p.isPresent() && p.get().beyondLimits()) {
                    beyond.add(kept.get(j));
                }
            }
        }
        return beyond;
    }
}
