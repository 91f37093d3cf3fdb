package io.poka.prognostics.internal.model;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * k-fold cross-validation by unit ({@link UnitFolds}) scored like the official test ({@link CutPoints}): per fold the
 * model is fitted on the other folds' units and predicts the last window of each cut of its own units; RMSE and the
 * NASA score (per 100 predictions, so it reads like the official sum over FD001's 100 test units) per fold, their mean
 * and standard deviation over folds, and the out-of-fold residuals (truth - prediction) that make the conformal
 * prediction interval ({@link RulInterval}). The same fitted fold models also score cuts drawn by the old uniform
 * rule, so the optimism of that rule stays visible beside the figure that counts.
 */
public final class CrossValidation {

    /** How to validate: folds, cuts per validation unit, shortest kept history, seed of folds and cuts, cut rule. */
    public record Plan(int folds, int cutsPerUnit, int minHistory, long seed, CutPoints.Rule rule) {
        public Plan(int folds, int cutsPerUnit, int minHistory, long seed) {
            this(folds, cutsPerUnit, minHistory, seed, CutPoints.Rule.TEST_LIKE);
        }
    }

    /**
     * One fold's figures and residuals; {@code units} names the unit of each prediction; {@code uniformRmse} and
     * {@code uniformNasaPer100} score the same fold model on uniform cuts (NaN when the plan's rule is uniform).
     */
    public record Fold(int fold, List<String> trainingUnits, List<String> validationUnits, int predictions, double rmse,
            double nasaPer100, double[] truth, double[] predicted, double[] residuals, String[] units,
            double uniformRmse, double uniformNasaPer100) {
    }

    /** All folds, their summary and the interval made from their residuals. */
    public record Result(String kind, List<Fold> folds, double rmseMean, double rmseStd, double nasaMean, double nasaStd,
            RulInterval interval, double uniformRmseMean, double uniformRmseStd, double uniformNasaMean) {
    }

    private CrossValidation() {
    }

    /**
     * @param afterFold called with the number of folds done
     */
    public static Result run(String kind, List<UnitHistory> units, List<String> sensors, RulSettings s, Plan plan,
            double intervalLevel, Device device, IntConsumer afterFold) {
        return run(kind, units, sensors, s, plan, plan.folds(), intervalLevel, device, afterFold);
    }

    /**
     * As {@link #run(String, List, List, RulSettings, Plan, double, Device, IntConsumer)} but only the first
     * {@code maxFolds} of the plan's folds (same folds and cuts as the full run): for timing a fold without running all.
     */
    public static Result run(String kind, List<UnitHistory> units, List<String> sensors, RulSettings s, Plan plan,
            int maxFolds, double intervalLevel, Device device, IntConsumer afterFold) {
        List<List<Integer>> folds = UnitFolds.deal(units.size(), plan.folds(), plan.seed());
        List<CutPoints.Cut> cuts = CutPoints.draw(plan.rule(), units, plan.cutsPerUnit(), plan.minHistory(), s.cap(),
                plan.seed());
        List<CutPoints.Cut> uniform = plan.rule() == CutPoints.Rule.UNIFORM ? List.of()
                : CutPoints.draw(CutPoints.Rule.UNIFORM, units, plan.cutsPerUnit(), plan.minHistory(), s.cap(),
                        plan.seed());
        Map<String, UnitHistory> byName = new HashMap<>();
        units.forEach(u -> byName.put(u.unit(), u));
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < Math.min(maxFolds, folds.size()); f++) {
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
            Set<String> validating = new HashSet<>(validation);
            List<CutPoints.Cut> foldCuts = cuts.stream().filter(c -> validating.contains(c.unit())).toList();
            List<CutPoints.Cut> uniformCuts = uniform.stream().filter(c -> validating.contains(c.unit())).toList();
            List<CutPoints.Cut> all = new ArrayList<>(foldCuts);
            all.addAll(uniformCuts);
            double[] both;
            try (FittedRul model = RulModels.fit(kind, train, sensors, s, device, e -> { })) {
                both = model.predict(all.stream()
                        .map(c -> new RulWindow(byName.get(c.unit()).rows(), c.cycles() - 1)).toList());
            }
            double[] truth = foldCuts.stream().mapToDouble(CutPoints.Cut::truth).toArray();
            double[] predicted = Arrays.copyOf(both, truth.length);
            double[] uTruth = uniformCuts.stream().mapToDouble(CutPoints.Cut::truth).toArray();
            double[] uPredicted = Arrays.copyOfRange(both, truth.length, both.length);
            out.add(fold(f + 1, train.stream().map(UnitHistory::unit).toList(), validation, truth, predicted,
                    foldCuts.stream().map(CutPoints.Cut::unit).toArray(String[]::new),
                    uTruth.length == 0 ? Double.NaN : NasaScore.rmse(uPredicted, uTruth),
                    uTruth.length == 0 ? Double.NaN : NasaScore.sum(uPredicted, uTruth) * 100.0 / uTruth.length));
            afterFold.accept(f + 1);
        }
        return summarise(kind, out, intervalLevel);
    }

    static Fold fold(int number, List<String> train, List<String> validation, double[] truth, double[] predicted,
            String[] units, double uniformRmse, double uniformNasa) {
        double[] residuals = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            residuals[i] = truth[i] - predicted[i];
        }
        return new Fold(number, train, validation, truth.length, NasaScore.rmse(predicted, truth),
                NasaScore.sum(predicted, truth) * 100.0 / truth.length, truth, predicted, residuals, units, uniformRmse,
                uniformNasa);
    }

    static Result summarise(String kind, List<Fold> folds, double intervalLevel) {
        double[] rmse = folds.stream().mapToDouble(Fold::rmse).toArray();
        double[] nasa = folds.stream().mapToDouble(Fold::nasaPer100).toArray();
        double[] uRmse = folds.stream().mapToDouble(Fold::uniformRmse).toArray();
        double[] uNasa = folds.stream().mapToDouble(Fold::uniformNasaPer100).toArray();
        RulInterval interval = RulInterval.conformalByUnit(folds.stream()
                .map(f -> new RulInterval.Residuals(f.residuals(), f.units())).toList(), intervalLevel);
        return new Result(kind, folds, mean(rmse), std(rmse), mean(nasa), std(nasa), interval, mean(uRmse), std(uRmse),
                mean(uNasa));
    }

    /**
     * The mean of several models' out-of-fold predictions on the same folds and cuts (same plan and seed): the
     * ensemble's validation without training its members again. (The uniform-cut comparison is not averaged: NaN.)
     */
    public static Result averaged(String kind, List<Result> members, double intervalLevel) {
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < members.get(0).folds().size(); f++) {
            Fold first = members.get(0).folds().get(f);
            double[] predicted = new double[first.truth().length];
            for (Result m : members) {
                double[] p = m.folds().get(f).predicted();
                for (int i = 0; i < p.length; i++) {
                    predicted[i] += p[i] / members.size();
                }
            }
            folds.add(fold(first.fold(), first.trainingUnits(), first.validationUnits(), first.truth(), predicted,
                    first.units(), Double.NaN, Double.NaN));
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
