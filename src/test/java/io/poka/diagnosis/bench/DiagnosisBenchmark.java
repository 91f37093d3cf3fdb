package io.poka.diagnosis.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.diagnosis.internal.model.BlockedFolds;
import io.poka.diagnosis.internal.model.CrossValidation;
import io.poka.diagnosis.internal.model.FaultClassifier;
import io.poka.diagnosis.internal.model.TepFaultRuns;
import io.poka.diagnosis.internal.model.WindowFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The full diagnosis evaluation on the TEP training runs (bench/diagnosis.sh): every run (d00 normal, d01-d21) cut into
 * time blocks, each block tested in turn by a model trained on the other blocks minus a gap of one window either side
 * ({@link BlockedFolds}); the feature sets compared on the same folds; for the chosen one the per-class counts, the
 * confusion matrix, the open-set rule (known classes called unknown, each fault left out of training in turn) at
 * several radii, and the accuracy on the windows a PCA SPE detector flags.
 */
@EnabledIfSystemProperty(named = "poka.bench", matches = "true")
class DiagnosisBenchmark {
    static final List<String> HARD = List.of("fault-03", "fault-09", "fault-15");
    static final List<String> WEAK = List.of("fault-04", "fault-05", "fault-10", "fault-16");
    static final double[] RADIUS_SCALES = {0.5, 0.75, 1.0, 1.25, 1.5, 2.0};

    @Test
    void crossValidatedPerClassAccuracyOpenSetAndFlaggedWindows() throws Exception {
        assertTrue(report().contains("| fault-21 |"));
    }

    /** Also runnable without Maven: java -cp target/classes:target/test-classes:... io.poka.diagnosis.bench.DiagnosisBenchmark */
    public static void main(String[] args) throws Exception {
        report();
    }

