package io.poka.alerts.internal;

import io.poka.alerts.AlertView;
import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.QualityEvents;
import io.poka.platform.RecordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * People's transitions of one alert (acknowledge, resolve as true positive or false alarm), each audited and published;
 * shared by the alert endpoints and the incident actions, which apply them to an incident's alerts. Runs in the
 * caller's transaction.
 */
@ApplicationScoped
class AlertActions {
    private final AlertStore store;
    private final QualityEvents qualityEvents;
    private final Event<RecordChanged> changes;
    private final Clock clock;

    AlertActions(AlertStore store, QualityEvents qualityEvents, Event<RecordChanged> changes,
            Clock clock) {
        this.store = store;
        this.qualityEvents = qualityEvents;
        this.changes = changes;
        this.clock = clock;
    }

    /** OPEN -> ACKNOWLEDGED; 409 otherwise. */
    AlertView acknowledge(UUID id, String user) {
        AlertView before = locked(id);
        if (!before.status().equals("OPEN")) {
            throw illegal(before, "acknowledge");
        }
        store.acknowledge(id, clock.instant(), user);
        return changed(before, "ACKNOWLEDGED", null, "AlertAcknowledged");
    }

    /** OPEN or ACKNOWLEDGED -> RESOLVED with the root cause (or the false-alarm note) and the label; 409 otherwise. */
    AlertView resolve(UUID id, String rootCause, boolean falseAlarm, String user) {
        AlertView before = locked(id);
        if (before.status().equals("RESOLVED")) {
            throw illegal(before, falseAlarm ? "mark as false alarm" : "resolve");
        }
        store.resolve(id, clock.instant(), user, rootCause,
                falseAlarm ? AlertService.FALSE_ALARM : AlertService.TRUE_POSITIVE);
        return changed(before, falseAlarm ? "MARKED_FALSE_ALARM" : "RESOLVED", rootCause, "AlertResolved");
    }

    private AlertView changed(AlertView before, String action, String reason, String eventType) {
        AlertView after = store.find(before.id(), false).orElseThrow();
        changes.fire(new RecordChanged(AlertService.ENTITY, before.id().toString(), action, before, after, reason));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("alertId", after.id());
        event.put("status", after.status());
        event.put("severity", after.severity());
        if (after.label() != null) {
            event.put("label", after.label());
        }
        event.put("at", clock.instant());
        qualityEvents.publish(eventType, after.line() + "/" + after.variable(), event);
        return after;
    }

    private AlertView locked(UUID id) {
        return store.find(id, true).orElseThrow(() -> new NotFoundProblem(AlertService.ENTITY, id));
    }

    private static ConflictProblem illegal(AlertView alert, String action) {
        return new ConflictProblem("alerts/illegal-transition",
                "cannot " + action + " alert " + alert.id() + " in status " + alert.status());
    }
}
