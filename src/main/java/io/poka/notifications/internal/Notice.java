package io.poka.notifications.internal;

import io.poka.alerts.IncidentChanged;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of one notification: the webhook's JSON (signed as sent) and the facts of the e-mail. It is built once,
 * when the delivery is written, so every retry sends the same bytes and receivers can deduplicate on deliveryId.
 *
 * @param kind OPENED (first notice to this recipient), a follow-up (ACKNOWLEDGED, ASSIGNED, RESOLVED, FALSE_ALARM) or
 *        ESCALATED
 * @param change the incident change that caused it (an UPDATED change raises the first notice when the incident's
 *        severity first meets the subscription's minimum)
 * @param unacknowledgedFor for ESCALATED, how long the incident had gone unacknowledged; else null
 * @param link the incident's address for people (poka.notifications.incident-link), or null
 */
public record Notice(UUID deliveryId, UUID subscriptionId, String kind, Incident incident, Change change,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration unacknowledgedFor, String link) {

    /** The incident at the time of the change. */
    public record Incident(UUID id, String line, String severity, String status, Instant firstSignalAt,
            Instant lastSignalAt, String summary) {
    }

    /** The change that caused the notice: its type, who made it and when. */
    public record Change(String type, String actor, Instant occurredAt) {
    }

    static Notice of(UUID deliveryId, UUID subscriptionId, String kind, IncidentChanged e, Duration unacknowledgedFor,
            String link) {
        return new Notice(deliveryId, subscriptionId, kind, new Incident(e.incidentId(), e.line(), e.severity(),
                e.status(), e.firstSignalAt(), e.lastSignalAt(), e.summary()),
                new Change(e.change(), e.actor(), e.occurredAt()), unacknowledgedFor, link);
    }

    /** The e-mail subject, e.g. "[Poka] HIGH incident on line L1: opened". */
    String subject() {
        String what = switch (kind) {
            case "OPENED" -> "opened";
            case "ESCALATED" -> "unacknowledged for " + minutes(unacknowledgedFor);
            case "FALSE_ALARM" -> "marked false alarm";
            default -> kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
        return "[Poka] " + incident.severity() + " incident on line " + incident.line() + ": " + what;
    }

    /** The plain-text e-mail body. */
    String text() {
        StringBuilder b = new StringBuilder();
        if ("ESCALATED".equals(kind)) {
            b.append("Nobody has acknowledged this incident for ").append(minutes(unacknowledgedFor))
                    .append(". You are its escalation contact.\n\n");
        }
        b.append(incident.summary() == null ? "" : incident.summary()).append("\n\n");
        b.append("Line:      ").append(incident.line()).append('\n');
        b.append("Severity:  ").append(incident.severity()).append('\n');
        b.append("Status:    ").append(incident.status()).append('\n');
        b.append("Signals:   ").append(incident.firstSignalAt()).append(" to ").append(incident.lastSignalAt())
                .append('\n');
        b.append("Change:    ").append(change.type()).append(" by ").append(change.actor()).append(" at ")
                .append(change.occurredAt()).append('\n');
        b.append("Incident:  ").append(incident.id()).append('\n');
        if (link != null) {
            b.append("Open:      ").append(link).append('\n');
        }
        b.append("\nDelivery ").append(deliveryId).append(" (subscription ").append(subscriptionId).append(")\n");
        return b.toString();
    }

    private static String minutes(Duration d) {
        return d == null ? "a while" : d.toMinutes() + " min";
    }
}
