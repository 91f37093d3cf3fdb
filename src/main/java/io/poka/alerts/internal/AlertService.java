package io.poka.alerts.internal;

import io.poka.alerts.AlertQuery;
import io.poka.alerts.AlertRaised;
import io.poka.alerts.AlertView;
import io.poka.alerts.AlertsApi;
import io.poka.alerts.IncidentView;
import io.poka.alerts.OpenAlertCount;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns rule violations into alerts, in the transaction that stored them: the first violation of a chart and rule
 * raises an alert (stored, fired as {@link AlertRaised}, published as quality event AlertRaised); later ones attach
 * to it until it is resolved. People acknowledge and resolve alerts (resolution needs a root cause and labels the
 * alert a true positive or a false alarm, the feedback retraining reads).
 */
@ApplicationScoped
public class AlertService implements AlertsApi {
    static final String ENTITY = "Alert";
    static final String FALSE_ALARM = "FALSE_ALARM";
    static final String TRUE_POSITIVE = "TRUE_POSITIVE";
    private static final List<String> STATUSES = List.of("OPEN", "ACKNOWLEDGED", "RESOLVED");
    private static final List<String> LABELS = List.of(FALSE_ALARM, TRUE_POSITIVE);

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

    /** One ongoing condition: a rule on one chart of one variable. A record key reuses the strings' cached hashes. */
    private record Condition(String line, String variable, String chart, String ruleId) {
    }

    /** Folds a batch: one upsert per (chart, rule) condition in it, however many points violated. */
    void onViolations(@Observes RuleViolations batch) {
        Map<Condition, List<RuleViolated>> byCondition = new LinkedHashMap<>();
        for (RuleViolated v : batch.violations()) {
            byCondition.computeIfAbsent(new Condition(v.line(), v.variable(), v.chart(), v.ruleId()),
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
        Severity severity = Severity.of(v.chart(), v.ruleId());
        AlertStore.Folded folded = store.fold(v, severity, condition.size(), lastPoint, now);
        if (!folded.raised()) {
            return;
        }
        AlertRaised raised = new AlertRaised(folded.alertId(), v.line(), v.variable(), v.chart(), v.ruleId(),
                v.ruleDescription(), v.limitsVersion(), v.pointTimes(), now, severity.name());
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

    @Override
    @Transactional
    public List<AlertView> alerts(AlertQuery query) {
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        oneOf(errors, "status", query.status(), STATUSES);
        oneOf(errors, "severity", query.severity(), Arrays.stream(Severity.values()).map(Enum::name).toList());
        oneOf(errors, "label", query.label(), LABELS);
        if (query.limit() < 1 || query.limit() > 1000) {
            errors.add(new ValidationProblem.FieldError("limit", "must be between 1 and 1000"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("invalid alert query", errors);
        }
        return store.list(query);
    }

    private static void oneOf(List<ValidationProblem.FieldError> errors, String field, String value,
            List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(new ValidationProblem.FieldError(field, "must be one of " + String.join(", ", allowed)));
        }
    }

    @Override
    @Transactional
    public List<OpenAlertCount> openAlertCounts() {
        return store.openCounts();
    }

    @Override
    @Transactional
    public Optional<IncidentView> incident(UUID id) {
        return Optional.empty();
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

    /**
     * Resolves an open or acknowledged alert. The resolution labels it for retraining: a false alarm (no assignable
     * cause; {@code rootCause} is then the note why) or a true positive.
     */
    @Transactional
    public AlertView resolve(UUID id, String rootCause, boolean falseAlarm, String user) {
        String field = falseAlarm ? "note" : "rootCause";
        if (rootCause == null || rootCause.isBlank() || rootCause.length() > 4000) {
            throw new ValidationProblem(field, "is required (at most 4000 characters)");
        }
        AlertView before = locked(id);
        if (before.status().equals("RESOLVED")) {
            throw illegal(before, falseAlarm ? "mark as false alarm" : "resolve");
        }
        store.resolve(id, clock.instant(), user, rootCause, falseAlarm ? FALSE_ALARM : TRUE_POSITIVE);
        return changed(before, falseAlarm ? "MARKED_FALSE_ALARM" : "RESOLVED", rootCause, "AlertResolved");
    }

    private AlertView changed(AlertView before, String action, String reason, String eventType) {
        AlertView after = store.find(before.id(), false).orElseThrow();
        changes.fire(new RecordChanged(ENTITY, before.id().toString(), action, before, after, reason));
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
        return store.find(id, true).orElseThrow(() -> new NotFoundProblem(ENTITY, id));
    }

    private static ConflictProblem illegal(AlertView alert, String action) {
        return new ConflictProblem("alerts/illegal-transition",
                "cannot " + action + " alert " + alert.id() + " in status " + alert.status());
    }
}
