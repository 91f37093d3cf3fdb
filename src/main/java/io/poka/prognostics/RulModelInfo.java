package io.poka.prognostics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored RUL model version with its provenance: data, window, cap, hyperparameters and validation by unit;
 * {@code served} tells whether it is the one serving RUL now (promoted by a user, who, when and why, or else the best
 * cross-validated RMSE among models validated on the same data and folds); {@code source} names the plant data and
 * columns it was trained on (null for C-MAPSS FD001).
 */
public record RulModelInfo(UUID id, String modelVersion, String kind, String dataset, String dataFingerprint, int units,
        List<String> sensors, int window, int cap, RulHyperparameters hyperparameters, RulValidation validation,
        String provenance, long trainingMs, String modelSha256, Instant createdAt, String createdBy, boolean served,
        Instant promotedAt, String promotedBy, String promotionReason, RulSourceSpec source) {
}
