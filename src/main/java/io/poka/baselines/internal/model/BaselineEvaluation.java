package io.poka.baselines.internal.model;

import io.poka.baselines.internal.data.TabularData;
import io.poka.baselines.internal.training.Prepared;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Trains and evaluates a named trainer on prepared rows. Classification: stratified k-fold cross-validation (pooled
 * out-of-fold predictions, the kept model then fitted on all rows) or the prepared hold-out. Regression: the prepared
 * hold-out (built in: by engine unit); the kept model is the one fitted on the training part.
 */
public final class BaselineEvaluation {
    private BaselineEvaluation() {
    }

    /** Told after each finished step of an evaluation. */
    @FunctionalInterface
    public interface Progress {
        void step(int done, int total);
    }

    /** Evaluates a built-in data set by its documented protocol; throws IllegalArgumentException for an unknown trainer. */
    public static Evaluated run(TabularData d, String trainer, TrainerSettings s) {
        return run(d, trainer, s, (done, total) -> { });
    }

    /** As {@link #run(TabularData, String, TrainerSettings)}, reporting progress in {@link #steps} steps. */
    public static Evaluated run(TabularData d, String trainer, TrainerSettings s, Progress progress) {
        return run(builtIn(d, s), trainer, s, null, progress);
    }

    /**
     * Evaluates prepared rows: cross-validation or the prepared hold-out, then, with {@code importance} given, the
     * permutation importance of the evaluated model on its evaluation rows.
     */
    public static Evaluated run(Prepared p, String trainer, TrainerSettings s, ImportanceSettings importance,
            Progress progress) {
        if (!BaselineTrainers.names(p.classification()).contains(trainer)) {
            throw new IllegalArgumentException(trainer);
        }
        return p.classification() ? classify(p, trainer, s, importance, progress)
                : regress(p, trainer, s, importance, progress);
    }

    /**
     * The built-in protocol: stratified k-fold cross-validation for classification, for regression a hold-out of
     * {@code testUnitFraction} of the groups (engine units).
     */
    public static Prepared builtIn(TabularData d, TrainerSettings s) {
        if (d.classification()) {
            return new Prepared(d, null, null, null);
        }
        return new Prepared(d, Splits.byGroup(d.groups(), s.testUnitFraction(), s.seed()), "split by group (engine unit), "
                + Math.round(s.testUnitFraction() * 100) + " % of units held out, seed " + s.seed()
                + "; kept model fitted on the training units", null);
    }

    /** Steps of an evaluation: one per cross-validation fold plus the final fit, or fit and evaluation. */
    public static int steps(Prepared p, TrainerSettings s) {
        return p.classification() && p.holdout() == null ? s.folds() + 1 : 2;
    }

    /** As {@link #steps(Prepared, TrainerSettings)} for a built-in data set's protocol. */
    public static int steps(TabularData d, TrainerSettings s) {
        return d.classification() ? s.folds() + 1 : 2;
    }

