package io.poka.alerts.internal;

import io.poka.alerts.AlertQuery;
import io.poka.alerts.AlertsApi;
import io.poka.alerts.IncidentChanged;
import io.poka.alerts.IncidentDetail;
import io.poka.alerts.IncidentPage;
import io.poka.alerts.IncidentQuery;
import io.poka.alerts.IncidentVariable;
import io.poka.alerts.IncidentView;
import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.QualityEvents;
import io.poka.platform.RecordChanged;
import io.poka.platform.Users;
import io.poka.platform.ValidationProblem;
import io.poka.scoring.AnomalyDetected;
import io.poka.scoring.Contribution;
import io.poka.spc.RuleViolated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.function.Function;

/**
 * Groups the signals of a line (SPC violations, anomaly detections) into incidents and carries people's actions on an
 * incident to its alerts, so a flood of firings is one thing to triage. Grouping runs in the transaction that stored
 * the signals, under a per-line lock, and skips signal ids it has recorded (exactly once under redelivery). An
 * incident's opening and every change of its severity, top variables or status is audited, published as quality event
 * IncidentOpened / IncidentUpdated / IncidentResolved and fired as {@link IncidentChanged}.
 */
@ApplicationScoped
public class IncidentService {
    static final String ENTITY = "Incident";
    static final String UNRESOLVED = "UNRESOLVED";
    static final String SYSTEM = "system";
    /** Top variables stored with an incident; the summary names the first {@link #SUMMARY_VARIABLES}. */
    private static final int TOP_VARIABLES = 5;
    private static final int SUMMARY_VARIABLES = 3;
    private static final int DETAIL_ALERTS = 200;
    private static final int DETAIL_ANOMALIES = 50;
    private static final List<String> STATUSES = List.of("OPEN", "ACKNOWLEDGED", "RESOLVED", "MERGED", UNRESOLVED);

    private final IncidentStore store;
    private final AlertStore alerts;
    private final AlertActions alertActions;
    private final AlertsConfig config;
    private final QualityEvents qualityEvents;
    private final Event<RecordChanged> changes;
    private final Event<IncidentChanged> incidentChanged;
    private final Clock clock;
    private final Users users;

    IncidentService(IncidentStore store, AlertStore alerts, AlertActions alertActions, AlertsConfig config,
            QualityEvents qualityEvents, Event<RecordChanged> changes, Event<IncidentChanged> incidentChanged,
            Clock clock, Users users) {
        this.users = users;
        this.store = store;
        this.alerts = alerts;
        this.alertActions = alertActions;
        this.config = config;
        this.qualityEvents = qualityEvents;
        this.changes = changes;
        this.incidentChanged = incidentChanged;
        this.clock = clock;
    }

    /** Takes the per-line locks of {@code lines} in name order (one order everywhere, so no deadlock). */
    void lockLines(Collection<String> lines) {
        new TreeSet<>(lines).forEach(store::lockLine);
    }

