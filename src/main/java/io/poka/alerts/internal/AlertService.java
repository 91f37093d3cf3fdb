package io.poka.alerts.internal;

import io.poka.alerts.AlertRaised;
import io.poka.alerts.AlertView;
import io.poka.alerts.AlertsApi;
import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.QualityEvents;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.spc.RuleViolated;
import io.poka.spc.RuleViolations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns rule violations into alerts, in the transaction that stored them: the first violation of a chart and rule
 * raises an alert (stored, fired as {@link AlertRaised}, published as quality event AlertRaised); later ones attach
 * to it until it is resolved. People acknowledge and resolve alerts (resolution needs a root cause).
 */
@ApplicationScoped
public class AlertService implements AlertsApi {
    static final String ENTITY = "Alert";

    private final AlertStore store;
    private final QualityEvents qualityEvents;
    private final Event<AlertRaised> alertRaised;
    private final Event<RecordChanged> changes;
    private final Clock clock;

    AlertService(AlertStore store, QualityEvents qualityEvents, Event<AlertRaised> alertRaised,
            Event<RecordChanged> changes, Clock clock) {
        this.store = store;
        this.qualityEvents = qualityEvents;
        this.alertRaised = alertRaised;
        this.changes = changes;
        this.clock = clock;
    }

    /** Folds a batch: one upsert per (chart, rule) condition in it, however many points violated. */
    void onViolations(@Observes RuleViolations batch) {
        Map<String, List<RuleViolated>> byCondition = new LinkedHashMap<>();
        for (RuleViolated v : batch.violations()) {
            byCondition.computeIfAbsent(v.line() + '\u0000' + v.variable() + '\u0000' + v.chart() + '\u0000' + v.ruleId(),
                    k -> new ArrayList<>()).add(v);
        }
        Instant now = clock.instant();
        for (List<RuleViolated> condition : byCondition.values()) {
            fold(condition, now);
        }
    }

    private void fold(List<RuleViolated> condition, Instant now) {
        RuleViolated v = condition.get(0);
        Instant lastPoint = condition.stream().map(x -> x.pointTimes().get(x.pointTimes().size() - 1))
                .max(Instant::compareTo).orElseThrow();
        AlertStore.Folded folded = store.fold(v, condition.size(), lastPoint, now);
        if (!folded.raised()) {
            return;
        }
        AlertRaised raised = new AlertRaised(folded.alertId(), v.line(), v.variable(), v.chart(), v.ruleId(),
                v.ruleDescription(), v.limitsVersion(), v.pointTimes(), now);
        changes.fire(new RecordChanged(ENTITY, folded.alertId().toString(), "RAISED", null, raised, null));
        qualityEvents.publish("AlertRaised", v.line() + "/" + v.variable(), raised);
        alertRaised.fire(raised);
    }

    @Override
    @Transactional
    public Optional<AlertView> alert(UUID id) {
        return store.find(id, false);
    }

    @Override
    @Transactional
    public List<AlertView> unresolved() {
        return store.unresolved();
    }

    @Transactional
    public List<AlertView> list(String status, String line, int limit) {
        if (status != null && !List.of("OPEN", "ACKNOWLEDGED", "RESOLVED").contains(status)) {
            throw new ValidationProblem("status", "must be OPEN, ACKNOWLEDGED or RESOLVED");
        }
        return store.list(status, line, limit);
    }

    @Transactional
    public AlertView acknowledge(UUID id, String user) {
        AlertView before = locked(id);
        if (!before.status().equals("OPEN")) {
            throw illegal(before, "acknowledge");
        }
        store.acknowledge(id, clock.instant(), user);
        return changed(before, "ACKNOWLEDGED", null, "AlertAcknowledged");
    }

    @Transactional
    public AlertView resolve(UUID id, String rootCause, String user) {
        if (rootCause == null || rootCause.isBlank() || rootCause.length() > 4000) {
            throw new ValidationProblem("rootCause", "is required (at most 4000 characters)");
        }
        AlertView before = locked(id);
        if (before.status().equals("RESOLVED")) {
            throw illegal(before, "resolve");
        }
        store.resolve(id, clock.instant(), user, rootCause);
        return changed(before, "RESOLVED", rootCause, "AlertResolved");
    }

    private AlertView changed(AlertView before, String action, String reason, String eventType) {
        AlertView after = store.find(before.id(), false).orElseThrow();
        changes.fire(new RecordChanged(ENTITY, before.id().toString(), action, before, after, reason));
        qualityEvents.publish(eventType, after.line() + "/" + after.variable(),
                Map.of("alertId", after.id(), "status", after.status(), "at", clock.instant()));
        return after;
    }

    private AlertView locked(UUID id) {
        return store.find(id, true).orElseThrow(() -> new NotFoundProblem(ENTITY, id));
    }

    private static ConflictProblem illegal(AlertView alert, String action) {
        return new ConflictProblem("alerts/illegal-transition",
                "cannot " + action + " alert " + alert.id() + " in status " + alert.status());
    }
}
