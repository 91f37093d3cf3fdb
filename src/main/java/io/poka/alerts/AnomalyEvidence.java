package io.poka.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An anomaly detection in an incident: the model and version that scored it, its score against the threshold. */
public record AnomalyEvidence(UUID anomalyId, UUID modelId, int modelVersion, double score, double threshold,
        Instant observedAt, List<String> topVariables, String severity) {
}
