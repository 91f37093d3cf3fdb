package io.poka.notifications.internal;

import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The delivery status people read (pending, sent, failed with the last error and attempts) and the manual retry. */
@ApplicationScoped
class DeliveryService {
    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "FAILED", "SKIPPED", "CANCELLED");
    private static final Set<String> KINDS = Set.of("OPENED", "ACKNOWLEDGED", "ASSIGNED", "RESOLVED", "FALSE_ALARM",
            IncidentNotifier.ESCALATED);

    /** One page of deliveries, newest first; {@code page} counts from 0. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "NotificationDeliveryPage")
    record Page(List<DeliveryView> items, int page, int size, long total) {
    }

    private final DeliveryStore store;
    private final Event<RecordChanged> changes;
    private final Clock clock;

    DeliveryService(DeliveryStore store, Event<RecordChanged> changes, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    Page list(DeliveryStore.Filter filter, int page, int size) {
        if (filter.status() != null && !STATUSES.contains(filter.status())) {
            throw new ValidationProblem("status", "must be one of PENDING, SENT, FAILED, SKIPPED, CANCELLED");
        }
        if (filter.kind() != null && !KINDS.contains(filter.kind())) {
            throw new ValidationProblem("kind",
                    "must be one of OPENED, ACKNOWLEDGED, ASSIGNED, RESOLVED, FALSE_ALARM, ESCALATED");
        }
        return new Page(store.list(filter, page * size, size), page, size, store.count(filter));
    }

    @Transactional
    DeliveryView get(UUID id) {
        return store.find(id, false).orElseThrow(() -> new NotFoundProblem(DeliveryWorker.ENTITY, id));
    }

    /** Gives a dead-lettered delivery a fresh set of attempts, due now (after the receiver was fixed). */
    @Transactional
    DeliveryView retry(UUID id) {
        DeliveryView before = store.find(id, true).orElseThrow(() -> new NotFoundProblem(DeliveryWorker.ENTITY, id));
        if (!"FAILED".equals(before.status())) {
            throw new ConflictProblem("notifications/not-dead-lettered",
                    "delivery " + id + " is " + before.status() + "; only a FAILED (dead-lettered) delivery is retried");
        }
        store.requeue(id, clock.instant());
        DeliveryView after = store.find(id, false).orElseThrow();
        changes.fire(new RecordChanged(DeliveryWorker.ENTITY, id.toString(), "RETRY_REQUESTED", before, after, null));
        return after;
    }
}
