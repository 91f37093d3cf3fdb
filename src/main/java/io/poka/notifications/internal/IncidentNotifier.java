package io.poka.notifications.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.alerts.IncidentChanged;
import io.poka.platform.RecordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the deliveries an incident change owes, in the transaction of the change (durable with it: a crash after the
 * commit loses no message, a rollback sends none): the first notice to each subscription whose line and minimum
 * severity the incident meets, follow-ups to recipients already told, and the escalation, due later and cancelled
 * here as soon as the incident is acknowledged.
 */
@ApplicationScoped
class IncidentNotifier {
    static final String OPENED = "OPENED";
    static final String ESCALATED = "ESCALATED";
    /** Changes that may be notified as follow-ups of the first notice. */
    static final Set<String> FOLLOW_UPS = Set.of("ACKNOWLEDGED", "ASSIGNED", "RESOLVED", "FALSE_ALARM");

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final NotificationsConfig config;
    private final Event<RecordChanged> changes;
    private final ObjectMapper json;
    private final Clock clock;

    IncidentNotifier(SubscriptionStore subscriptions, DeliveryStore deliveries, NotificationsConfig config,
            Event<RecordChanged> changes, ObjectMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.config = config;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
    }

    void onIncidentChanged(@Observes(during = TransactionPhase.IN_PROGRESS) IncidentChanged e) {
        if (!"OPEN".equals(e.status())) {
            cancelEscalations(e);
        }
        boolean notice = OPENED.equals(e.change()) || "UPDATED".equals(e.change());
        if (!notice && !FOLLOW_UPS.contains(e.change())) {
            return;
        }
        for (StoredSubscription s : subscriptions.watching(e.line())) {
            SubscriptionView sub = s.view();
            if (notice) {
                firstNotice(sub, e);
            } else if (sub.changes().contains(e.change())) {
                UUID id = UUID.randomUUID();
                deliveries.enqueueFollowUp(delivery(id, sub, e, e.change(), sub.target(), clock.instant(), null));
            }
        }
    }

    private void firstNotice(SubscriptionView sub, IncidentChanged e) {
        if (!Severities.meets(e.severity(), sub.minSeverity())) {
            return;
        }
        Instant now = clock.instant();
        Optional<UUID> told = deliveries.enqueue(delivery(UUID.randomUUID(), sub, e, OPENED, sub.target(), now, null));
        if (told.isPresent() && sub.escalationTarget() != null && "OPEN".equals(e.status())) {
            Duration after = sub.escalateAfter() != null ? sub.escalateAfter() : config.escalateAfter();
            deliveries.enqueue(delivery(UUID.randomUUID(), sub, e, ESCALATED, sub.escalationTarget(),
                    now.plus(after), after));
        }
    }

    private DeliveryStore.NewDelivery delivery(UUID id, SubscriptionView sub, IncidentChanged e, String kind,
            String recipient, Instant dueAt, Duration unacknowledgedFor) {
        String link = config.incidentLink().map(t -> t.replace("{id}", e.incidentId().toString())).orElse(null);
        Notice notice = Notice.of(id, sub.id(), kind, e, unacknowledgedFor, link);
        try {
            return new DeliveryStore.NewDelivery(id, sub.id(), e.incidentId(), e.line(), kind, sub.channel(),
                    recipient, dueAt, clock.instant(), json.writeValueAsString(notice));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a notice is plain data", ex);
        }
    }

    private void cancelEscalations(IncidentChanged e) {
        String reason = "incident " + e.status().toLowerCase(java.util.Locale.ROOT) + " by " + e.actor() + " at "
                + e.occurredAt() + " before the escalation was due";
        for (DeliveryView pending : deliveries.pending(e.incidentId(), ESCALATED)) {
            deliveries.markEnded(pending.id(), "CANCELLED", reason);
            DeliveryView after = deliveries.find(pending.id(), false).orElseThrow();
            changes.fire(new RecordChanged(DeliveryWorker.ENTITY, pending.id().toString(), "CANCELLED", pending,
                    after, reason));
        }
    }
}
