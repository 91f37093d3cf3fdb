package io.poka.spc;

import java.time.Instant;
import java.util.List;

/**
 * One frozen version of a variable's control limits: process center and within sigma of the location chart, the
 * subgroup size and the sigma multiplier L; {@code origin} is PHASE_I_ESTIMATE or ENTERED_FROM_STUDY.
 */
public record ControlLimitsView(String line, String variable, int version, String chartType, String origin,
        double center, double sigma, int subgroupSize, double sigmaMultiplier, Instant baselineFrom,
        Instant baselineTo, Integer baselineCount, List<Instant> excluded, String studyReference, Instant frozenAt,
        String frozenBy) {
}
