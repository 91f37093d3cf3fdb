package io.poka.spc;

import java.time.Instant;
import java.util.List;

/**
 * One frozen version of a variable's control limits: process center and within sigma of the location chart, the
 * subgroup size and the sigma multiplier L; {@code origin} is PHASE_I_ESTIMATE or ENTERED_FROM_STUDY. For an
 * AR1_RESIDUALS chart, center is the process mean μ, sigma the residual σ_ε and {@code arPhi} the AR(1) coefficient φ
 * (null on other charts). For an EWMA_FORECAST chart, center is the process mean (where the EWMA starts), sigma the
 * forecast errors' σ_e and {@code forecastLambda} the EWMA's λ (null on other charts). {@code baselineCheck}: how the
 * phase I baseline was judged (null for entered limits and for limits frozen before the check existed).
 */
public record ControlLimitsView(String line, String variable, int version, String chartType, String origin,
        double center, double sigma, int subgroupSize, double sigmaMultiplier, Instant baselineFrom,
        Instant baselineTo, Integer baselineCount, List<Instant> excluded, String studyReference, Instant frozenAt,
        String frozenBy, Double arPhi, BaselineCheck baselineCheck, Double forecastLambda) {

    /** Limits of a chart without an EWMA forecast ({@code forecastLambda} null). */
    public ControlLimitsView(String line, String variable, int version, String chartType, String origin,
            double center, double sigma, int subgroupSize, double sigmaMultiplier, Instant baselineFrom,
            Instant baselineTo, Integer baselineCount, List<Instant> excluded, String studyReference, Instant frozenAt,
            String frozenBy, Double arPhi, BaselineCheck baselineCheck) {
        this(line, variable, version, chartType, origin, center, sigma, subgroupSize, sigmaMultiplier, baselineFrom,
                baselineTo, baselineCount, excluded, studyReference, frozenAt, frozenBy, arPhi, baselineCheck, null);
    }

    /** The same limits with the version the store gave them. */
    public ControlLimitsView withVersion(int next) {
        return new ControlLimitsView(line, variable, next, chartType, origin, center, sigma, subgroupSize,
                sigmaMultiplier, baselineFrom, baselineTo, baselineCount, excluded, studyReference, frozenAt, frozenBy,
                arPhi, baselineCheck, forecastLambda);
    }
}