    /**
     * One signal per stored violation (the firings of a pattern going on share one), grouped by line; its time span is
     * that of its firings (each at the newest point of its pattern).
     */
    void onRuleViolations(List<RuleViolated> violations, Function<RuleViolated, UUID> alertOf, Instant now) {
        Map<String, Map<UUID, List<RuleViolated>>> byLine = new LinkedHashMap<>();
        for (RuleViolated v : violations) {
            byLine.computeIfAbsent(v.line(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(v.violationId(), k -> new ArrayList<>()).add(v);
        }
        byLine.forEach((line, rows) -> {
            List<Signal> signals = new ArrayList<>(rows.size());
            for (List<RuleViolated> row : rows.values()) {
                RuleViolated v = row.get(0);
                // a firing happens at its newest point; the older points of its pattern may lie before an earlier gap
                Instant from = null;
                Instant to = null;
                for (RuleViolated x : row) {
                    Instant fired = x.pointTimes().get(x.pointTimes().size() - 1);
                    from = from == null || fired.isBefore(from) ? fired : from;
                    to = to == null || fired.isAfter(to) ? fired : to;
                }
                signals.add(new Signal(v.violationId(), Signal.RULE, v.variable(), alertOf.apply(v),
                        Severity.of(v.chart(), v.ruleId()), row.size(), from, to, null, null, null, null, null));
            }
            record(line, signals, now);
        });
    }

    /** An anomaly detection joins its line's incidents, in the scoring transaction. */
    @Transactional
    void onAnomaly(@Observes AnomalyDetected a) {
        store.lockLine(a.line());
        Instant at = a.observedAt() != null ? a.observedAt() : a.detectedAt();
        record(a.line(), List.of(new Signal(a.anomalyId(), Signal.ANOMALY, null, null,
                Severity.ofAnomaly(a.score(), a.threshold(), config.anomalyHighScoreRatio()), 1, at, at, a.modelId(),
                a.modelVersion(), a.score(), a.threshold(), a.topContributors())), clock.instant());
    }

    /** Places the new signals of one line (the line is locked by the caller). */
    private void record(String line, List<Signal> signals, Instant now) {
        Set<UUID> known = store.known(signals.stream().map(Signal::id).toList());
        Map<UUID, Signal> fresh = new LinkedHashMap<>();
        signals.stream().filter(s -> !known.contains(s.id())).sorted(Comparator.comparing(Signal::from))
                .forEach(s -> fresh.putIfAbsent(s.id(), s));
        if (fresh.isEmpty()) {
            return;
        }
        Instant since = fresh.values().iterator().next().from().minus(config.incidentGap());
        IncidentGrouping grouping = new IncidentGrouping(store.unresolved(line, since), config.incidentGap(),
                new IncidentGrouping.Onset(config.onsetVariables(), config.onsetWindow()), UUID::randomUUID);
        fresh.values().forEach(s -> grouping.announce(s.variable(), s.from()));
        List<IncidentGrouping.Span> spans = new ArrayList<>();
        for (Signal s : fresh.values()) {
            spans.add(grouping.place(s.variable(), s.from(), s.to(), s.severity()));
        }
        grouping.storedMerges().forEach((gone, keep) -> merge(gone.id, keep.id, now));
        Map<IncidentGrouping.Span, List<Signal>> placed = new LinkedHashMap<>();
        int i = 0;
        for (Signal s : fresh.values()) {
            placed.computeIfAbsent(grouping.survivorOf(spans.get(i++)), k -> new ArrayList<>()).add(s);
        }
        placed.forEach((span, list) -> add(line, span, list, now));
        grouping.supersessions().forEach((closed, by) -> supersede(closed.id, by.id, now));
    }

    /**
     * Closes incident {@code closed} to new signals because an onset opened (or went to) {@code by}: audited as
     * SUPERSEDED and published as IncidentUpdated; it stays unresolved for people to resolve or mark a false alarm.
     */
    private void supersede(UUID closed, UUID by, Instant now) {
        IncidentView before = store.find(closed, true).orElseThrow();
        store.supersede(closed, by);
        IncidentView after = store.find(closed, false).orElseThrow();
        changes.fire(new RecordChanged(ENTITY, closed.toString(), "SUPERSEDED", before, after, "a new episode began: "
                + config.onsetVariables() + " or more variables started signalling within " + config.onsetWindow()
                + "; its signals go to incident " + by + " and this one takes no more"));
        publish("IncidentUpdated", "SUPERSEDED", after, SYSTEM, now);
    }

    /**
     * Merges the stored incident {@code gone} into {@code keep} (both of one locked line): its signals, alerts and
     * tallies move, {@code keep} is ranked again; both changes are audited and published as IncidentUpdated.
     */
    private void merge(UUID gone, UUID keep, Instant now) {
        IncidentView goneBefore = store.find(gone, true).orElseThrow();
        IncidentView keepBefore = store.find(keep, true).orElseThrow();
        store.merge(gone, keep);
        Severity severity = Severity.valueOf(keepBefore.severity()).orHigher(Severity.valueOf(goneBefore.severity()));
        boolean anomalies = keepBefore.anomalyCount() + goneBefore.anomalyCount() > 0;
        List<String> top = VariableRanking.rank(store.variables(keep), anomalies).stream().limit(TOP_VARIABLES)
                .map(IncidentVariable::variable).toList();
        store.rank(keep, severity, top, summary(severity, keepBefore.line(), top));
        IncidentView goneAfter = store.find(gone, false).orElseThrow();
        IncidentView keepAfter = store.find(keep, false).orElseThrow();
        changes.fire(new RecordChanged(ENTITY, gone.toString(), "MERGED", goneBefore, goneAfter,
                "merged into incident " + keep + ": their signals came within the incident gap"));
        changes.fire(new RecordChanged(ENTITY, keep.toString(), "MERGED_WITH", keepBefore, keepAfter,
                "incident " + gone + " merged into it: their signals came within the incident gap"));
        publish("IncidentUpdated", "MERGED", goneAfter, SYSTEM, now);
        publish("IncidentUpdated", "MERGED", keepAfter, SYSTEM, now);
    }

    private void add(String line, IncidentGrouping.Span span, List<Signal> signals, Instant now) {
        IncidentView before = span.opened ? null : store.find(span.id, false).orElseThrow();
        if (span.opened) {
            store.open(span.id, line, span.severity, span.first, span.last, now);
        }
        store.addSignals(span.id, signals, now);
        store.linkAlerts(span.id, signals.stream().map(Signal::alertId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        store.addTallies(span.id, tallies(signals));
        int anomalies = (int) signals.stream().filter(Signal::anomaly).count();
        store.widen(span.id, span.first, span.last, signals.size(), anomalies);
        boolean anomaliesInvolved = anomalies > 0 || (before != null && before.anomalyCount() > 0);
        List<String> top = VariableRanking.rank(store.variables(span.id), anomaliesInvolved).stream()
                .limit(TOP_VARIABLES).map(IncidentVariable::variable).toList();
        boolean moved = before == null || span.severity != Severity.valueOf(before.severity())
                || !new HashSet<>(head(top)).equals(new HashSet<>(head(before.topVariables())));
        if (!moved) {
            return;
        }
        store.rank(span.id, span.severity, top, summary(span.severity, line, top));
        IncidentView after = store.find(span.id, false).orElseThrow();
        String change = before == null ? "OPENED" : "UPDATED";
        changes.fire(new RecordChanged(ENTITY, span.id.toString(), change, before, after, null));
        publish(before == null ? "IncidentOpened" : "IncidentUpdated", change, after, SYSTEM, now);
    }

    private static List<String> head(List<String> top) {
        return top.subList(0, Math.min(SUMMARY_VARIABLES, top.size()));
    }

    static String summary(Severity severity, String line, List<String> top) {
        return severity.name() + " on " + line + (top.isEmpty() ? "" : ": " + String.join(", ", head(top)));
    }

    /** Per-variable deltas of a batch: firings by severity for rule signals, contributions for anomalies. */
    private static Collection<IncidentVariable> tallies(List<Signal> signals) {
        Map<String, IncidentVariable> out = new TreeMap<>();
        for (Signal s : signals) {
            if (s.anomaly()) {
                for (Contribution c : s.contributors() == null ? List.<Contribution>of() : s.contributors()) {
                    out.merge(c.variable(), new IncidentVariable(c.variable(), 0, 0, 0, 0, c.value()),
                            IncidentService::sum);
                }
            } else {
                int n = s.firings();
                out.merge(s.variable(), new IncidentVariable(s.variable(), n, s.severity() == Severity.HIGH ? n : 0,
                        s.severity() == Severity.MEDIUM ? n : 0, s.severity() == Severity.LOW ? n : 0, 0),
                        IncidentService::sum);
            }
        }
        return out.values();
    }

    private static IncidentVariable sum(IncidentVariable a, IncidentVariable b) {
        return new IncidentVariable(a.variable(), a.firings() + b.firings(), a.high() + b.high(),
                a.medium() + b.medium(), a.low() + b.low(), a.contribution() + b.contribution());
    }

    Optional<IncidentView> incident(UUID id) {
        return store.find(id, false);
    }

    Optional<IncidentDetail> detail(UUID id) {
        return store.find(id, false).map(i -> {
            AlertQuery evidence = new AlertQuery(null, null, null, null, true, DETAIL_ALERTS, id, 0);
            return new IncidentDetail(i, VariableRanking.rank(store.variables(id), i.anomalyCount() > 0),
                    alerts.list(evidence), alerts.count(evidence), store.anomalies(id, DETAIL_ANOMALIES));
        });
    }

    Optional<AlertsApi.AnomalySignal> anomaly(UUID anomalyId) {
        return store.anomaly(anomalyId);
    }

    IncidentPage list(IncidentQuery q) {
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        AlertService.oneOf(errors, "status", q.status(), STATUSES);
        AlertService.oneOf(errors, "severity", q.severity(),
                Arrays.stream(Severity.values()).map(Enum::name).toList());
        if (q.size() < 1 || q.size() > 500) {
            errors.add(new ValidationProblem.FieldError("size", "must be between 1 and 500"));
        }
        if (q.page() < 0 || q.page() > 1_000_000) {
            errors.add(new ValidationProblem.FieldError("page", "must be between 0 and 1000000"));
        }
        if (q.from() != null && q.to() != null && !q.from().isBefore(q.to())) {
            errors.add(new ValidationProblem.FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("invalid incident query", errors);
        }
        return new IncidentPage(store.list(q), q.page(), q.size(), store.count(q));
    }

    /** OPEN -> ACKNOWLEDGED, with its open alerts; 409 otherwise. */
    @Transactional
    public IncidentView acknowledge(UUID id, String user) {
        IncidentView before = locked(id);
        return acknowledgeLocked(before, user);
    }

    /**
     * Acknowledges several open incidents (and their open alerts), all or nothing: an unknown id is 404, one not OPEN
     * 409, and then nothing changes.
     */
    @Transactional
    public List<IncidentView> acknowledgeAll(List<UUID> ids, String user) {
        ActionInputs.ids(ids);
        List<UUID> sorted = ids.stream().distinct().sorted().toList();
        List<IncidentView> found = sorted.stream()
                .map(id -> store.find(id, false).orElseThrow(() -> new NotFoundProblem(ENTITY, id))).toList();
        lockLines(found.stream().map(IncidentView::line).toList());
        return sorted.stream().map(id -> acknowledgeLocked(store.find(id, true).orElseThrow(), user)).toList();
    }

    private IncidentView acknowledgeLocked(IncidentView before, String user) {
        if (!before.status().equals("OPEN")) {
            throw illegal(before, "acknowledge");
        }
        for (UUID alert : store.alertIds(before.id(), "OPEN")) {
            alertActions.acknowledge(alert, user);
        }
        store.acknowledge(before.id(), clock.instant(), user);
        return changed(before, "ACKNOWLEDGED", "ACKNOWLEDGED", null, "IncidentUpdated", user);
    }

    /**
     * Assigns an unresolved incident to a user (again, to change the assignee); 422 when the assignee is no enabled
     * user, 409 on a resolved one.
     */
    @Transactional
    public IncidentView assign(UUID id, String assignee, String user) {
        String to = ActionInputs.text("assignee", assignee == null ? null : assignee.strip(), 200);
        if (!users.isActive(to)) {
            throw new UnknownAssignee(to);
        }
        IncidentView before = locked(id);
        if (!List.of("OPEN", "ACKNOWLEDGED").contains(before.status())) {
            throw illegal(before, "assign");
        }
        store.assign(id, to, clock.instant(), user);
        return changed(before, "ASSIGNED", "ASSIGNED", "assigned to " + to, "IncidentUpdated", user);
    }

    /**
     * Resolves an open or acknowledged incident and its unresolved alerts with the cause: a true positive, or a false
     * alarm (the cause is then the note why there was no assignable cause). 409 on a resolved incident.
     */
    @Transactional
    public IncidentView resolve(UUID id, String cause, boolean falseAlarm, String user) {
        ActionInputs.text(falseAlarm ? "note" : "cause", cause);
        IncidentView before = locked(id);
        if (!List.of("OPEN", "ACKNOWLEDGED").contains(before.status())) {
            throw illegal(before, falseAlarm ? "mark as false alarm" : "resolve");
        }
        for (UUID alert : store.alertIds(id, "OPEN", "ACKNOWLEDGED")) {
            alertActions.resolve(alert, cause, falseAlarm, user);
        }
        store.resolve(id, clock.instant(), user, cause,
                falseAlarm ? AlertService.FALSE_ALARM : AlertService.TRUE_POSITIVE);
        return changed(before, falseAlarm ? "MARKED_FALSE_ALARM" : "RESOLVED", falseAlarm ? "FALSE_ALARM" : "RESOLVED",
                cause, "IncidentResolved", user);
    }

    /** The incident, its line locked (as the stream locks it) and its row locked; 404 if unknown. */
    private IncidentView locked(UUID id) {
        IncidentView seen = store.find(id, false).orElseThrow(() -> new NotFoundProblem(ENTITY, id));
        store.lockLine(seen.line());
        return store.find(id, true).orElseThrow();
    }

    private IncidentView changed(IncidentView before, String auditAction, String change, String reason,
            String eventType, String user) {
        IncidentView after = store.find(before.id(), false).orElseThrow();
        changes.fire(new RecordChanged(ENTITY, before.id().toString(), auditAction, before, after, reason));
        publish(eventType, change, after, user, clock.instant());
        return after;
    }

    private void publish(String eventType, String change, IncidentView v, String actor, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("incidentId", v.id());
        event.put("line", v.line());
        event.put("change", change);
        event.put("status", v.status());
        event.put("severity", v.severity());
        event.put("firstSignalAt", v.firstSignalAt());
        event.put("lastSignalAt", v.lastSignalAt());
        event.put("signalCount", v.signalCount());
        event.put("topVariables", v.topVariables());
        event.put("summary", v.summary());
        if (v.assignee() != null) {
            event.put("assignee", v.assignee());
        }
        if (v.mergedInto() != null) {
            event.put("mergedInto", v.mergedInto());
        }
        if (v.supersededBy() != null) {
            event.put("supersededBy", v.supersededBy());
        }
        if (v.label() != null) {
            event.put("label", v.label());
            event.put("cause", v.cause());
        }
        event.put("actor", actor);
        event.put("at", at);
        qualityEvents.publish(eventType, v.line(), event);
        incidentChanged.fire(new IncidentChanged(v.id(), v.line(), change, v.severity(), v.status(),
                v.firstSignalAt(), v.lastSignalAt(), v.summary(), actor, at));
    }

    private static ConflictProblem illegal(IncidentView incident, String action) {
        return new ConflictProblem("alerts/illegal-incident-transition",
                "cannot " + action + " incident " + incident.id() + " in status " + incident.status());
    }
}
