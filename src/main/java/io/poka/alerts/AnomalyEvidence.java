package io.poka.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.poka.scoring.Contribution;

/**
 * An anomaly detection in an incident: the model and version that scored it, its score against the threshold, and its
 * top contributing variables with the contributions exactly as the scoring module reported them.
 */
public record AnomalyEvidence(UUID anomalyId, UUID modelId, int modelVersion, double score, double threshold,
        Instant observedAt, List<String> topVariables, String severity, List<Contribution> topContributors) {
}
