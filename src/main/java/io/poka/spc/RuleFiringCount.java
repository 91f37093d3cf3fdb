package io.poka.spc;

/**
 * One bar of a Pareto chart of rule firings over a range: a rule (and, when counted per variable, the variable), at
 * how many plotted points it fired, and the cumulative share of all firings up to and including this bar (0..1).
 */
public record RuleFiringCount(String ruleId, String variable, long firings, double cumulativeShare) {
}
