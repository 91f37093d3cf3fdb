package io.poka.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident: the signals (SPC rule firings and anomaly detections) of one line that overlap in time, with its
 * triage state.
 *
 * @param status OPEN, ACKNOWLEDGED or RESOLVED
 * @param severity HIGH, MEDIUM or LOW (the maximum of its signals)
 * @param assignee the user the incident is assigned to, or null
 * @param summary one line for people: severity, top variables, signal count
 */
public record IncidentView(UUID id, String line, String status, String severity, Instant firstSignalAt,
        Instant lastSignalAt, Instant acknowledgedAt, String acknowledgedBy, String assignee, String summary) {
}