    static Evaluated classify(Prepared p, String name, TrainerSettings s, ImportanceSettings importance,
            Progress progress) {
        TabularData d = p.data();
        List<String> classes = List.copyOf(new TreeSet<>(List.of(d.labels())));
        ClassificationMetrics metrics = new ClassificationMetrics(classes);
        long predictNanos = 0;
        long predicted = 0;
        Model<Label> kept;
        long trainingMillis;
        Model<Label> evaluatedModel = null;
        int[] evaluationRows = null;
        String protocol;
        if (p.holdout() == null) {
            int[] fold = Splits.stratifiedFolds(d.labels(), s.folds(), s.seed());
            for (int k = 0; k < s.folds(); k++) {
                Trainer<Label> trainer = BaselineTrainers.classification(name, s);
                Model<Label> model = trainer.train(TribuoRows.dataset(d.name(), TribuoRows.LABELS,
                        TribuoRows.labelled(d, Splits.rowsOf(fold, k, false))));
                int[] testRows = Splits.rowsOf(fold, k, true);
                List<Example<Label>> test = TribuoRows.labelled(d, testRows);
                long t0 = System.nanoTime();
                List<Prediction<Label>> out = model.predict(test);
                predictNanos += System.nanoTime() - t0;
                predicted += out.size();
                for (int i = 0; i < out.size(); i++) {
                    metrics.add(test.get(i).getOutput().getLabel(), out.get(i).getOutput().getLabel(),
                            classScores(out.get(i), classes));
                }
                if (k == 0) {
                    evaluatedModel = model;
                    evaluationRows = testRows;
                }
                progress.step(k + 1, s.folds() + 1);
            }
            long t0 = System.nanoTime();
            kept = BaselineTrainers.classification(name, s).train(TribuoRows.dataset(d.name(),
                    TribuoRows.LABELS, TribuoRows.labelled(d, allRows(d))));
            trainingMillis = (System.nanoTime() - t0) / 1_000_000;
            protocol = s.folds() + "-fold stratified cross-validation, seed " + s.seed()
                    + "; pooled out-of-fold predictions; kept model fitted on all " + d.rows() + " rows";
        } else {
            long t0 = System.nanoTime();
            kept = BaselineTrainers.classification(name, s).train(TribuoRows.dataset(d.name(), TribuoRows.LABELS,
                    TribuoRows.labelled(d, p.holdout()[0])));
            trainingMillis = (System.nanoTime() - t0) / 1_000_000;
            progress.step(1, 2);
            List<Example<Label>> test = TribuoRows.labelled(d, p.holdout()[1]);
            t0 = System.nanoTime();
            List<Prediction<Label>> out = kept.predict(test);
            predictNanos = System.nanoTime() - t0;
            predicted = out.size();
            for (int i = 0; i < out.size(); i++) {
                metrics.add(test.get(i).getOutput().getLabel(), out.get(i).getOutput().getLabel(),
                        classScores(out.get(i), classes));
            }
            evaluatedModel = kept;
            evaluationRows = p.holdout()[1];
            protocol = p.holdoutProtocol();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", protocol);
        m.putAll(metrics.asMap());
        m.put("chanceBalancedAccuracy", 1.0 / classes.size());
        m.put("topFeatures", topFeatures(kept));
        if (importance != null) {
            m.put("permutationImportance", importance(d, evaluatedModel, evaluationRows, importance,
                    p.holdout() == null ? "the first cross-validation fold's model on its held-out rows"
                            : "the kept model on the held-out rows"));
        }
        progress.step(steps(p, s), steps(p, s));
        return new Evaluated(name, kept, kept.getProvenance().toString(), m, trainingMillis,
                predicted * 1e9 / Math.max(1, predictNanos));
    }

    static Evaluated regress(Prepared p, String name, TrainerSettings s, ImportanceSettings importance,
            Progress progress) {
        TabularData d = p.data();
        int[][] split = p.holdout();
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
        m.put("protocol", p.holdoutProtocol());
        m.put("rmse", Math.sqrt(se / n));
        m.put("mae", ae / n);
        m.put("rmseOfPredictingTrainMean", Math.sqrt(seMean / n));
        m.put("trainRows", split[0].length);
        m.put("testRows", n);
        if (d.groups() != null) {
            m.put("testGroups", groupsOf(d, split[1]));
        }
        m.put("topFeatures", topFeatures(model));
        if (importance != null) {
            m.put("permutationImportance", importance(d, model, split[1], importance, "the kept model on the held-out rows"));
        }
        progress.step(2, 2);
        return new Evaluated(name, model, model.getProvenance().toString(), m, trainingMillis,
                n * 1e9 / Math.max(1, predictNanos));
    }

    /**
     * Permutation importance of the model on (at most {@code maxRows}, a seeded sample of) the evaluation rows:
     * accuracy drop for classifiers, RMSE rise for regressors (reported as the drop of minus the RMSE, so larger is
     * more important either way).
     */
    static Map<String, Object> importance(TabularData d, Model<?> model, int[] rows, ImportanceSettings settings,
            String on) {
        int[] used = Splits.sample(rows, settings.maxRows(), settings.seed());
        double[][] x = new double[used.length][];
        for (int i = 0; i < used.length; i++) {
            x[i] = d.x()[used[i]];
        }
        ToDoubleFunction<double[][]> score = d.classification() ? accuracy(model, d, used) : minusRmse(model, d, used);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "permutation importance (Breiman 2001): score drop when one feature is shuffled");
        m.put("metric", d.classification() ? "accuracy" : "rmse");
        m.put("drop", d.classification() ? "accuracy on the intact rows - accuracy with the feature shuffled"
                : "rmse with the feature shuffled - rmse on the intact rows");
        m.put("on", on);
        m.put("rows", used.length);
        m.put("repeats", settings.repeats());
        m.put("seed", settings.seed());
        m.put("features", PermutationImportance.compute(d.features(), x, score, settings.repeats(), settings.seed()));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static ToDoubleFunction<double[][]> accuracy(Model<?> model, TabularData d, int[] rows) {
        return x -> {
            List<Prediction<Label>> out = (List<Prediction<Label>>) (List<?>) predictRows(model, d, x);
            int correct = 0;
            for (int i = 0; i < out.size(); i++) {
                correct += out.get(i).getOutput().getLabel().equals(d.labels()[rows[i]]) ? 1 : 0;
            }
            return (double) correct / out.size();
        };
    }

    @SuppressWarnings("unchecked")
    private static ToDoubleFunction<double[][]> minusRmse(Model<?> model, TabularData d, int[] rows) {
        return x -> {
            List<Prediction<Regressor>> out = (List<Prediction<Regressor>>) (List<?>) predictRows(model, d, x);
            double se = 0;
            for (int i = 0; i < out.size(); i++) {
                double err = out.get(i).getOutput().getValues()[0] - d.targets()[rows[i]];
                se += err * err;
            }
            return -Math.sqrt(se / out.size());
        };
    }

    /** The model's predictions of rows of the data set's features, in order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Prediction<?>> predictRows(Model<?> model, TabularData d, double[][] x) {
        String[] names = d.features().toArray(String[]::new);
        List examples = new ArrayList<>(x.length);
        for (double[] row : x) {
            examples.add(TribuoRows.unknown(d.classification(), names, row));
        }
        return ((Model) model).predict(examples);
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
