package io.poka.baselines.internal.model;

import io.poka.baselines.internal.data.TabularData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Trains and evaluates a named trainer on a built-in data set. Classification: stratified k-fold cross-validation
 * (pooled out-of-fold predictions), then the kept model is fitted on all rows. Regression: one split by group
 * (engine unit), the kept model is the one fitted on the training units.
 */
public final class BaselineEvaluation {
    private BaselineEvaluation() {
    }

    /** Told after each finished step of an evaluation. */
    @FunctionalInterface
    public interface Progress {
        void step(int done, int total);
    }

    /** Evaluates; throws IllegalArgumentException for a trainer name the task does not know. */
    public static Evaluated run(TabularData d, String trainer, TrainerSettings s) {
        return run(d, trainer, s, (done, total) -> { });
    }

    /** Evaluates, reporting progress in {@link #steps} steps. */
    public static Evaluated run(TabularData d, String trainer, TrainerSettings s, Progress progress) {
        if (!BaselineTrainers.names(d.classification()).contains(trainer)) {
            throw new IllegalArgumentException(trainer);
        }
        return d.classification() ? classify(d, trainer, s, progress) : regress(d, trainer, s, progress);
    }

    /** Steps of an evaluation: one per cross-validation fold plus the final fit, or fit and evaluation. */
    public static int steps(TabularData d, TrainerSettings s) {
        return d.classification() ? s.folds() + 1 : 2;
    }

    static Evaluated classify(TabularData d, String name, TrainerSettings s, Progress progress) {
        List<String> classes = List.copyOf(new TreeSet<>(List.of(d.labels())));
        ClassificationMetrics metrics = new ClassificationMetrics(classes);
        int[] fold = Splits.stratifiedFolds(d.labels(), s.folds(), s.seed());
        long predictNanos = 0;
        long predicted = 0;
        for (int k = 0; k < s.folds(); k++) {
            Trainer<Label> trainer = BaselineTrainers.classification(name, s);
            Model<Label> model = trainer.train(TribuoRows.dataset(d.name(), TribuoRows.LABELS,
                    TribuoRows.labelled(d, Splits.rowsOf(fold, k, false))));
            List<Example<Label>> test = TribuoRows.labelled(d, Splits.rowsOf(fold, k, true));
            long t0 = System.nanoTime();
            List<Prediction<Label>> out = model.predict(test);
            predictNanos += System.nanoTime() - t0;
            predicted += out.size();
            for (int i = 0; i < out.size(); i++) {
                metrics.add(test.get(i).getOutput().getLabel(), out.get(i).getOutput().getLabel(),
                        classScores(out.get(i), classes));
            }
            progress.step(k + 1, s.folds() + 1);
        }
        long t0 = System.nanoTime();
        Model<Label> kept = BaselineTrainers.classification(name, s).train(TribuoRows.dataset(d.name(),
                TribuoRows.LABELS, TribuoRows.labelled(d, allRows(d))));
        long trainingMillis = (System.nanoTime() - t0) / 1_000_000;
        progress.step(s.folds() + 1, s.folds() + 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", s.folds() + "-fold stratified cross-validation, seed " + s.seed()
                + "; pooled out-of-fold predictions; kept model fitted on all " + d.rows() + " rows");
        m.putAll(metrics.asMap());
        m.put("chanceBalancedAccuracy", 1.0 / classes.size());
        m.put("topFeatures", topFeatures(kept));
        return new Evaluated(name, kept, kept.getProvenance().toString(), m, trainingMillis,
                predicted * 1e9 / Math.max(1, predictNanos));
    }

    static Evaluated regress(TabularData d, String name, TrainerSettings s, Progress progress) {
        int[][] split = Splits.byGroup(d.groups(), s.testUnitFraction(), s.seed());
        List<Example<Regressor>> train = TribuoRows.targeted(d, split[0]);
        List<Example<Regressor>> test = TribuoRows.targeted(d, split[1]);
        long t0 = System.nanoTime();
        Model<Regressor> model = BaselineTrainers.regression(name, s).train(TribuoRows.dataset(d.name(),
                TribuoRows.REGRESSORS, train));
        long trainingMillis = (System.nanoTime() - t0) / 1_000_000;
        progress.step(1, 2);
        t0 = System.nanoTime();
        List<Prediction<Regressor>> out = model.predict(test);
        long predictNanos = System.nanoTime() - t0;
        progress.step(2, 2);
        double trainMean = 0;
        for (int r : split[0]) {
            trainMean += d.targets()[r];
        }
        trainMean /= split[0].length;
        double se = 0;
        double ae = 0;
        double seMean = 0;
        for (int i = 0; i < out.size(); i++) {
            double truth = d.targets()[split[1][i]];
            double err = out.get(i).getOutput().getValues()[0] - truth;
            se += err * err;
            ae += Math.abs(err);
            seMean += (trainMean - truth) * (trainMean - truth);
        }
        int n = out.size();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", "split by group (engine unit), " + Math.round(s.testUnitFraction() * 100)
                + " % of units held out, seed " + s.seed() + "; kept model fitted on the training units");
        m.put("rmse", Math.sqrt(se / n));
        m.put("mae", ae / n);
        m.put("rmseOfPredictingTrainMean", Math.sqrt(seMean / n));
        m.put("trainRows", split[0].length);
        m.put("testRows", n);
        m.put("testGroups", groupsOf(d, split[1]));
        m.put("topFeatures", topFeatures(model));
        return new Evaluated(name, model, model.getProvenance().toString(), m, trainingMillis,
                n * 1e9 / Math.max(1, predictNanos));
    }

    /**
     * Tribuo's {@code Model.getTopFeatures(10)} per output (or ALL_OUTPUTS): coefficients on standardised inputs for
     * the linear models (BIAS is the intercept), split-based feature scores averaged over the trees for forests.
     */
    static Map<String, List<Map<String, Object>>> topFeatures(Model<?> model) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        model.getTopFeatures(10).forEach((output, pairs) -> out.put(output, pairs.stream()
                .map(p -> Map.<String, Object>of("feature", p.getA(), "weight", p.getB())).toList()));
        return out;
    }

    /** The prediction's score for each class (probabilities for logistic regression, vote shares for forests). */
    static double[] classScores(Prediction<Label> p, List<String> classes) {
        Map<String, Label> scores = p.getOutputScores();
        return classes.stream().mapToDouble(c -> scores.containsKey(c) ? scores.get(c).getScore() : 0).toArray();
    }

    private static int[] allRows(TabularData d) {
        return java.util.stream.IntStream.range(0, d.rows()).toArray();
    }

    private static List<Integer> groupsOf(TabularData d, int[] rows) {
        return new ArrayList<>(new TreeSet<>(java.util.Arrays.stream(rows).map(r -> d.groups()[r]).boxed().toList()));
    }
}
