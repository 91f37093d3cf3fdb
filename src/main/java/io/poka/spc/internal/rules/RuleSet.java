package io.poka.spc.internal.rules;

import io.poka.spc.internal.chart.ChartType;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The rules selected for one chart; dispersion, EWMA and CUSUM charts default to rule 1 only. */
public record RuleSet(Set<RunRule> rules) {

    public RuleSet {
        rules = Collections.unmodifiableSet(rules.isEmpty() ? EnumSet.noneOf(RunRule.class) : EnumSet.copyOf(rules));
    }

    public static RuleSet of(RunRule first, RunRule... rest) {
        return new RuleSet(EnumSet.of(first, rest));
    }

    public static RuleSet westernElectric() {
        return new RuleSet(EnumSet.range(RunRule.WE1, RunRule.WE4));
    }

    public static RuleSet nelson() {
        return new RuleSet(EnumSet.range(RunRule.NELSON1, RunRule.NELSON8));
    }

    public static RuleSet beyondLimitsOnly() {
        return of(RunRule.NELSON1);
    }

    public static RuleSet defaultFor(ChartType type) {
        return type.isDispersion() || type == ChartType.EWMA || type == ChartType.CUSUM
                ? beyondLimitsOnly() : westernElectric();
    }

    public int longestWindow() {
        return rules.stream().mapToInt(RunRule::window).max().orElse(1);
    }
}
