package io.poka.prognostics;

import java.util.List;

/**
 * How a RUL model was validated: k folds by unit (no unit on both sides), each validation unit cut at
 * {@code cutsPerUnit} seeded points by {@code cutRule} ({@code test-like}: true RUL at the cut spread like FD001's
 * official test truths; {@code uniform}: uniform over the run, the older and easier rule; null on models stored before
 * the rule was recorded, which used {@code uniform}) keeping at least {@code minHistory} cycles, only the last window
 * scored; RMSE against the capped true RUL and the NASA asymmetric score per 100 predictions, per fold and as mean and
 * sample standard deviation over folds; the same fold models scored on uniform cuts ({@code uniformCut*}, for
 * comparison; null when not measured); the conformal prediction interval's residual bounds and their out-of-fold
 * coverage.
 */
public record RulValidation(int folds, int cutsPerUnit, int minHistory, long seed, double rmseMean, double rmseStd,
        double nasaScorePer100Mean, double nasaScorePer100Std, List<Double> rmseByFold,
        List<Double> nasaScorePer100ByFold, List<Integer> predictionsByFold, double intervalLevel,
        double intervalResidualLower, double intervalResidualUpper, double intervalCoverage, String cutRule,
        String cutRuleDescription, Double uniformCutRmseMean, Double uniformCutRmseStd,
        Double uniformCutNasaScorePer100Mean, String intervalMethod) {
}
