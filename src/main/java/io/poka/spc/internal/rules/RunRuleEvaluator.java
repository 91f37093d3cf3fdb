package io.poka.spc.internal.rules;

import io.poka.spc.internal.chart.ChartPoint;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a rule set to points fed one by one, keeping only the last few points it needs. A list is evaluated by
 * feeding it point by point, so a stream and a stored range give identical violations. Every rule is checked at
 * every point, so a pattern that goes on (ten points on one side) keeps firing on each new point.
 */
public final class RunRuleEvaluator {

    private final RuleSet ruleSet;
    private final int capacity;
    private final List<ChartPoint> recent = new ArrayList<>();

    public RunRuleEvaluator(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.capacity = ruleSet.longestWindow();
    }

    /** Resumes with the last points already seen (oldest first), e.g. reloaded after a restart. */
    public RunRuleEvaluator(RuleSet ruleSet, List<ChartPoint> history) {
        this(ruleSet);
        history.forEach(this::remember);
    }

    /** Violations completed by this point, in the order of {@link RunRule}. */
    public List<RuleViolation> accept(ChartPoint point) {
        remember(point);
        List<RuleViolation> violations = new ArrayList<>();
        for (RunRule rule : ruleSet.rules()) {
            List<ChartPoint> involved = rule.match(recent);
            if (!involved.isEmpty()) {
                violations.add(new RuleViolation(rule.id(), involved.stream().map(ChartPoint::index).toList()));
            }
        }
        return violations;
    }

    /** All violations over a list, exactly as if its points had arrived one by one on a fresh evaluator. */
    public static List<RuleViolation> evaluate(RuleSet ruleSet, List<ChartPoint> points) {
        RunRuleEvaluator evaluator = new RunRuleEvaluator(ruleSet);
        List<RuleViolation> all = new ArrayList<>();
        for (ChartPoint p : points) {
            all.addAll(evaluator.accept(p));
        }
        return all;
    }

    /** Writes the points the rules still look at, oldest first. */
    public void save(DataOutput out) throws IOException {
        out.writeInt(recent.size());
        for (ChartPoint p : recent) {
            out.writeLong(p.index());
            out.writeDouble(p.value());
            out.writeDouble(p.center());
            out.writeDouble(p.lcl());
            out.writeDouble(p.ucl());
            out.writeDouble(p.sigma());
        }
    }

    /** Replaces the remembered points by those {@link #save} wrote. */
    public void restore(DataInput in) throws IOException {
        recent.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            remember(new ChartPoint(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble()));
        }
    }

    private void remember(ChartPoint point) {
        recent.add(point);
        if (recent.size() > capacity) {
            recent.remove(0);
        }
    }
}
