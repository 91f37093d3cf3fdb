package io.poka.diagnosis.internal.model;

/** Anything that gives a verdict on a window of rows, so models can be compared on the same folds. */
public interface WindowClassifier {
    /** Rows per window. */
    int window();

    /** The verdict on rows [from, from + window) of {@code rows}. */
    FaultClassifier.Verdict classify(double[][] rows, int from);
}
