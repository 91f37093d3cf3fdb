package io.poka.notifications.internal;

import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a client sends to create or replace a subscription. The secret is write-only: it signs the webhook calls and
 * is never returned; on a replace, leaving it out keeps the current one.
 */
@Schema(name = "NotificationSubscriptionRequest")
public record SubscriptionRequest(
        @Schema(description = "Name people recognise", example = "Line L1 quality on call") String name,
        @Schema(description = "Line watched; absent or null: every line", example = "L1") String line,
        @Schema(description = "Least severity notified: HIGH, MEDIUM or LOW", example = "MEDIUM") String minSeverity,
        @Schema(description = "EMAIL or WEBHOOK", example = "WEBHOOK") String channel,
        @Schema(description = "E-mail address, or the http(s) URL the webhook is posted to",
                example = "https://hooks.example.com/poka") String target,
        @Schema(description = "WEBHOOK only, required on create (16 to 256 characters): the HMAC-SHA256 key of the "
                + "Poka-Signature header. Never returned.", writeOnly = true) String secret,
        @Schema(description = "Changes notified; must include OPENED. Follow-ups (ACKNOWLEDGED, ASSIGNED, RESOLVED, "
                + "FALSE_ALARM) go only to recipients told of the incident. Default [OPENED].",
                example = "[\"OPENED\", \"RESOLVED\"]") List<String> changes,
        @Schema(description = "Second recipient (same channel) told once when an incident stays unacknowledged",
                example = "https://hooks.example.com/poka-shift-lead") String escalationTarget,
        @Schema(description = "ISO-8601 duration after the first notice before escalating; absent: "
                + "poka.notifications.escalate-after", example = "PT30M") Duration escalateAfter) {
}
