package io.poka.spc.internal;

import io.poka.spc.internal.chart.BaselineAdequacy;
import io.poka.telemetry.VariableDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The automatic phase I baseline of one chart without limits ({@code poka.spc.auto-baseline-readings}): collects
 * readings and offers an estimate only once there are enough of them and the phase I check finds the baseline
 * adequate, so a baseline too short for an autocorrelated process is never frozen; beyond {@code maxReadings} the
 * oldest give way. Plain Java, so the demo plant's signal count can be replayed without the application.
 */
final class AutoBaseline {
    private final int needed;
    private final int maxReadings;
    private final BaselineAdequacy.Minimums minimums;
    private final List<Instant> times = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private List<String> lastWarnings = List.of();

    AutoBaseline(int needed, int maxReadings, BaselineAdequacy.Minimums minimums) {
        this.needed = needed;
        this.maxReadings = Math.max(needed, maxReadings);
        this.minimums = minimums;
    }

    /** Adds a reading; the estimate once the baseline is adequate (then the collection starts afresh). */
    Optional<Charting.Estimate> offer(VariableDefinition v, Instant time, double value) {
        if (needed <= 0) {
            return Optional.empty();
        }
        times.add(time);
        values.add(value);
        if (values.size() > maxReadings) {
            times.remove(0);
            values.remove(0);
        }
        if (values.size() < needed) {
            return Optional.empty();
        }
        Charting.Estimate est;
        try {
            est = Charting.estimate(v.chartType(), v.subgroupSize(), v.samplingIntervalSeconds(), times, values,
                    Set.of(), false, minimums);
        } catch (IllegalArgumentException e) {
            lastWarnings = List.of(e.getMessage());
            return Optional.empty();
        }
        if (!est.check().adequate() || !(est.sigma() > 0)) {
            lastWarnings = est.check().warnings();
            return Optional.empty();
        }
        return Optional.of(est);
    }

    Instant first() {
        return times.get(0);
    }

    int size() {
        return values.size();
    }

    /** Why the last offer gave no estimate. */
    List<String> lastWarnings() {
        return lastWarnings;
    }

    void clear() {
        times.clear();
        values.clear();
    }
}
