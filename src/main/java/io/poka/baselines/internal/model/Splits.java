package io.poka.baselines.internal.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** Reproducible splits: stratified k-fold by class, and train/test by group so no group lands on both sides. */
public final class Splits {
    private Splits() {
    }

    /**
     * Fold index per row: the rows of each class are shuffled (seeded) and dealt round-robin to the k folds, so every
     * fold holds each class in proportion.
     */
    public static int[] stratifiedFolds(String[] labels, int k, long seed) {
        Map<String, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byClass.computeIfAbsent(labels[i], c -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        int[] fold = new int[labels.length];
        int next = 0;
        for (List<Integer> rows : byClass.values()) {
            Collections.shuffle(rows, random);
            for (int r : rows) {
                fold[r] = next++ % k;
            }
        }
        return fold;
    }

    /** Rows whose fold equals (test) or differs from (train) the given one. */
    public static int[] rowsOf(int[] fold, int k, boolean test) {
        return IntStream.range(0, fold.length).filter(i -> (fold[i] == k) == test).toArray();
    }

    /**
     * Train/test rows split by group: the distinct groups are shuffled (seeded) and the first
     * round(testFraction * groups) go to the test side.
     *
     * @return {train rows, test rows}
     */
    public static int[][] byGroup(int[] groups, double testFraction, long seed) {
        List<Integer> distinct = new ArrayList<>(new TreeSet<>(IntStream.of(groups).boxed().toList()));
        Collections.shuffle(distinct, new Random(seed));
        int testCount = (int) Math.round(testFraction * distinct.size());
        TreeSet<Integer> test = new TreeSet<>(distinct.subList(0, testCount));
        int[] testRows = IntStream.range(0, groups.length).filter(i -> test.contains(groups[i])).toArray();
        int[] trainRows = IntStream.range(0, groups.length).filter(i -> !test.contains(groups[i])).toArray();
        return new int[][] {trainRows, testRows};
    }
}
