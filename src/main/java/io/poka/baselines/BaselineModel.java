package io.poka.baselines;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored baseline model as other modules and the comparison see it: who it is, how good, how fast, on which data.
 *
 * @param modelVersion e.g. {@code steel-plates@v3}
 * @param metrics headline metrics (classification: accuracy, balancedAccuracy, macroF1; regression: rmse, mae,
 *        rmseOfPredictingTrainMean)
 * @param dataFingerprint SHA-256 of the canonical data set
 * @param rowsPerSecond scoring throughput measured at evaluation
 */
public record BaselineModel(UUID id, String modelVersion, String dataset, String task, String trainer,
        Map<String, Object> metrics, String dataFingerprint, long trainingMs, double rowsPerSecond, Instant createdAt,
        String createdBy) {
}
