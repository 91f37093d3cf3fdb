package io.poka.notifications.internal;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One message owed to one recipient about one change of an incident, and how sending it went.
 *
 * @param kind OPENED (first notice), ACKNOWLEDGED, ASSIGNED, RESOLVED, FALSE_ALARM or ESCALATED
 * @param status PENDING (waiting for its next attempt, or for its escalation time), SENT, FAILED (dead-lettered
 *        after poka.notifications.max-attempts), SKIPPED (e-mail is off) or CANCELLED (an escalation made moot by an
 *        acknowledgement, or a deleted subscription)
 * @param lastError why the last attempt failed, was skipped or cancelled
 */
@Schema(name = "NotificationDelivery")
public record DeliveryView(UUID id, UUID subscriptionId, UUID incidentId, String line, String kind, String channel,
        String recipient, String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, String lastError,
        Instant sentAt, Instant createdAt) {
}
