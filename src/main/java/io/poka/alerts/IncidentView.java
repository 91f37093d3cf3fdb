package io.poka.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident: the signals (SPC rule firings and anomaly detections) of one line that overlap in time, with its
 * triage state.
 *
 * @param status OPEN, ACKNOWLEDGED, RESOLVED or MERGED (into {@code mergedInto})
 * @param severity HIGH, MEDIUM or LOW (the maximum of its signals)
 * @param assignee the user the incident is assigned to, or null
 * @param summary one line for people: severity, line and top variables
 * @param cause the root cause (or, for a false alarm, the note why) given at resolution
 * @param label TRUE_POSITIVE or FALSE_ALARM once resolved
 * @param signalCount violations and anomaly detections in it
 * @param topVariables the variables ranked by contribution, at most five
 * @param mergedInto the incident this one merged into when it came to overlap it (status MERGED), else null
 * @param supersededBy the incident a new episode's onset opened beside this one (several variables began signalling
 *     at once after this incident had been confined to a few): this one takes no more signals but stays to be
 *     resolved; else null
 */
public record IncidentView(UUID id, String line, String status, String severity, Instant firstSignalAt,
        Instant lastSignalAt, Instant acknowledgedAt, String acknowledgedBy, String assignee, String summary,
        Instant openedAt, Instant assignedAt, String assignedBy, Instant resolvedAt, String resolvedBy, String cause,
        String label, int signalCount, int anomalyCount, List<String> topVariables, UUID mergedInto,
        UUID supersededBy) {
}
