package io.poka.diagnosis.internal.model;

import java.util.Arrays;

/**
 * Cuts a run in time: the first {@code trainShare} of its rows train, the rest test, so no window spans the cut and
 * the test part lies entirely after the training part (as a diagnosis in operation does).
 */
public record TimeBlockedSplit(double trainShare) {
    public TimeBlockedSplit {
        if (!(trainShare > 0 && trainShare < 1)) {
            throw new IllegalArgumentException("trainShare must lie in (0, 1)");
        }
    }

    public int cut(double[][] run) {
        return (int) Math.round(run.length * trainShare);
    }

    public double[][] train(double[][] run) {
        return Arrays.copyOfRange(run, 0, cut(run));
    }

    public double[][] test(double[][] run) {
        return Arrays.copyOfRange(run, cut(run), run.length);
    }
}
