package io.poka.prognostics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The remaining useful life of one unit after its last complete cycle, in cycles, with a prediction interval at
 * {@code intervalLevel} (from the model's out-of-fold residuals), the model that made it, and (on request) the
 * trajectory over every cycle seen.
 */
public record UnitRul(String unit, int cycles, Instant lastCycleAt, double rul, double lower, double upper,
        double intervalLevel, UUID modelId, String modelVersion, String modelKind, String dataFingerprint,
        List<RulPoint> trajectory) {
}
