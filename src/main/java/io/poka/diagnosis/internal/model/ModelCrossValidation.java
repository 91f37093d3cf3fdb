package io.poka.diagnosis.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The cross-validation a training runs before it fits the served model, so the registry stores honest figures (the
 * same time-blocked folds as bench/diagnosis.sh), and the classes the model cannot tell apart from normal: those whose
 * windows and normal's windows are taken for each other often ({@link #normalConfusion}), plus a configured set (TEP
 * faults 3, 9 and 15, known near-indistinguishable from normal: Chiang, Russell and Braatz 2000).
 */
public final class ModelCrossValidation {

    /** A class the model cannot tell from normal, with the cross-validated shares that say so. */
    public record Indistinguishable(String label, double takenForNormal, double normalTakenForIt, boolean configured) {
    }

    /**
     * The figures: the per-class table over every fold, and the open set (each fault left out of training in turn in
     * {@code leftOutFolds} folds; null when none).
     */
    public record Result(int folds, int gap, int testStride, CrossValidation.Table table, Double leftOutCalledUnknown,
            int leftOutWindows, List<Indistinguishable> indistinguishable) {
    }

    private ModelCrossValidation() {
    }

    /**
     * @param runs per label its run; holds {@link TepFaultRuns#NORMAL}
     * @param leftOutFolds in the first this many folds every fault is also left out of training once (0 = no open-set
     *        figure for left-out faults)
     * @param normalConfusion a class is indistinguishable from normal when the share of its windows whose most probable
     *        class is normal plus the share of normal's windows whose most probable class is it reaches this
     * @param configured labels always counted as indistinguishable from normal (when the model knows them)
     */
    public static Result run(Map<String, double[][]> runs, BlockedFolds folds, int testStride,
            CrossValidation.Trainer trainer, int leftOutFolds, double normalConfusion, Set<String> configured) {
        List<String> labels = List.copyOf(runs.keySet());
        List<Integer> all = IntStream.range(0, folds.folds()).boxed().toList();
        CrossValidation.Table table = CrossValidation.table(CrossValidation.run(runs, folds, testStride, trainer, labels,
                labels, all), labels, 1.0);
        Double leftOut = null;
        int leftOutWindows = 0;
        List<Integer> leftOutFoldList = all.subList(0, Math.min(Math.max(0, leftOutFolds), all.size()));
        if (!leftOutFoldList.isEmpty() && labels.size() > 2) {
            int unknown = 0;
            for (String out : labels) {
                if (TepFaultRuns.NORMAL.equals(out)) {
                    continue;
                }
                List<String> trained = labels.stream().filter(l -> !l.equals(out)).toList();
                for (CrossValidation.Outcome o : CrossValidation.run(runs, folds, testStride, trainer, trained,
                        List.of(out), leftOutFoldList)) {
                    leftOutWindows++;
                    unknown += o.verdict().unknown() ? 1 : 0;
                }
            }
            leftOut = leftOutWindows == 0 ? null : unknown / (double) leftOutWindows;
        }
        return new Result(folds.folds(), folds.gap(), testStride, table, leftOut, leftOutWindows,
                indistinguishable(table, normalConfusion, configured));
    }

    /** The classes of {@code table} indistinguishable from normal (see {@link #run}). */
    public static List<Indistinguishable> indistinguishable(CrossValidation.Table table, double normalConfusion,
            Set<String> configured) {
        int n = table.labels().indexOf(TepFaultRuns.NORMAL);
        List<Indistinguishable> out = new ArrayList<>();
        if (n < 0) {
            return out;
        }
        int normalWindows = Math.max(1, table.classes().get(n).windows());
        for (int c = 0; c < table.labels().size(); c++) {
            if (c == n) {
                continue;
            }
            double taken = table.topOne()[c][n] / (double) Math.max(1, table.classes().get(c).windows());
            double normalTaken = table.topOne()[n][c] / (double) normalWindows;
            boolean isConfigured = configured.contains(table.labels().get(c));
            if (isConfigured || taken + normalTaken >= normalConfusion) {
                out.add(new Indistinguishable(table.labels().get(c), taken, normalTaken, isConfigured));
            }
        }
        return out;
    }
}
