package io.poka.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A streamed row scored above its model's threshold. Published through the quality-events outbox (type
 * {@code AnomalyDetected}, key = line) and fired as a CDI event after commit for in-process observers (alerts).
 *
 * @param observedAt time of the row, when the caller supplied one
 */
public record AnomalyDetected(UUID anomalyId, String line, UUID modelId, int modelVersion, double score,
        double threshold, String trainingFingerprint, List<Contribution> topContributors, Instant observedAt,
        Instant detectedAt) {
}
