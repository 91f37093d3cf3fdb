package io.poka.diagnosis.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Time-blocked cross-validation of one run: the run is cut into {@code folds} consecutive blocks; fold k tests on block
 * k and trains on the rest minus {@code gap} rows either side of the block, so no row is shared and the rows next to
 * the test block (the most like it) never train. Windows are cut inside each part, never across a cut.
 */
public record BlockedFolds(int folds, int gap) {
    public BlockedFolds {
        if (folds < 2 || gap < 0) {
            throw new IllegalArgumentException("at least 2 folds and a gap of 0 or more rows");
        }
    }

    /** Rows [from, to) of a run. */
    public record Range(int from, int to) {
        public int length() {
            return Math.max(0, to - from);
        }

        public boolean contains(int row) {
            return row >= from && row < to;
        }

        public double[][] of(double[][] run) {
            return Arrays.copyOfRange(run, from, to);
        }
    }

    /** Fold {@code index} of a run of {@code length} rows: its test block and its (one or two) training parts. */
    public record Fold(int index, Range test, List<Range> train) {
    }

    public Fold fold(int length, int k) {
        if (k < 0 || k >= folds) {
            throw new IllegalArgumentException("fold " + k + " of " + folds);
        }
        Range test = new Range((int) ((long) length * k / folds), (int) ((long) length * (k + 1) / folds));
        List<Range> train = new ArrayList<>();
        Range before = new Range(0, Math.max(0, test.from() - gap));
        Range after = new Range(Math.min(length, test.to() + gap), length);
        for (Range r : List.of(before, after)) {
            if (r.length() > 0) {
                train.add(r);
            }
        }
        return new Fold(k, test, List.copyOf(train));
    }
}
