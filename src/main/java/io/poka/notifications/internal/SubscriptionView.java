package io.poka.notifications.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription as the API and the audit trail show it: everything but the secret, of which only whether one is set
 * and when it last changed are shown.
 *
 * @param escalateAfter the subscription's own escalation delay, or null for the configured default
 */
@Schema(name = "NotificationSubscription")
public record SubscriptionView(UUID id, String name, String line, String minSeverity, String channel, String target,
        List<String> changes, String escalationTarget, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration escalateAfter, boolean secretSet,
        Instant secretUpdatedAt, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
