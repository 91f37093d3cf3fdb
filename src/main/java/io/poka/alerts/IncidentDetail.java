package io.poka.alerts;

import java.util.List;

/**
 * An incident with its evidence: the variables ranked by contribution, its alerts (most severe first, at most 200 of
 * {@code alertCount}; all through the alert list filtered by incident) and its newest anomaly detections (at most 50).
 */
public record IncidentDetail(IncidentView incident, List<IncidentVariable> variables, List<AlertView> alerts,
        long alertCount, List<AnomalyEvidence> anomalies) {
}
