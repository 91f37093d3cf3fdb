package io.poka.spc;

import java.util.List;

/**
 * Whether a phase I baseline can carry control limits, judged on the series the chart plots (individual values,
 * subgroup means, or an AR(1) model's residuals): enough points ({@code n} ≥ {@code minimumN}: 100 individuals or 25
 * subgroups by default) and enough information once autocorrelation is counted ({@code effectiveN} =
 * n(1 − r1)/(1 + r1) ≥ {@code minimumEffectiveN}); the sample autocorrelations r1..rk ({@code autocorrelations}) with
 * the Ljung-Box test over them, the Anderson-Darling normality test, the lag-1 autocorrelation of the readings
 * themselves ({@code readingsLag1}) and the chart recommended for them ({@code recommendedChart}: for autocorrelated
 * individual readings AR1_RESIDUALS or EWMA_FORECAST, whichever forecasts them better, {@code recommendationReason}
 * saying why with both forecasts' error RMS and Ljung-Box p; null when no such choice was made). {@code adequate} false means too short: automatic limits are not frozen,
 * limits frozen by hand carry the {@code warnings}.
 */
public record BaselineCheck(String chartType, String series, int n, int minimumN, double effectiveN,
        int minimumEffectiveN, double readingsLag1, List<Double> autocorrelations, Double ljungBoxQ,
        Integer ljungBoxDegreesOfFreedom, Double ljungBoxPValue, boolean autocorrelated, Double andersonDarlingA2,
        Double normalityPValue, Boolean normalityRejected, boolean adequate, String recommendedChart,
        List<String> warnings, String recommendationReason) {
}
