package io.poka.alerts.internal;

import io.poka.alerts.AlertPage;
import io.poka.alerts.AlertQuery;
import io.poka.alerts.AlertRaised;
import io.poka.alerts.AlertView;
import io.poka.alerts.AlertsApi;
import io.poka.alerts.IncidentDetail;
import io.poka.alerts.IncidentPage;
import io.poka.alerts.IncidentQuery;
import io.poka.alerts.IncidentView;
import io.poka.alerts.OpenAlertCount;
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
import java.util.IdentityHashMap;
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
    private static final List<String> STATUSES = List.of("OPEN", "ACKNOWLEDGED", "RESOLVED", IncidentService.UNRESOLVED);
    private static final List<String> LABELS = List.of(FALSE_ALARM, TRUE_POSITIVE);

    private final AlertStore store;
    private final AlertActions actions;
    private final IncidentService incidents;
    private final QualityEvents qualityEvents;
    private final Event<AlertRaised> alertRaised;
    private final Event<RecordChanged> changes;
    private final Clock clock;

    AlertService(AlertStore store, AlertActions actions, IncidentService incidents, QualityEvents qualityEvents,
            Event<AlertRaised> alertRaised, Event<RecordChanged> changes, Clock clock) {
        this.store = store;
        this.actions = actions;
        this.incidents = incidents;
        this.qualityEvents = qualityEvents;
        this.alertRaised = alertRaised;
        this.changes = changes;
        this.clock = clock;
    }

    /** One ongoing condition: a rule on one chart of one variable. A record key reuses the strings' cached hashes. */
    private record Condition(String line, String variable, String chart, String ruleId) {
    }

    /**
     * Folds a batch: one upsert per (chart, rule) condition in it, however many points violated; then its violations
     * join their lines' incidents. The lines are locked first (in name order), so incident actions, which take the
     * same lock before touching alerts, cannot deadlock with the stream.
     */
    void onViolations(@Observes RuleViolations batch) {
        Map<Condition, List<RuleViolated>> byCondition = new LinkedHashMap<>();
        for (RuleViolated v : batch.violations()) {
            byCondition.computeIfAbsent(new Condition(v.line(), v.variable(), v.chart(), v.ruleId()),
                    k -> new ArrayList<>()).add(v);
        }
        incidents.lockLines(byCondition.keySet().stream().map(Condition::line).toList());
        Instant now = clock.instant();
        Map<RuleViolated, UUID> alertOf = new IdentityHashMap<>();
        for (List<RuleViolated> condition : byCondition.values()) {
            UUID alertId = fold(condition, now);
            condition.forEach(v -> alertOf.put(v, alertId));
        }
        incidents.onRuleViolations(batch.violations(), alertOf::get, now);
    }

    private UUID fold(List<RuleViolated> condition, Instant now) {
        RuleViolated v = condition.get(0);
        Instant lastPoint = condition.stream().map(x -> x.pointTimes().get(x.pointTimes().size() - 1))
                .max(Instant::compareTo).orElseThrow();
        Severity severity = Severity.of(v.chart(), v.ruleId());
        AlertStore.Folded folded = store.fold(v, severity, condition.size(), lastPoint, now);
        if (!folded.raised()) {
            return folded.alertId();
        }
        AlertRaised raised = new AlertRaised(folded.alertId(), v.line(), v.variable(), v.chart(), v.ruleId(),
                v.ruleDescription(), v.limitsVersion(), v.pointTimes(), now, severity.name());
        changes.fire(new RecordChanged(ENTITY, folded.alertId().toString(), "RAISED", null, raised, null));
        qualityEvents.publish("AlertRaised", v.line() + "/" + v.variable(), raised);
        alertRaised.fire(raised);
        return folded.alertId();
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
        validate(query);
        return store.list(query);
    }

    @Override
    @Transactional
    public AlertPage alertPage(AlertQuery query) {
        validate(query);
        return new AlertPage(store.list(query), query.page(), query.limit(), store.count(query));
    }

    private static void validate(AlertQuery query) {
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        oneOf(errors, "status", query.status(), STATUSES);
        oneOf(errors, "severity", query.severity(), Arrays.stream(Severity.values()).map(Enum::name).toList());
        oneOf(errors, "label", query.label(), LABELS);
        if (query.limit() < 1 || query.limit() > 1000) {
            errors.add(new ValidationProblem.FieldError("limit", "must be between 1 and 1000"));
        }
        if (query.page() < 0 || query.page() > 1_000_000) {
            errors.add(new ValidationProblem.FieldError("page", "must be between 0 and 1000000"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("invalid alert query", errors);
        }
    }

    static void oneOf(List<ValidationProblem.FieldError> errors, String field, String value,
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
        return incidents.incident(id);
    }

    @Override
    @Transactional
    public Optional<IncidentDetail> incidentDetail(UUID id) {
        return incidents.detail(id);
    }

    @Override
    @Transactional
    public IncidentPage incidents(IncidentQuery query) {
        return incidents.list(query);
    }

    @Override
    @Transactional
    public Optional<AnomalySignal> anomaly(UUID anomalyId) {
        return incidents.anomaly(anomalyId);
    }

    /** OPEN -> ACKNOWLEDGED (409 otherwise), audited and published. */
    @Transactional
    public AlertView acknowledge(UUID id, String user) {
        return actions.acknowledge(id, user);
    }

    /**
     * Acknowledges several open alerts at once, all or nothing: an unknown id is 404, one not OPEN is 409 naming it,
     * and then none is acknowledged.
     */
    @Transactional
    public List<AlertView> acknowledgeAll(List<UUID> ids, String user) {
        ActionInputs.ids(ids);
        return ids.stream().distinct().map(id -> actions.acknowledge(id, user)).toList();
    }

    /**
     * Resolves an open or acknowledged alert. The resolution labels it for retraining: a false alarm (no assignable
     * cause; {@code rootCause} is then the note why) or a true positive.
     */
    @Transactional
    public AlertView resolve(UUID id, String rootCause, boolean falseAlarm, String user) {
        ActionInputs.text(falseAlarm ? "note" : "rootCause", rootCause);
        return actions.resolve(id, rootCause, falseAlarm, user);
    }
}
