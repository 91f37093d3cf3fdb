package io.poka.notifications.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.alerts.AlertsApi;
import io.poka.alerts.IncidentView;
import io.poka.platform.RecordChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends the deliveries that are due, one per transaction: the row is claimed with FOR UPDATE SKIP LOCKED and stays
 * locked while it is sent, and its outcome (sent, retry at a backed-off time, dead-lettered, skipped) commits with an
 * audit entry. A sent row is never claimed again, so neither a second worker nor a restart sends it twice; only a
 * crash between the receiver's acceptance and the commit can repeat a message, with the same delivery id.
 */
@ApplicationScoped
public class DeliveryWorker {
    static final String ENTITY = "NotificationDelivery";
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final WebhookChannel webhooks;
    private final EmailChannel email;
    private final AlertsApi alerts;
    private final Event<RecordChanged> changes;
    private final ObjectMapper json;
    private final Clock clock;
    private final NotificationsConfig config;
    private final RetryPolicy retries;

    DeliveryWorker(DeliveryStore store, WebhookChannel webhooks, EmailChannel email, AlertsApi alerts,
            Event<RecordChanged> changes, ObjectMapper json, Clock clock, NotificationsConfig config) {
        this.store = store;
        this.webhooks = webhooks;
        this.email = email;
        this.alerts = alerts;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.retries = RetryPolicy.of(config);
    }

    @Scheduled(every = "${poka.notifications.poll-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        deliverDue();
    }

    /** Sends up to poka.notifications.batch-size due deliveries; returns how many were handled. */
    public int deliverDue() {
        int handled = 0;
        try {
            while (handled < config.batchSize()
                    && QuarkusTransaction.requiringNew().call(this::deliverOne)) {
                handled++;
            }
        } catch (RuntimeException e) {
            LOG.warn("Sending notifications failed; the deliveries stay pending and are retried", e);
        }
        return handled;
    }

    /** Claims, sends and records one due delivery; false when none is due. */
    private boolean deliverOne() {
        Optional<DueDelivery> claimed = store.claimDue(clock.instant());
        if (claimed.isEmpty()) {
            return false;
        }
        DueDelivery due = claimed.get();
        DeliveryView before = due.delivery();
        Optional<String> moot = IncidentNotifier.ESCALATED.equals(before.kind()) ? acknowledged(before) : Optional.empty();
        if (moot.isPresent()) {
            store.markEnded(before.id(), "CANCELLED", moot.get());
            record(before, "CANCELLED", moot.get());
            return true;
        }
        Outcome outcome = send(due);
        Instant at = clock.instant();
        switch (outcome.status()) {
            case "SENT" -> {
                store.markSent(before.id(), at);
                record(before, "SENT", null);
            }
            case "SKIPPED" -> {
                store.markEnded(before.id(), "SKIPPED", outcome.detail());
                record(before, "SKIPPED", outcome.detail());
            }
            default -> {
                Optional<Instant> next = retries.nextAttempt(before.attempts() + 1, at);
                if (next.isPresent()) {
                    store.markRetry(before.id(), at, outcome.detail(), next.get());
                    record(before, "ATTEMPT_FAILED", outcome.detail());
                } else {
                    store.markFailed(before.id(), at, outcome.detail());
                    record(before, "DEAD_LETTERED", outcome.detail());
                    LOG.warnf("Notification %s to %s dead-lettered after %d attempts: %s", before.id(),
                            before.recipient(), before.attempts() + 1, outcome.detail());
                }
            }
        }
        return true;
    }

    /** Why an escalation is moot (the incident is no longer open), read from alerts as a safety net. */
    private Optional<String> acknowledged(DeliveryView escalation) {
        Optional<IncidentView> incident = alerts.incident(escalation.incidentId());
        if (incident.isEmpty() || "OPEN".equals(incident.get().status())) {
            return Optional.empty();
        }
        IncidentView i = incident.get();
        return Optional.of("incident " + i.status().toLowerCase(java.util.Locale.ROOT)
                + (i.acknowledgedBy() == null ? "" : " (acknowledged by " + i.acknowledgedBy() + " at "
                        + i.acknowledgedAt() + ")") + " before the escalation was sent");
    }

    /** One attempt; whatever goes wrong in it is a failed attempt of this delivery, never a stop of the queue. */
    private Outcome send(DueDelivery due) {
        try {
            if ("EMAIL".equals(due.delivery().channel())) {
                return email.send(due, json.readValue(due.payload(), Notice.class));
            }
            return webhooks.send(due);
        } catch (JsonProcessingException | RuntimeException e) {
            return Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void record(DeliveryView before, String action, String reason) {
        DeliveryView after = store.find(before.id(), false).orElseThrow();
        changes.fire(new RecordChanged(ENTITY, before.id().toString(), action, before, after, reason));
    }
}
