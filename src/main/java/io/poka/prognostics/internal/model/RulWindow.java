package io.poka.prognostics.internal.model;

/** One prediction point: the history of a unit up to and including cycle index {@code end}. */
public record RulWindow(double[][] rows, int end) {
}
