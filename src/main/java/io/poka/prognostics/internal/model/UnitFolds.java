package io.poka.prognostics.internal.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * k-fold cross-validation by unit: the units are shuffled with the seed and dealt round-robin to k folds, so every
 * cycle of a unit is on one side only (rows of one engine are strongly correlated; splitting by row would leak).
 */
public final class UnitFolds {
    private UnitFolds() {
    }

    /** For each fold, the indices (into {@code units}) of its validation units. */
    public static List<List<Integer>> deal(int units, int folds, long seed) {
        if (folds < 2 || folds > units) {
            throw new IllegalArgumentException("folds must be between 2 and the number of units (" + units + ")");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<List<Integer>> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < order.size(); i++) {
            out.get(i % folds).add(order.get(i));
        }
        out.forEach(Collections::sort);
        return out;
    }
}
