package io.poka.spc.internal;

import io.poka.platform.ConflictProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.spc.AttributeLimitsView;
import io.poka.spc.AttributeSamplesRecorded;
import io.poka.spc.RuleViolated;
import io.poka.spc.RuleViolations;
import io.poka.spc.internal.AttributeSampleRepository.Row;
import io.poka.spc.internal.chart.AttributeSample;
import io.poka.spc.internal.chart.ChartType;
import io.poka.spc.internal.rules.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records inspection counts of p, np, c and u charts, one or in bulk. With frozen limits every sample is evaluated
 * at once against the current version ({@link AttributeChartEvaluation}, the path a chart query replays) and its
 * violations are stored and fired as {@link RuleViolated}/{@link RuleViolations} (alerts fold them) in the posting
 * transaction; then one {@link AttributeSamplesRecorded} per request says which samples were stored.
 */
@ApplicationScoped
public class AttributeSampleService {
    /** Samples one bulk request may post. */
    static final int MAX_BULK = 1000;

    /** One inspection count: nonconforming units (p, np) or nonconformities (c, u) in {@code size} units. */
    public record SampleRequest(String chartType, Double count, Double size, Instant sampledAt) {
    }

    /** What a posted sample became: its id, the limits version it was evaluated against (null: none), rules fired. */
    public record Recorded(UUID id, Integer limitsVersion, List<String> rules) {
    }

    private final AttributeSampleRepository repository;
    private final AttributeLimitsRepository limits;
    private final AttributeChartEvaluation evaluation;
    private final ViolationStore violations;
    private final Event<RecordChanged> changes;
    private final Event<RuleViolated> ruleViolated;
    private final Event<RuleViolations> ruleViolations;
    private final Event<AttributeSamplesRecorded> recorded;
    private final Clock clock;

    AttributeSampleService(AttributeSampleRepository repository, AttributeLimitsRepository limits,
            AttributeChartEvaluation evaluation, ViolationStore violations, Event<RecordChanged> changes,
            Event<RuleViolated> ruleViolated, Event<RuleViolations> ruleViolations,
            Event<AttributeSamplesRecorded> recorded, Clock clock) {
        this.repository = repository;
        this.limits = limits;
        this.evaluation = evaluation;
        this.violations = violations;
        this.changes = changes;
        this.ruleViolated = ruleViolated;
        this.ruleViolations = ruleViolations;
        this.recorded = recorded;
        this.clock = clock;
    }

    /**
     * Stores one count; with frozen limits the sample must be later than the chart's newest sample (run rules read
     * the points in time order) and is evaluated against the current version at once.
     */
    @Transactional
    public Recorded record(String name, SampleRequest s) {
        return recordAll(name, Collections.singletonList(s), false, List.of()).get(0);
    }

    /**
     * Stores several counts of one chart in one transaction, all or nothing: any invalid row is a 400 problem
     * listing every bad row (field {@code [i].name}) and nothing is stored. With frozen limits the rows are
     * evaluated in the order given, which must be strictly increasing in time after the chart's newest sample.
     *
     * @param unreadable rows the caller could not read as a sample (null in {@code samples}), reported with the rest
     */
    @Transactional
    public List<Recorded> recordAll(String name, List<SampleRequest> samples,
            List<ValidationProblem.FieldError> unreadable) {
        if (samples == null || samples.isEmpty() || samples.size() > MAX_BULK) {
            throw new ValidationProblem("body", "must be a sample or an array of 1 to " + MAX_BULK + " samples");
        }
        return recordAll(name, samples, true, unreadable);
    }

