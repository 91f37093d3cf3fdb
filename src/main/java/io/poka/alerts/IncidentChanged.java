package io.poka.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of an incident (the signals of one line that overlap in time), fired as a CDI event in the same
 * transaction as the change (observers use AFTER_SUCCESS), so notifications react only to committed changes.
 *
 * @param change OPENED, UPDATED, ACKNOWLEDGED, ASSIGNED, RESOLVED or FALSE_ALARM
 * @param severity HIGH, MEDIUM or LOW (the maximum of its signals)
 * @param status OPEN, ACKNOWLEDGED or RESOLVED
 * @param actor the user who acted, or "system" for signals
 */
public record IncidentChanged(UUID incidentId, String line, String change, String severity, String status,
        Instant firstSignalAt, Instant lastSignalAt, String summary, String actor, Instant occurredAt) {
}
