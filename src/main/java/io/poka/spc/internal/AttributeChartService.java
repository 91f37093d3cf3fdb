package io.poka.spc.internal;

import io.agroal.api.AgroalDataSource;
import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.spc.AttributeChartView;
import io.poka.spc.AttributeLimitsView;
import io.poka.spc.AttributePointView;
import io.poka.spc.RuleViolated;
import io.poka.spc.RuleViolations;
import io.poka.spc.internal.chart.AttributeChart;
import io.poka.spc.internal.chart.AttributeSample;
import io.poka.spc.internal.chart.ChartType;
import io.poka.spc.internal.chart.ControlLimits;
import io.poka.spc.internal.chart.LimitsOrigin;
import io.poka.spc.internal.chart.PhaseOneStudy;
import io.poka.spc.internal.rules.RuleSet;
import io.poka.spc.internal.rules.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * p, np, c and u charts over inspection counts posted over REST. Limits are estimated in phase I from a baseline
 * of the chart's samples (or entered from a validated study) and frozen as versions; every sample posted after
 * that is evaluated against the current version with the chart type's default run rules, by the same
 * {@link ChartEvaluator} steps a chart query replays, and its violations are stored and fired as
 * {@link RuleViolated}/{@link RuleViolations} (alerts fold them) in the posting transaction. Without frozen limits
 * a query estimates limits from a baseline range on the fly (a phase I preview) and stores nothing.
 */
@ApplicationScoped
public class AttributeChartService {
    /** The line under which attribute charts appear in violations and alerts; the variable is the chart name. */
    static final String LINE = io.poka.spc.SpcApi.ATTRIBUTE_CHARTS_LINE;
    static final String LIMITS_ENTITY = "SpcAttributeLimits";
    static final String CHART_ENTITY = "AttributeChart";
    private static final Set<ChartType> TYPES = Set.of(ChartType.P, ChartType.NP, ChartType.C, ChartType.U);
    private static final int MAX_ROWS = 100_000;
    /** Samples one bulk request may post. */
    static final int MAX_BULK = 1000;

    /** One inspection count: nonconforming units (p, np) or nonconformities (c, u) in {@code size} units. */
    public record SampleRequest(String chartType, Double count, Double size, Instant sampledAt) {
    }

    /** What a posted sample became: its id, the limits version it was evaluated against (null: none), rules fired. */
    public record Recorded(UUID id, Integer limitsVersion, List<String> rules) {
    }

    /** Phase I: baseline [from, to) of the chart's samples, sample times of assignable cause left out. */
    public record PhaseOneRequest(Instant from, Instant to, List<Instant> excluded, Boolean iterate,
            Double sigmaMultiplier) {
    }

    /**
     * Limits from a validated study: center = p-bar (p and np), c-bar or u-bar; size = n of an np chart;
     * chartType is needed only for a chart without samples yet.
     */
    public record EnteredLimitsRequest(Double center, Integer size, Double sigmaMultiplier, String studyReference,
            String chartType) {
    }

    private final AgroalDataSource dataSource;
    private final AttributeLimitsRepository limits;
    private final ViolationStore violations;
    private final Event<RecordChanged> changes;
    private final Event<RuleViolated> ruleViolated;
    private final Event<RuleViolations> ruleViolations;
    private final SpcConfig config;
    private final Clock clock;