    private List<Recorded> recordAll(String name, List<SampleRequest> samples, boolean bulk,
            List<ValidationProblem.FieldError> unreadable) {
        AttributeCharts.checkName(name);
        List<ValidationProblem.FieldError> errors = new ArrayList<>(unreadable);
        List<ChartType> types = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            int at = i;
            boolean skip = bulk && unreadable.stream().anyMatch(e -> e.field().startsWith("[" + at + "]"));
            types.add(skip ? null : validate(samples.get(i), bulk ? "[" + i + "]." : "", errors));
        }
        errors.sort(java.util.Comparator.comparingInt(e -> bulk ? rowOf(e.field()) : 0));
        throwIfAny(errors, samples.size(), bulk);
        limits.lockChart(name);
        ChartType type = repository.typeOf(name).orElse(types.get(0));
        for (int i = 0; i < samples.size(); i++) {
            if (types.get(i) != type) {
                if (!bulk) {
                    throw new ConflictProblem("spc/attribute-chart-type",
                            "chart '" + name + "' is a " + type + " chart, not " + types.get(i));
                }
                errors.add(new ValidationProblem.FieldError("[" + i + "].chartType", "chart '" + name + "' is a "
                        + type + " chart"));
            }
        }
        AttributeLimitsView current = limits.current(name).orElse(null);
        if (current != null) {
            Instant previous = repository.newestSample(name);
            for (int i = 0; i < samples.size(); i++) {
                SampleRequest s = samples.get(i);
                if (previous != null && !s.sampledAt().isAfter(previous)) {
                    if (!bulk) {
                        throw new ConflictProblem("spc/attribute-sample-out-of-order", "chart '" + name
                                + "' has frozen limits: a sample must be later than its newest sample (" + previous + ")");
                    }
                    errors.add(new ValidationProblem.FieldError("[" + i + "].sampledAt", "the chart has frozen limits: "
                            + "must be later than " + previous + " (the chart's or the previous row's newest sample)"));
                }
                previous = previous == null || s.sampledAt().isAfter(previous) ? s.sampledAt() : previous;
                if (type == ChartType.NP && s.size() != current.sampleSize().doubleValue()) {
                    if (!bulk) {
                        throw new ConflictProblem("spc/attribute-sample-size", "the np chart '" + name
                                + "' has limits for n = " + current.sampleSize()
                                + "; a sample of another size belongs on a p chart");
                    }
                    errors.add(new ValidationProblem.FieldError("[" + i + "].size", "the np chart's limits are for n = "
                            + current.sampleSize()));
                }
            }
        }
        throwIfAny(errors, samples.size(), bulk);
        List<Recorded> out = new ArrayList<>();
        List<ViolationRun> rows = new ArrayList<>();
        List<RuleViolated> found = new ArrayList<>();
        Map<String, ViolationRun> open = new HashMap<>();
        Instant now = clock.instant();
        List<Row> newRows = samples.stream()
                .map(s -> new Row(type, new AttributeSample(s.count(), s.size()), s.sampledAt())).toList();
        // resumed once, from the samples before this request's first (all of the request's samples are later)
        ChartEvaluator<AttributeSample> evaluator = current == null ? null
                : evaluation.resumed(name, current, newRows.get(0).time());
        List<UUID> ids = repository.insertAll(name, newRows);
        for (int i = 0; i < samples.size(); i++) {
            UUID id = ids.get(i);
            changes.fire(new RecordChanged("SpcAttributeSample", id.toString(), "CREATED", null, samples.get(i), null));
            if (current == null) {
                out.add(new Recorded(id, null, List.of()));
                continue;
            }
            List<String> rules = evaluateNew(name, current, evaluator, newRows.get(i), i, open, rows, found, now);
            out.add(new Recorded(id, current.version(), rules));
        }
        if (!found.isEmpty()) {
            violations.insertAll(rows);
            found.forEach(ruleViolated::fire);
            ruleViolations.fire(new RuleViolations(List.copyOf(found)));
        }
        recorded.fire(new AttributeSamplesRecorded(name, samples.stream().map(SampleRequest::sampledAt).toList()));
        return out;
    }

    private static int rowOf(String field) {
        return Integer.parseInt(field.substring(1, field.indexOf(']')));
    }

    private static void throwIfAny(List<ValidationProblem.FieldError> errors, int rows, boolean bulk) {
        if (errors.isEmpty()) {
            return;
        }
        if (!bulk) {
            throw new ValidationProblem(errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        long bad = errors.stream().map(e -> e.field().substring(0, e.field().indexOf(']'))).distinct().count();
        throw new ValidationProblem(bad + " of " + rows + " samples rejected; nothing stored", errors);
    }

    /** The row's type, or null after adding its errors (field names prefixed by {@code prefix}). */
    private static ChartType validate(SampleRequest s, String prefix, List<ValidationProblem.FieldError> errors) {
        int before = errors.size();
        ChartType type = s == null || s.chartType() == null ? null : AttributeCharts.typeOrNull(s.chartType());
        if (type == null) {
            errors.add(new ValidationProblem.FieldError(prefix + "chartType", "must be P, NP, C or U"));
        }
        if (s == null) {
            return null;
        }
        if (s.count() == null || !(s.count() >= 0) || !Double.isFinite(s.count())) {
            errors.add(new ValidationProblem.FieldError(prefix + "count", "must be a number >= 0"));
        }
        if (s.size() == null || !(s.size() > 0) || !Double.isFinite(s.size())) {
            errors.add(new ValidationProblem.FieldError(prefix + "size", "must be a positive number"));
        }
        if (errors.size() == before && (type == ChartType.P || type == ChartType.NP) && s.count() > s.size()) {
            errors.add(new ValidationProblem.FieldError(prefix + "count",
                    "nonconforming units cannot exceed the units inspected"));
        }
        if (s.sampledAt() == null) {
            errors.add(new ValidationProblem.FieldError(prefix + "sampledAt", "is required"));
        }
        return errors.size() == before ? type : null;
    }

    /**
     * Phase II for one new sample (number {@code plotted} of this request), fed to the request's evaluator (resumed
     * once, before the request's first sample, then fed its samples in order): its firings go into {@code found}; a
     * rule firing again on the next sample of the same request extends its stored violation ({@link ViolationRun},
     * as the variables charts do within a batch). Returns the rule ids fired.
     */
    private List<String> evaluateNew(String name, AttributeLimitsView l, ChartEvaluator<AttributeSample> evaluator,
            Row sample, int plotted, Map<String, ViolationRun> open, List<ViolationRun> rows, List<RuleViolated> found,
            Instant now) {
        ChartEvaluator.EvaluatedPoint p = evaluator.accept(sample.time().toEpochMilli(), sample.sample()).orElseThrow();
        List<String> rules = new ArrayList<>();
        for (RuleViolation v : p.violations()) {
            ViolationRun row = open.get(v.ruleId());
            if (row == null || !row.continuesAt(plotted)) {
                row = new ViolationRun(TimeOrderedUuid.at(now.toEpochMilli()), AttributeCharts.LINE, name, l.chartType(), v.ruleId(),
                        l.version());
                open.put(v.ruleId(), row);
                rows.add(row);
            }
            row.fire(plotted, v.pointIndices(), p.point().value());
            found.add(new RuleViolated(row.id(), AttributeCharts.LINE, name, l.chartType(), v.ruleId(),
                    ViolationStore.describe(v.ruleId()), l.version(),
                    v.pointIndices().stream().map(Instant::ofEpochMilli).toList(), p.point().value(), now));
            rules.add(v.ruleId());
        }
        return rules;
    }
}