    static String report() throws Exception {
        int window = Integer.getInteger("poka.bench.window", 20);
        int stride = Integer.getInteger("poka.bench.stride", 5);
        int testStride = Integer.getInteger("poka.bench.test-stride", 4);
        int folds = Integer.getInteger("poka.bench.folds", 5);
        int epochs = Integer.getInteger("poka.bench.epochs", 100);
        double l2 = Double.parseDouble(System.getProperty("poka.bench.l2", "0.1"));
        double factor = Double.parseDouble(System.getProperty("poka.bench.radius-factor", "2.0"));
        int top = Integer.getInteger("poka.bench.distance-features", 5);
        double shrinkage = Double.parseDouble(System.getProperty("poka.bench.shrinkage", "0.05"));
        List<String> models = List.of(System.getProperty("poka.bench.models",
                "softmax:basic,softmax:rich,softmax:basic-log,softmax:rich-log,lda:basic-log,lda:rich-log").split(","));
        List<Integer> lofoFolds = Arrays.stream(System.getProperty("poka.bench.lofo-folds", "0,1,2,3,4").split(","))
                .map(Integer::parseInt).toList();
        Map<String, double[][]> runs = TepFaultRuns.runs(IntStream.rangeClosed(0, 21).boxed().toList());
        List<String> labels = List.copyOf(runs.keySet());
        BlockedFolds blocks = new BlockedFolds(folds, window);
        List<Integer> allFolds = IntStream.range(0, folds).boxed().toList();
        Predicate<String> easy = l -> !HARD.contains(l);
        Predicate<String> easyFaults = l -> !HARD.contains(l) && !l.equals(TepFaultRuns.NORMAL);

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# Diagnosis benchmark (TEP d00-d21, time-blocked %d-fold cross-validation)%n%n"
                + "Each run cut into %d consecutive blocks (96 rows of a fault run, 100 of d00); fold k tests block k "
                + "and trains on the other blocks minus %d rows (one window) either side, so no row and no neighbouring "
                + "row is shared. Window %d rows, training stride %d, test windows overlapping (stride %d), softmax "
                + "regression %d epochs, l2 %s; LDA shrinkage %s; radius = q0.99 x %s of the distance over the %d "
                + "farthest features (0 = all).%n%n", folds, folds, window, window,
                stride, testStride, epochs, l2, shrinkage, factor, top));

        md.append("## Models and feature sets compared on the same folds\n\n| learner | features | normal | mean 18 faults | "
                + "mean normal + 18 | faults 3, 9, 15 | fault-04 | fault-05 | fault-10 | fault-16 | known called unknown "
                + "| training ms (mean per fold) |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, List<CrossValidation.Outcome>> byModel = new LinkedHashMap<>();
        String best = null;
        double bestScore = -1;
        for (String spec : models) {
            String learnerName = spec.split(":")[0];
            WindowFeatures.FeatureSet set = WindowFeatures.FeatureSet.named(spec.split(":")[1]);
            boolean xgboost = learnerName.equals("xgboost");
            FaultClassifier.Settings s = xgboost ? null : new FaultClassifier.Settings(window, stride, epochs, l2, 0.99,
                    factor, 42, set, FaultClassifier.Learner.named(learnerName), shrinkage, top);
            CrossValidation.Trainer trainer = xgboost
                    ? (parts, normal) -> XgboostWindowClassifier.train(parts, normal, set, window, stride)
                    : (parts, normal) -> FaultClassifier.train(TepFaultRuns.variables(), parts, normal, s);
            long t0 = System.nanoTime();
            List<CrossValidation.Outcome> outcomes = CrossValidation.run(runs, blocks, testStride, trainer, labels,
                    labels, allFolds);
            long ms = (System.nanoTime() - t0) / 1_000_000 / folds;
            CrossValidation.Table t = CrossValidation.table(outcomes, labels, 1.0);
            md.append(String.format(Locale.ROOT, "| %s | %s (%d per variable) | %.3f | %.3f | %.3f | %.3f | %.3f | "
                    + "%.3f | %.3f | %.3f | %s | %d |%n", learnerName, set.id(), set.perVariable,
                    t.of(TepFaultRuns.NORMAL).accuracy(), t.meanAccuracy(easyFaults), t.meanAccuracy(easy),
                    t.meanAccuracy(HARD::contains), t.of("fault-04").accuracy(), t.of("fault-05").accuracy(),
                    t.of("fault-10").accuracy(), t.of("fault-16").accuracy(),
                    xgboost ? "n/a" : String.format(Locale.ROOT, "%.3f", t.meanUnknownShare(easy)), ms));
            byModel.put(spec, outcomes);
            if (!xgboost && t.meanAccuracy(easy) > bestScore) {
                bestScore = t.meanAccuracy(easy);
                best = spec;
            }
            System.out.println(md);
        }
        md.append("\n(accuracy = top-1, most probable class right; means are over classes; \"known called unknown\" = "
                + "mean share of a class's windows the open-set rule rejects although the class was trained.)\n");

        List<CrossValidation.Outcome> outcomes = byModel.get(best);
        CrossValidation.Table t = CrossValidation.table(outcomes, labels, 1.0);
        md.append(String.format(Locale.ROOT, "%n## Per class, %s%n%n| class | test windows | top-1 right | "
                + "top-1 accuracy | verdict right | verdict accuracy | called unknown | called normal |%n"
                + "|---|---|---|---|---|---|---|---|%n", best));
        for (CrossValidation.ClassCounts c : t.classes()) {
            md.append(String.format(Locale.ROOT, "| %s%s | %d | %d | %.2f | %d | %.2f | %d | %d |%n", c.label(),
                    HARD.contains(c.label()) ? " (hard)" : "", c.windows(), c.topOneRight(), c.accuracy(),
                    c.verdictRight(), c.verdictAccuracy(), c.unknown(), c.calledNormal()));
        }
        md.append(String.format(Locale.ROOT, "%nMean top-1 accuracy: %.3f over normal + 18 faults (3, 9, 15 apart); "
                + "%.3f over the 18 faults; %.3f over faults 3, 9, 15; normal %.3f. Mean verdict accuracy (unknown = wrong) "
                + "%.3f over normal + 18.%n", t.meanAccuracy(easy), t.meanAccuracy(easyFaults),
                t.meanAccuracy(HARD::contains), t.of(TepFaultRuns.NORMAL).accuracy(), t.meanVerdictAccuracy(easy)));

        md.append("\n### Confusion matrix (verdicts; rows true class, columns verdict, `?` = unknown)\n\n| true \\ verdict |");
        for (String l : labels) {
            md.append(' ').append(short_(l)).append(" |");
        }
        md.append(" ? |\n|---|");
        md.append("---|".repeat(labels.size() + 1)).append('\n');
        for (int r = 0; r < labels.size(); r++) {
            md.append("| ").append(short_(labels.get(r))).append(" |");
            for (int c = 0; c <= labels.size(); c++) {
                int v = t.verdicts()[r][c];
                md.append(' ').append(v == 0 ? "." : (c == r ? "**" + v + "**" : String.valueOf(v))).append(" |");
            }
            md.append('\n');
        }
        System.out.println(md);

        // Windows the detector flags: PCA SPE on the normal training rows of each fold, limit its 99th percentile.
        Map<Integer, Detector> detectors = new LinkedHashMap<>();
        for (int k : allFolds) {
            double[][] run = runs.get(TepFaultRuns.NORMAL);
            double[][] normal = blocks.fold(run.length, k).train().stream().flatMap(r -> Arrays.stream(r.of(run)))
                    .toArray(double[][]::new);
            detectors.put(k, Detector.fit(normal));
        }
        List<CrossValidation.Outcome> flagged = outcomes.stream()
                .filter(o -> detectors.get(o.fold()).flags(runs.get(o.label())[o.from() + window - 1])).toList();
        CrossValidation.Table f = CrossValidation.table(flagged, labels, 1.0);
        md.append(String.format(Locale.ROOT, "%n## Windows a detector flags (%s)%n%nDetector: PCA SPE on the "
                + "standardised normal training rows of the fold (90 %% of the variance), alarm when the window's last row "
                + "exceeds the 99th percentile of those rows' SPE (the SPE monitor of docs/baselines.md, the best there; "
                + "the served VAE-GAN is not run here).%n%n| class | windows | flagged | top-1 accuracy on flagged | "
                + "verdict accuracy on flagged | unknown on flagged |%n|---|---|---|---|---|---|%n", best));
        for (int i = 0; i < labels.size(); i++) {
            CrossValidation.ClassCounts all = t.classes().get(i);
            CrossValidation.ClassCounts c = f.classes().get(i);
            md.append(String.format(Locale.ROOT, "| %s%s | %d | %d | %.2f | %.2f | %.2f |%n", c.label(),
                    HARD.contains(c.label()) ? " (hard)" : "", all.windows(), c.windows(), c.accuracy(),
                    c.verdictAccuracy(), c.unknownShare()));
        }
        md.append(String.format(Locale.ROOT, "%nOn flagged windows: mean top-1 accuracy %.3f over the 18 faults, %.3f "
                + "over faults 3, 9, 15 (those flagged); pooled over every flagged fault window %.3f.%n",
                f.meanAccuracy(easyFaults), f.meanAccuracy(HARD::contains), pooled(f, l -> !l.equals(TepFaultRuns.NORMAL))));
        System.out.println(md);

        // Open set: each fault left out of training in turn, for each choice of the distance's feature count.
        if (!Boolean.parseBoolean(System.getProperty("poka.bench.open-set", "true"))) {
            return write(md);
        }
        List<Integer> variants = Arrays.stream(System.getProperty("poka.bench.open-set-variants", "0," + top).split(","))
                .map(Integer::parseInt).distinct().toList();
        FaultClassifier.Learner bestLearner = FaultClassifier.Learner.named(best.split(":")[0]);
        WindowFeatures.FeatureSet bestSet = WindowFeatures.FeatureSet.named(best.split(":")[1]);
        md.append(String.format(Locale.ROOT, "%n## Open set (%s)%n%nEach fault left out of training in turn, folds %s; "
                + "a left-out fault should be called unknown, a known class should not. Radius scale 1 = the configured "
                + "radius (q0.99 x %s); distance over the n farthest features (0 = all, the rule before).%n%n"
                + "| distance features | radius scale | left-out fault called unknown (mean over 18) | over faults 3, 9, 15 "
                + "| known class called unknown (mean over normal + 18, all folds) | normal called unknown |%n"
                + "|---|---|---|---|---|---|%n", best, lofoFolds, factor));
        List<CrossValidation.Outcome> lofo = new ArrayList<>();
        for (int variant : variants) {
            FaultClassifier.Settings vs = new FaultClassifier.Settings(window, stride, epochs, l2, 0.99, factor, 42,
                    bestSet, bestLearner, shrinkage, variant);
            CrossValidation.Trainer trainer = (parts, normal) -> FaultClassifier.train(TepFaultRuns.variables(), parts,
                    normal, vs);
            List<CrossValidation.Outcome> knownOutcomes = variant == top ? outcomes
                    : CrossValidation.run(runs, blocks, testStride, trainer, labels, labels, allFolds);
            List<CrossValidation.Outcome> left = new ArrayList<>();
            IntStream.rangeClosed(1, 21).parallel().forEach(fault -> {
                String out = TepFaultRuns.label(fault);
                List<String> trained = labels.stream().filter(l -> !l.equals(out)).toList();
                List<CrossValidation.Outcome> o = CrossValidation.run(runs, blocks, testStride, trainer, trained,
                        List.of(out), lofoFolds);
                synchronized (left) {
                    left.addAll(o);
                }
            });
            for (double scale : RADIUS_SCALES) {
                CrossValidation.Table lo = CrossValidation.table(left, labels, scale);
                CrossValidation.Table known = CrossValidation.table(knownOutcomes, labels, scale);
                md.append(String.format(Locale.ROOT, "| %d | %.2f | %.3f | %.3f | %.3f | %.3f |%n", variant, scale,
                        lo.meanUnknownShare(easyFaults), lo.meanUnknownShare(HARD::contains), known.meanUnknownShare(easy),
                        known.of(TepFaultRuns.NORMAL).unknownShare()));
            }
            if (variant == top) {
                lofo = left;
            }
            System.out.println(md);
        }
        CrossValidation.Table lo = CrossValidation.table(lofo, labels, 1.0);
        md.append("\nAt radius scale 1:\n\n| left-out fault | windows | called unknown | called normal | called another "
                + "fault | known: called unknown when trained |\n|---|---|---|---|---|---|\n");
        for (CrossValidation.ClassCounts c : lo.classes()) {
            if (c.label().equals(TepFaultRuns.NORMAL)) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s%s | %d | %.2f | %.2f | %.2f | %.2f |%n", c.label(),
                    HARD.contains(c.label()) ? " (hard)" : "", c.windows(), c.unknownShare(),
                    c.calledNormal() / (double) c.windows(),
                    (c.windows() - c.unknown() - c.calledNormal()) / (double) c.windows(),
                    t.of(c.label()).unknownShare()));
        }
        return write(md);
    }

    private static String write(StringBuilder md) throws java.io.IOException {
        Path file = Path.of(System.getProperty("poka.bench.out", "bench/results/diagnosis.md"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
        System.out.println(md);
        return md.toString();
    }

    private static String short_(String label) {
        return label.equals(TepFaultRuns.NORMAL) ? "N" : label.substring("fault-".length());
    }

    private static double pooled(CrossValidation.Table t, Predicate<String> labels) {
        int n = 0;
        int right = 0;
        for (CrossValidation.ClassCounts c : t.classes()) {
            if (labels.test(c.label())) {
                n += c.windows();
                right += c.topOneRight();
            }
        }
        return n == 0 ? Double.NaN : right / (double) n;
    }

    /** PCA SPE on rows standardised by the normal training rows (no clipping); limit = their 99th percentile. */
    record Detector(SpeDetector spe, double limit) {
        static Detector fit(double[][] normal) {
            SpeDetector spe = SpeDetector.fit(normal, 0.9);
            double[] scores = Arrays.stream(normal).mapToDouble(spe::spe).sorted().toArray();
            return new Detector(spe, scores[(int) Math.ceil(0.99 * scores.length) - 1]);
        }

        boolean flags(double[] row) {
            return spe.spe(row) > limit;
        }
    }
}
