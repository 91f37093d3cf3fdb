package io.poka.spc;

import java.time.Instant;
import java.util.List;

/**
 * One frozen version of an attribute chart's limits. {@code center} is p-bar (p and np charts), c-bar or u-bar;
 * {@code sampleSize} is the n of an np chart (center line n·p-bar), null otherwise. Each point's limits follow from
 * the center and its own n: center ± sigmaMultiplier·sigma(n), the lower limit floored at 0. {@code origin} is
 * PHASE_I_ESTIMATE (baseline range, samples used, excluded sample times) or ENTERED_FROM_STUDY (studyReference).
 */
public record AttributeLimitsView(String chartName, int version, String chartType, String origin, double center,
        Integer sampleSize, double sigmaMultiplier, Instant baselineFrom, Instant baselineTo, Integer baselineCount,
        List<Instant> excluded, String studyReference, Instant frozenAt, String frozenBy) {
}
