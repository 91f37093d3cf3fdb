package io.poka.prognostics.internal.model;

import java.util.List;

/** A trained RUL model: predicts the remaining life at the end of each window, and serialises itself for the registry. */
public interface FittedRul extends AutoCloseable {

    String kind();

    double[] predict(List<RulWindow> windows);

    byte[] bytes();

    @Override
    default void close() {
    }
}
