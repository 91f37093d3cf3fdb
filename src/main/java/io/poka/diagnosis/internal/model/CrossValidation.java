package io.poka.diagnosis.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Time-blocked cross-validation of a fault classifier over labelled runs ({@link BlockedFolds}): per fold a model is
 * trained on every run's training parts (the normal run's training parts standardise the variables) and gives its
 * verdict on overlapping windows of every run's test block. The outcomes keep run, fold and position, so figures can
 * be drawn for any subset (a class, the windows a detector flags).
 */
public final class CrossValidation {

    /** Trains a classifier on runs cut into parts (per label, its parts), standardised by the normal rows. */
    @FunctionalInterface
    public interface Trainer {
        WindowClassifier train(Map<String, List<double[][]>> parts, double[][] normalRows);
    }

    /** The verdict on the window of run {@code label} starting at row {@code from} (run coordinates), in fold {@code fold}. */
    public record Outcome(String label, int fold, int from, FaultClassifier.Verdict verdict) {
    }

    private CrossValidation() {
    }

    /**
     * @param runs per label its run (rows in time order); must hold {@link TepFaultRuns#NORMAL}
     * @param testStride rows between the starts of consecutive test windows
     * @param testedLabels labels whose test blocks are classified (a label left out of {@code trainedLabels} tests the
     *        open-set rule)
     * @param trainedLabels labels whose training parts train
     */
    public static List<Outcome> run(Map<String, double[][]> runs, BlockedFolds folds, int testStride, Trainer trainer,
            List<String> trainedLabels, List<String> testedLabels, List<Integer> foldIndices) {
        List<Outcome> out = new ArrayList<>();
        for (int k : foldIndices) {
            Map<String, List<double[][]>> train = new LinkedHashMap<>();
            for (String label : trainedLabels) {
                double[][] run = runs.get(label);
                train.put(label, folds.fold(run.length, k).train().stream().map(r -> r.of(run)).toList());
            }
            double[][] normal = train.get(TepFaultRuns.NORMAL).stream().flatMap(java.util.Arrays::stream)
                    .toArray(double[][]::new);
            WindowClassifier model = trainer.train(train, normal);
            for (String label : testedLabels) {
                double[][] run = runs.get(label);
                BlockedFolds.Range test = folds.fold(run.length, k).test();
                for (int from = test.from(); from + model.window() <= test.to(); from += testStride) {
                    out.add(new Outcome(label, k, from, model.classify(run, from)));
                }
            }
        }
        return out;
    }

    /** Per-class counts and the confusion matrix of a set of outcomes. */
    public record Table(List<String> labels, List<ClassCounts> classes, int[][] verdicts, int[][] topOne) {

        /** Column of {@link FaultClassifier#UNKNOWN} in {@link #verdicts()}: after the labels. */
        public int unknownColumn() {
            return labels.size();
        }

        public double meanAccuracy(Predicate<String> labelFilter) {
            return classes.stream().filter(c -> labelFilter.test(c.label()) && c.windows() > 0)
                    .mapToDouble(ClassCounts::accuracy).average().orElse(Double.NaN);
        }

        public double meanVerdictAccuracy(Predicate<String> labelFilter) {
            return classes.stream().filter(c -> labelFilter.test(c.label()) && c.windows() > 0)
                    .mapToDouble(ClassCounts::verdictAccuracy).average().orElse(Double.NaN);
        }

        public double meanUnknownShare(Predicate<String> labelFilter) {
            return classes.stream().filter(c -> labelFilter.test(c.label()) && c.windows() > 0)
                    .mapToDouble(ClassCounts::unknownShare).average().orElse(Double.NaN);
        }

        public ClassCounts of(String label) {
            return classes.stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow();
        }
    }

    /**
     * One true class: windows, how many had it as most probable class (top-1), as verdict, and were called unknown.
     */
    public record ClassCounts(String label, int windows, int topOneRight, int verdictRight, int unknown,
            int calledNormal) {
        public double accuracy() {
            return windows == 0 ? Double.NaN : topOneRight / (double) windows;
        }

        public double verdictAccuracy() {
            return windows == 0 ? Double.NaN : verdictRight / (double) windows;
        }

        public double unknownShare() {
            return windows == 0 ? Double.NaN : unknown / (double) windows;
        }
    }

    /**
     * The table of {@code outcomes} over {@code labels} (rows: true class; columns: predicted class, and unknown for
     * verdicts). {@code radiusScale} rescales every class radius (1 = as trained), to compare open-set rules without
     * retraining.
     */
    public static Table table(List<Outcome> outcomes, List<String> labels, double radiusScale) {
        int n = labels.size();
        int[][] verdicts = new int[n][n + 1];
        int[][] topOne = new int[n][n];
        int[] windows = new int[n];
        int[] top = new int[n];
        int[] right = new int[n];
        int[] unknown = new int[n];
        int[] normal = new int[n];
        for (Outcome o : outcomes) {
            int t = labels.indexOf(o.label());
            if (t < 0) {
                continue;
            }
            FaultClassifier.Verdict v = o.verdict();
            int best = labels.indexOf(v.best());
            boolean isUnknown = v.distance() > v.radius() * radiusScale;
            windows[t]++;
            if (best >= 0) {
                topOne[t][best]++;
            }
            top[t] += best == t ? 1 : 0;
            if (isUnknown) {
                unknown[t]++;
                verdicts[t][n]++;
            } else {
                right[t] += best == t ? 1 : 0;
                normal[t] += TepFaultRuns.NORMAL.equals(v.best()) ? 1 : 0;
                if (best >= 0) {
                    verdicts[t][best]++;
                }
            }
        }
        List<ClassCounts> classes = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            classes.add(new ClassCounts(labels.get(t), windows[t], top[t], right[t], unknown[t], normal[t]));
        }
        return new Table(List.copyOf(labels), List.copyOf(classes), verdicts, topOne);
    }
}