    AttributeChartService(AgroalDataSource dataSource, AttributeLimitsRepository limits, ViolationStore violations,
            Event<RecordChanged> changes, Event<RuleViolated> ruleViolated, Event<RuleViolations> ruleViolations,
            SpcConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.limits = limits;
        this.violations = violations;
        this.changes = changes;
        this.ruleViolated = ruleViolated;
        this.ruleViolations = ruleViolations;
        this.config = config;
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
        checkName(name);
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
        ChartType type = typeOf(name).orElse(types.get(0));
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
            Instant previous = newestSample(name);
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
        for (int i = 0; i < samples.size(); i++) {
            SampleRequest s = samples.get(i);
            UUID id = insert(name, type, s);
            changes.fire(new RecordChanged("SpcAttributeSample", id.toString(), "CREATED", null, s, null));
            if (current == null) {
                out.add(new Recorded(id, null, List.of()));
                continue;
            }
            List<String> rules = evaluateNew(name, current,
                    new Row(type, new AttributeSample(s.count(), s.size()), s.sampledAt()), i, open, rows, found, now);
            out.add(new Recorded(id, current.version(), rules));
        }
        if (!found.isEmpty()) {
            violations.insertAll(rows);
            found.forEach(ruleViolated::fire);
            ruleViolations.fire(new RuleViolations(List.copyOf(found)));
        }
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
        ChartType type = s == null || s.chartType() == null ? null : typeOrNull(s.chartType());
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

    private UUID insert(String name, ChartType type, SampleRequest s) {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into spc.attribute_sample (id, chart_name, chart_type, count, size, sampled_at) "
                        + "values (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, name);
            ps.setString(3, type.name());
            ps.setDouble(4, s.count());
            ps.setDouble(5, s.size());
            ps.setTimestamp(6, Timestamp.from(s.sampledAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /**
     * Phase II for one new sample (number {@code plotted} of this request): its firings go into {@code found}; a
     * rule firing again on the next sample of the same request extends its stored violation ({@link ViolationRun},
     * as the variables charts do within a batch). Returns the rule ids fired.
     */
    private List<String> evaluateNew(String name, AttributeLimitsView l, Row sample, int plotted,
            Map<String, ViolationRun> open, List<ViolationRun> rows, List<RuleViolated> found, Instant now) {
        ChartEvaluator<AttributeSample> evaluator = resumed(name, l, sample.time());
        ChartEvaluator.EvaluatedPoint p = evaluator.accept(sample.time().toEpochMilli(), sample.sample()).orElseThrow();
        List<String> rules = new ArrayList<>();
        for (RuleViolation v : p.violations()) {
            ViolationRun row = open.get(v.ruleId());
            if (row == null || !row.continuesAt(plotted)) {
                row = new ViolationRun(UUID.randomUUID(), LINE, name, l.chartType(), v.ruleId(), l.version());
                open.put(v.ruleId(), row);
                rows.add(row);
            }
            row.fire(plotted, v.pointIndices(), p.point().value());
            found.add(new RuleViolated(row.id(), LINE, name, l.chartType(), v.ruleId(),
                    ViolationStore.describe(v.ruleId()), l.version(),
                    v.pointIndices().stream().map(Instant::ofEpochMilli).toList(), p.point().value(), now));
            rules.add(v.ruleId());
        }
        return rules;
    }

    /**
     * An evaluator of the limits' version that has seen the chart's last {@code poka.spc.resume-readings} samples
     * before {@code before}: posting and querying both start from it, so a point gets the same verdict either way.
     */
    private ChartEvaluator<AttributeSample> resumed(String name, AttributeLimitsView l, Instant before) {
        ChartType type = ChartType.valueOf(l.chartType());
        ControlLimits engine = new ControlLimits(type, l.version(), LimitsOrigin.valueOf(l.origin()),
                type == ChartType.NP ? l.center() * l.sampleSize() : l.center(), Double.NaN,
                type == ChartType.NP ? l.sampleSize() : 0, l.sigmaMultiplier());
        ChartEvaluator<AttributeSample> evaluator = new ChartEvaluator<>(
                new AttributeChart(type).monitors(List.of(engine)).get(0), RuleSet.defaultFor(type));
        for (Row r : latestRows(name, before, config.resumeReadings())) {
            evaluator.accept(r.time().toEpochMilli(), r.sample());
        }
        return evaluator;
    }

    /** Estimates p-bar, n·p-bar, c-bar or u-bar from a baseline of the chart's samples and freezes the next version. */
    @Transactional
    public AttributeLimitsView freezePhaseOne(String name, PhaseOneRequest request, String user) {
        checkName(name);
        if (request == null || request.from() == null || request.to() == null || !request.from().isBefore(request.to())) {
            throw new ValidationProblem("to", "a baseline needs from < to");
        }
        double l = SpcService.multiplier(request.sigmaMultiplier());
        limits.lockChart(name);
        existing(name);
        List<Row> baseline = rows(name, request.from(), request.to());
        if (baseline.isEmpty()) {
            throw new ValidationProblem("from", "no samples of chart '" + name + "' in the baseline ["
                    + request.from() + ", " + request.to() + ")");
        }
        Map<Long, Integer> indexByTime = new HashMap<>();
        for (int i = 0; i < baseline.size(); i++) {
            indexByTime.putIfAbsent(baseline.get(i).time().toEpochMilli(), i);
        }
        Set<Integer> causes = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (Instant t : request.excluded() == null ? List.<Instant>of() : request.excluded()) {
            Integer i = t == null ? null : indexByTime.get(t.toEpochMilli());
            if (i == null) {
                unknown.add(String.valueOf(t));
            } else {
                causes.add(i);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationProblem("excluded", "no baseline sample at " + String.join(", ", unknown));
        }
        if (baseline.size() - causes.size() < 2) {
            throw new ValidationProblem("from", "the baseline has " + (baseline.size() - causes.size())
                    + " usable samples; at least 2 are needed");
        }
        ChartType type = baseline.get(0).type();
        PhaseOneStudy.Result result;
        try {
            result = PhaseOneStudy.estimate(new AttributeChart(type), baseline.stream().map(Row::sample).toList(),
                    causes, Boolean.TRUE.equals(request.iterate()), 20);
        } catch (IllegalArgumentException e) {
            throw new ValidationProblem("from", e.getMessage());
        }
        ControlLimits est = result.limits().get(0);
        Integer n = type == ChartType.NP ? est.subgroupSize() : null;
        double center = type == ChartType.NP ? est.center() / n : est.center();
        checkCenter(type, center, "from");
        List<Instant> excluded = result.excluded().stream().map(i -> baseline.get(i).time()).toList();
        return freeze(new AttributeLimitsView(name, 1, type.name(), LimitsOrigin.PHASE_I_ESTIMATE.name(), center, n,
                l, request.from(), request.to(), baseline.size() - excluded.size(), excluded, null, clock.instant(),
                user));
    }

    /** Freezes limits taken from a validated study as the next version; the study reference is required. */
    @Transactional
    public AttributeLimitsView freezeEntered(String name, EnteredLimitsRequest request, String user) {
        checkName(name);
        if (request == null || request.center() == null || !Double.isFinite(request.center())) {
            throw new ValidationProblem("center", "must be a finite number (p-bar, c-bar or u-bar)");
        }
        if (request.studyReference() == null || request.studyReference().isBlank()
                || request.studyReference().length() > 2000) {
            throw new ValidationProblem("studyReference",
                    "names the validated study the limits come from (at most 2000 characters)");
        }
        double l = SpcService.multiplier(request.sigmaMultiplier());
        limits.lockChart(name);
        Optional<ChartType> known = typeOf(name);
        ChartType type;
        if (request.chartType() == null) {
            type = known.orElseThrow(() -> new NotFoundProblem(CHART_ENTITY, name));
        } else {
            type = type(request.chartType());
            if (known.isPresent() && known.get() != type) {
                throw new ConflictProblem("spc/attribute-chart-type",
                        "chart '" + name + "' is a " + known.get() + " chart, not " + type);
            }
        }
        checkCenter(type, request.center(), "center");
        if (type == ChartType.NP && (request.size() == null || request.size() < 1)) {
            throw new ValidationProblem("size", "an np chart needs its sample size n (center line n·p-bar)");
        }
        return freeze(new AttributeLimitsView(name, 1, type.name(), LimitsOrigin.ENTERED_FROM_STUDY.name(),
                request.center(), type == ChartType.NP ? request.size() : null, l, null, null, null, List.of(),
                request.studyReference(), clock.instant(), user));
    }

    /** All frozen versions, newest first. */
    @Transactional
    public List<AttributeLimitsView> limitsVersions(String name) {
        existing(name);
        return limits.versions(name);
    }

    /**
     * The chart over [from, to). Without a baseline range and with frozen limits: evaluated against the current
     * (or the given) version, resumed from the samples just before {@code from}, with the stored violations. With
     * a baseline range, or without frozen limits: a phase I preview with limits estimated from the baseline.
     */
    @Transactional
    public AttributeChartView chart(String name, Instant baselineFrom, Instant baselineTo, Instant from, Instant to,
            Integer limitsVersion) {
        existing(name);
        boolean preview = baselineFrom != null || baselineTo != null;
        if (preview && limitsVersion != null) {
            throw new ValidationProblem("limitsVersion", "a phase I preview (baselineFrom, baselineTo) uses no frozen version");
        }
        AttributeLimitsView l = preview ? null : limitsVersion == null ? limits.current(name).orElse(null)
                : limits.version(name, limitsVersion).orElseThrow(
                        () -> new NotFoundProblem(LIMITS_ENTITY, name + "/v" + limitsVersion));
        List<RuleViolated> stored = violations.find(LINE, name, from, to, config.maxQueryReadings());
        if (l == null) {
            return preview(name, baselineFrom == null ? from : baselineFrom, baselineTo == null ? to : baselineTo,
                    from, to, stored);
        }
        ChartEvaluator<AttributeSample> evaluator = resumed(name, l, from);
        List<AttributePointView> points = points(evaluator, rows(name, from, to));
        double center = ChartType.valueOf(l.chartType()) == ChartType.NP ? l.center() * l.sampleSize() : l.center();
        return new AttributeChartView(name, l.chartType(), l.baselineFrom(), l.baselineTo(),
                l.baselineCount() == null ? 0 : l.baselineCount(), center, points, l, stored);
    }

    private AttributeChartView preview(String name, Instant baselineFrom, Instant baselineTo, Instant from,
            Instant to, List<RuleViolated> stored) {
        List<Row> baseline = rows(name, baselineFrom, baselineTo);
        if (baseline.isEmpty()) {
            throw new ValidationProblem("baselineFrom", "no samples of chart '" + name + "' in the baseline range");
        }
        ChartType type = baseline.get(0).type();
        AttributeChart family = new AttributeChart(type);
        List<ControlLimits> estimated;
        try {
            estimated = family.estimate(baseline.stream().map(Row::sample).toList());
        } catch (IllegalArgumentException e) {
            throw new ValidationProblem("baselineFrom", e.getMessage());
        }
        ChartEvaluator<AttributeSample> evaluator = new ChartEvaluator<>(family.monitors(estimated).get(0),
                RuleSet.defaultFor(type));
        return new AttributeChartView(name, type.name(), baselineFrom, baselineTo, baseline.size(),
                estimated.get(0).center(), points(evaluator, rows(name, from, to)), null, stored);
    }

    private static List<AttributePointView> points(ChartEvaluator<AttributeSample> evaluator, List<Row> rows) {
        List<AttributePointView> points = new ArrayList<>();
        for (Row r : rows) {
            evaluator.accept(r.time().toEpochMilli(), r.sample()).ifPresent(e -> points.add(new AttributePointView(
                    r.time(), r.sample().count(), r.sample().size(), e.point().value(), e.point().center(),
                    e.point().lcl(), e.point().ucl(), e.violations().stream().map(RuleViolation::ruleId).toList())));
        }
        return points;
    }

    /** Names of the charts that have samples or limits, sorted. */
    @Transactional
    public List<String> names() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select chart_name from spc.attribute_sample union select chart_name from spc.attribute_limits "
                        + "order by 1 limit 1000");
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private AttributeLimitsView freeze(AttributeLimitsView candidate) {
        AttributeLimitsView before = limits.current(candidate.chartName()).orElse(null);
        AttributeLimitsView stored = limits.insertNextVersion(candidate);
        changes.fire(new RecordChanged(LIMITS_ENTITY, stored.chartName() + "/v" + stored.version(), "FROZEN", before,
                stored, null));
        return stored;
    }

    /** The chart's type from its samples or, for a chart that has only limits, from them. */
    private Optional<ChartType> typeOf(String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select chart_type from spc.attribute_sample where chart_name = ? union all "
                        + "(select chart_type from spc.attribute_limits where chart_name = ? limit 1) limit 1")) {
            ps.setString(1, name);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ChartType.valueOf(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ChartType existing(String name) {
        return typeOf(name).orElseThrow(() -> new NotFoundProblem(CHART_ENTITY, name));
    }

    private record Row(ChartType type, AttributeSample sample, Instant time) {
    }

    private List<Row> rows(String name, Instant from, Instant to) {
        return query("select chart_type, count, size, sampled_at from spc.attribute_sample where chart_name = ? "
                + "and sampled_at >= ? and sampled_at < ? order by sampled_at, id limit " + MAX_ROWS, name, from, to);
    }

    /** The newest {@code limit} samples before {@code before}, oldest first. */
    private List<Row> latestRows(String name, Instant before, int limit) {
        List<Row> newestFirst = query("select chart_type, count, size, sampled_at from spc.attribute_sample "
                + "where chart_name = ? and sampled_at < ? order by sampled_at desc, id desc limit " + Math.max(0, limit),
                name, before);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private Instant newestSample(String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select max(sampled_at) from spc.attribute_sample where chart_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return LimitsRepository.instant(rs.getTimestamp(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Row> query(String sql, String name, Instant... times) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            for (int i = 0; i < times.length; i++) {
                ps.setTimestamp(2 + i, Timestamp.from(times[i]));
            }
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(ChartType.valueOf(rs.getString(1)), new AttributeSample(rs.getDouble(2),
                            rs.getDouble(3)), rs.getTimestamp(4).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ValidationProblem("name", "must be a non-blank string of at most 200 characters");
        }
    }

    /** A center of 0 (or 1 for a fraction) gives zero-width limits that flag every later sample. */
    private static void checkCenter(ChartType type, double center, String field) {
        boolean fraction = type == ChartType.P || type == ChartType.NP;
        if (!(center > 0) || fraction && !(center < 1)) {
            throw new ValidationProblem(field, "the center (" + (fraction ? "p-bar" : type == ChartType.C ? "c-bar" : "u-bar")
                    + ") must be " + (fraction ? "strictly between 0 and 1" : "positive") + ", was " + center);
        }
    }

    private static ChartType type(String name) {
        ChartType t = typeOrNull(name);
        if (t == null) {
            throw new ValidationProblem("chartType", "must be P, NP, C or U");
        }
        return t;
    }

    private static ChartType typeOrNull(String name) {
        try {
            ChartType t = ChartType.valueOf(name.trim().toUpperCase());
            return TYPES.contains(t) ? t : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
