package io.poka.spc.internal;

import io.poka.spc.internal.chart.ChartMonitor;
import io.poka.spc.internal.chart.ChartPoint;
import io.poka.spc.internal.rules.RuleSet;
import io.poka.spc.internal.rules.RuleViolation;
import io.poka.spc.internal.rules.RunRuleEvaluator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One chart under watch: samples in, plotted points and rule violations out. The Kafka path calls
 * {@link #accept} per reading; a REST query over a time range calls {@link #evaluate} on a fresh evaluator,
 * which runs the very same steps, so both answer alike.
 */
public final class ChartEvaluator<S> {

    /** A plotted point and the violations it completed. */
    public record EvaluatedPoint(ChartPoint point, List<RuleViolation> violations) {
    }

    private final ChartMonitor<S> monitor;
    private final RunRuleEvaluator rules;

    public ChartEvaluator(ChartMonitor<S> monitor, RuleSet ruleSet) {
        this.monitor = monitor;
        this.rules = new RunRuleEvaluator(ruleSet);
    }

    public Optional<EvaluatedPoint> accept(long index, S sample) {
        return monitor.next(index, sample).map(p -> new EvaluatedPoint(p, rules.accept(p)));
    }

    /** Writes the chart's memory and the points its rules still look at. */
    void save(DataOutput out) throws IOException {
        monitor.save(out);
        rules.save(out);
    }

    void restore(DataInput in) throws IOException {
        monitor.restore(in);
        rules.restore(in);
    }

    /** Evaluates samples numbered firstIndex, firstIndex + 1, ... in order. */
    public List<EvaluatedPoint> evaluate(long firstIndex, List<S> samples) {
        List<EvaluatedPoint> out = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            accept(firstIndex + i, samples.get(i)).ifPresent(out::add);
        }
        return out;
    }
}
