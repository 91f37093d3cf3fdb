package io.poka.prognostics.internal.model;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * k-fold cross-validation by unit ({@link UnitFolds}) scored like the official test ({@link CutPoints}): per fold the
 * model is fitted on the other folds' units and predicts the last window of each cut of its own units; RMSE and the
 * NASA score (per 100 predictions, so it reads like the official sum over FD001's 100 test units) per fold, their mean
 * and standard deviation over folds, and the out-of-fold residuals (truth - prediction) that make the prediction
 * interval ({@link RulInterval}).
 */
public final class CrossValidation {

    /** How to validate: folds, cuts per validation unit, shortest kept history, seed of folds and cuts. */
    public record Plan(int folds, int cutsPerUnit, int minHistory, long seed) {
    }

    /** One fold's figures and residuals. */
    public record Fold(int fold, List<String> trainingUnits, List<String> validationUnits, int predictions, double rmse,
            double nasaPer100, double[] truth, double[] predicted, double[] residuals) {
    }

    /** All folds, their summary and the interval made from their residuals. */
    public record Result(String kind, List<Fold> folds, double rmseMean, double rmseStd, double nasaMean, double nasaStd,
            RulInterval interval) {

        /** The summary a registry stores (no residual arrays). */
        public Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("folds", folds.size());
            m.put("rmseMean", rmseMean);
            m.put("rmseStd", rmseStd);
            m.put("nasaScorePer100Mean", nasaMean);
            m.put("nasaScorePer100Std", nasaStd);
            m.put("rmseByFold", folds.stream().map(Fold::rmse).toList());
            m.put("nasaScorePer100ByFold", folds.stream().map(Fold::nasaPer100).toList());
            m.put("predictionsByFold", folds.stream().map(Fold::predictions).toList());
            m.put("intervalLevel", interval.level());
            m.put("intervalResidualLower", interval.lower());
            m.put("intervalResidualUpper", interval.upper());
            m.put("intervalCoverageOutOfFold", interval.coverage());
            return m;
        }
    }

    private CrossValidation() {
    }

    /**
     * @param afterFold called with the number of folds done
     */
    public static Result run(String kind, List<UnitHistory> units, List<String> sensors, RulSettings s, Plan plan,
            double intervalLevel, Device device, IntConsumer afterFold) {
        List<List<Integer>> folds = UnitFolds.deal(units.size(), plan.folds(), plan.seed());
        List<CutPoints.Cut> cuts = CutPoints.draw(units, plan.cutsPerUnit(), plan.minHistory(), s.cap(), plan.seed());
        Map<String, UnitHistory> byName = new HashMap<>();
        units.forEach(u -> byName.put(u.unit(), u));
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            List<UnitHistory> train = new ArrayList<>();
            List<String> validation = new ArrayList<>();
            for (int g = 0; g < folds.size(); g++) {
                for (int i : folds.get(g)) {
                    if (g == f) {
                        validation.add(units.get(i).unit());
                    } else {
                        train.add(units.get(i));
                    }
                }
            }
            java.util.Set<String> validating = new java.util.HashSet<>(validation);
            List<CutPoints.Cut> foldCuts = cuts.stream().filter(c -> validating.contains(c.unit())).toList();
            List<RulWindow> windows = foldCuts.stream()
                    .map(c -> new RulWindow(byName.get(c.unit()).rows(), c.cycles() - 1)).toList();
            double[] truth = foldCuts.stream().mapToDouble(CutPoints.Cut::truth).toArray();
            double[] predicted;
            try (FittedRul model = RulModels.fit(kind, train, sensors, s, device, e -> { })) {
                predicted = model.predict(windows);
            }
            double[] residuals = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                residuals[i] = truth[i] - predicted[i];
            }
            out.add(new Fold(f + 1, train.stream().map(UnitHistory::unit).toList(), validation, truth.length, NasaScore.rmse(predicted, truth),
                    NasaScore.sum(predicted, truth) * 100.0 / truth.length, truth, predicted, residuals));
            afterFold.accept(f + 1);
        }
        return summarise(kind, out, intervalLevel);
    }

    static Result summarise(String kind, List<Fold> folds, double intervalLevel) {
        double[] rmse = folds.stream().mapToDouble(Fold::rmse).toArray();
        double[] nasa = folds.stream().mapToDouble(Fold::nasaPer100).toArray();
        RulInterval interval = RulInterval.fromFolds(folds.stream().map(Fold::residuals).toList(), intervalLevel);
        return new Result(kind, folds, mean(rmse), std(rmse), mean(nasa), std(nasa), interval);
    }

    /**
     * The mean of several models' out-of-fold predictions on the same folds and cuts (same plan and seed): the
     * ensemble's validation without training its members again.
     */
    public static Result averaged(String kind, List<Result> members, double intervalLevel) {
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < members.get(0).folds().size(); f++) {
            Fold first = members.get(0).folds().get(f);
            double[] truth = first.truth();
            double[] predicted = new double[truth.length];
            for (Result m : members) {
                double[] p = m.folds().get(f).predicted();
                for (int i = 0; i < p.length; i++) {
                    predicted[i] += p[i] / members.size();
                }
            }
            double[] residuals = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                residuals[i] = truth[i] - predicted[i];
            }
            folds.add(new Fold(first.fold(), first.trainingUnits(), first.validationUnits(), truth.length,
                    NasaScore.rmse(predicted, truth), NasaScore.sum(predicted, truth) * 100.0 / truth.length, truth,
                    predicted, residuals));
        }
        return summarise(kind, folds, intervalLevel);
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n - 1). */
    static double std(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}
