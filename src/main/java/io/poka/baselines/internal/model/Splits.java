package io.poka.baselines.internal.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Reproducible splits: stratified k-fold by class, train/test by group so no group lands on both sides, a seeded
 * random hold-out and a time-ordered one.
 */
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

    /** Group ids 0..g-1 for group values, numbered in ascending order of the values (so integer units keep their order). */
    public static int[] groupIds(double[] values) {
        double[] distinct = java.util.Arrays.stream(values).distinct().sorted().toArray();
        return java.util.Arrays.stream(values).mapToInt(v -> java.util.Arrays.binarySearch(distinct, v)).toArray();
    }

    /**
     * A seeded random hold-out: the row indices are shuffled and the first round(testShare * n) go to the test side.
     *
     * @return {train rows, test rows}, each ascending
     */
    public static int[][] random(int n, double testShare, long seed) {
        List<Integer> rows = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(rows, new Random(seed));
        int testCount = (int) Math.round(testShare * n);
        TreeSet<Integer> test = new TreeSet<>(rows.subList(0, testCount));
        return new int[][] {IntStream.range(0, n).filter(i -> !test.contains(i)).toArray(),
                test.stream().mapToInt(Integer::intValue).toArray()};
    }

    /**
     * A time-ordered hold-out: rows sorted by {@code order} (ties and a null order keep the row order), the last
     * round(testShare * n) rows are the test side, so the model never sees the future of what it is evaluated on.
     *
     * @return {train rows, test rows}, each in time order
     */
    public static int[][] timeOrdered(int n, double[] order, double testShare) {
        Integer[] sorted = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        if (order != null) {
            java.util.Arrays.sort(sorted, java.util.Comparator.comparingDouble(i -> order[i]));
        }
        int testCount = (int) Math.round(testShare * n);
        int[] all = java.util.Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();
        return new int[][] {java.util.Arrays.copyOfRange(all, 0, n - testCount),
                java.util.Arrays.copyOfRange(all, n - testCount, n)};
    }

    /** At most {@code max} of the rows, a seeded sample kept in the rows' order; all of them when there are fewer. */
    public static int[] sample(int[] rows, int max, long seed) {
        if (rows.length <= max) {
            return rows;
        }
        List<Integer> shuffled = new ArrayList<>(IntStream.of(rows).boxed().toList());
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled.subList(0, max).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
