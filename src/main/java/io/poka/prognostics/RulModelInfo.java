package io.poka.prognostics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored RUL model version with its provenance: data, window, cap, hyperparameters and validation by unit. */
public record RulModelInfo(UUID id, String modelVersion, String kind, String dataset, String dataFingerprint, int units,
        List<String> sensors, int window, int cap, RulHyperparameters hyperparameters, RulValidation validation,
        String provenance, long trainingMs, String modelSha256, Instant createdAt, String createdBy) {
}
