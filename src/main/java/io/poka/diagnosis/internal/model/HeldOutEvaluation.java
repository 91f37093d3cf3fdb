package io.poka.diagnosis.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-class accuracy of a classifier on the held-out (later) part of each run: top-1 accuracy of the most probable
 * class, accuracy of the verdict (unknown counts as wrong), and the share called unknown.
 */
public final class HeldOutEvaluation {

    /**
     * One class's figures.
     *
     * @param accuracy share of windows whose most probable class is right (rejection ignored)
     * @param verdictAccuracy share whose verdict is right (an unknown verdict is wrong)
     * @param unknownShare share called unknown
     */
    public record ClassResult(String label, int windows, double accuracy, double verdictAccuracy,
            double unknownShare) {
    }

    private HeldOutEvaluation() {
    }

    public static List<ClassResult> evaluate(FaultClassifier model, Map<String, List<double[][]>> testRuns,
            int stride) {
        List<ClassResult> out = new ArrayList<>();
        model.classifyRuns(testRuns, stride).forEach((label, verdicts) -> {
            int right = 0;
            int verdictRight = 0;
            int unknown = 0;
            for (FaultClassifier.Verdict v : verdicts) {
                right += v.best().equals(label) ? 1 : 0;
                verdictRight += v.verdict().equals(label) ? 1 : 0;
                unknown += v.unknown() ? 1 : 0;
            }
            int n = Math.max(1, verdicts.size());
            out.add(new ClassResult(label, verdicts.size(), right / (double) n, verdictRight / (double) n,
                    unknown / (double) n));
        });
        return out;
    }

    /** Mean of {@code accuracy} over the classes whose label is (or is not) in {@code labels}. */
    public static double meanAccuracy(List<ClassResult> results, List<String> labels, boolean in) {
        return results.stream().filter(r -> labels.contains(r.label()) == in)
                .mapToDouble(ClassResult::accuracy).average().orElse(Double.NaN);
    }

    /** The runs split in time: train parts and test parts by label. */
    public static Map<String, Map<String, List<double[][]>>> split(Map<String, double[][]> runs,
            TimeBlockedSplit split) {
        Map<String, List<double[][]>> train = new LinkedHashMap<>();
        Map<String, List<double[][]>> test = new LinkedHashMap<>();
        runs.forEach((label, run) -> {
            train.put(label, java.util.Collections.singletonList(split.train(run)));
            test.put(label, java.util.Collections.singletonList(split.test(run)));
        });
        return Map.of("train", train, "test", test);
    }
}
