package io.poka.spc.internal;

import io.poka.spc.internal.chart.CusumMonitor;
import io.poka.spc.internal.chart.CusumPoint;
import io.poka.spc.internal.rules.RuleViolation;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports CUSUM signals as {@link RuleViolation}s (ids {@value CusumMonitor#UPPER_RULE_ID} and
 * {@value CusumMonitor#LOWER_RULE_ID}) naming the points since the sum last left zero, so alerts treat them like
 * any run-rule violation. Like {@link ChartEvaluator}, a list is evaluated by feeding it point by point.
 */
public final class CusumEvaluator {

    /** One CUSUM step and the signals it raised. */
    public record EvaluatedCusumPoint(CusumPoint point, List<RuleViolation> violations) {
    }

    private final CusumMonitor monitor;

    public CusumEvaluator(CusumMonitor monitor) {
        this.monitor = monitor;
    }

    public EvaluatedCusumPoint accept(long index, double value) {
        CusumPoint p = monitor.next(index, value);
        List<RuleViolation> violations = new ArrayList<>(2);
        if (p.signalsUpward()) {
            violations.add(new RuleViolation(CusumMonitor.UPPER_RULE_ID, monitor.upperRun()));
        }
        if (p.signalsDownward()) {
            violations.add(new RuleViolation(CusumMonitor.LOWER_RULE_ID, monitor.lowerRun()));
        }
        return new EvaluatedCusumPoint(p, violations);
    }

    void save(DataOutput out) throws IOException {
        monitor.save(out);
    }

    void restore(DataInput in) throws IOException {
        monitor.restore(in);
    }

    public List<EvaluatedCusumPoint> evaluate(long firstIndex, List<Double> values) {
        List<EvaluatedCusumPoint> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(accept(firstIndex + i, values.get(i)));
        }
        return out;
    }
}
