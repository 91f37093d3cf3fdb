package io.poka.spc.internal.capability;

/** A two-sided confidence interval with its confidence level. */
public record Interval(double lower, double upper, double confidence) {
}
