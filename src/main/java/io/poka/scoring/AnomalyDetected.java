package io.poka.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A streamed row scored above its model's threshold. Published through the quality-events outbox (type
 * {@code AnomalyDetected}, key = line) and fired as a CDI event after commit for in-process observers (alerts).
 *
 * @param anomalyId name-based on line, model id and row time when the row has a time (the same row flagged again is
 *        the same anomaly, published once), random otherwise; also the outbox event's id
 * @param observedAt time of the row, when the caller supplied one
 */
public record AnomalyDetected(UUID anomalyId, String line, UUID modelId, int modelVersion, double score,
        double threshold, String trainingFingerprint, List<Contribution> topContributors, Instant observedAt,
        Instant detectedAt) {
}
