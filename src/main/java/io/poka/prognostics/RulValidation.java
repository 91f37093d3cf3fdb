package io.poka.prognostics;

import java.util.List;

/**
 * How a RUL model was validated: k folds by unit (no unit on both sides), each validation unit cut at
 * {@code cutsPerUnit} seeded random points keeping at least {@code minHistory} cycles, only the last window scored;
 * RMSE against the capped true RUL and the NASA asymmetric score per 100 predictions, per fold and as mean and sample
 * standard deviation over folds; the prediction interval's residual quantiles and their out-of-fold coverage.
 */
public record RulValidation(int folds, int cutsPerUnit, int minHistory, long seed, double rmseMean, double rmseStd,
        double nasaScorePer100Mean, double nasaScorePer100Std, List<Double> rmseByFold,
        List<Double> nasaScorePer100ByFold, List<Integer> predictionsByFold, double intervalLevel,
        double intervalResidualLower, double intervalResidualUpper, double intervalCoverage) {
}
