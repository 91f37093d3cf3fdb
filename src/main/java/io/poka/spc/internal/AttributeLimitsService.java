package io.poka.spc.internal;

import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.spc.AttributeLimitsView;
import io.poka.spc.internal.AttributeSampleRepository.Row;
import io.poka.spc.internal.chart.AttributeChart;
import io.poka.spc.internal.chart.ChartType;
import io.poka.spc.internal.chart.ControlLimits;
import io.poka.spc.internal.chart.LimitsOrigin;
import io.poka.spc.internal.chart.PhaseOneStudy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Freezes the limits of p, np, c and u charts as versions that only grow: estimated in phase I from a baseline of
 * the chart's samples (assignable causes excluded, optionally iterated) or entered from a validated study, each
 * audited as FROZEN in the freezing transaction.
 */
@ApplicationScoped
public class AttributeLimitsService {
    /** Phase I: baseline [from, to) of the chart's samples, sample times of assignable cause left out. */
    public record PhaseOneRequest(Instant from, Instant to, List<Instant> excluded, Boolean iterate,
            Double sigmaMultiplier) {
    }

    /**
     * Limits from a validated study: center = p-bar (p and np), c-bar or u-bar; size = n of an np chart;
     * chartType is needed only for a chart without samples yet.
     */
    public record EnteredLimitsRequest(Double center, Integer size, Double sigmaMultiplier,
            @jakarta.validation.constraints.Size(max = 200) String studyReference,
            @jakarta.validation.constraints.Size(max = 20) String chartType) {
    }

    private final AttributeSampleRepository samples;
    private final AttributeLimitsRepository limits;
    private final Event<RecordChanged> changes;
    private final Clock clock;

    AttributeLimitsService(AttributeSampleRepository samples, AttributeLimitsRepository limits,
            Event<RecordChanged> changes, Clock clock) {
        this.samples = samples;
        this.limits = limits;
        this.changes = changes;
        this.clock = clock;
    }

    /** Estimates p-bar, n·p-bar, c-bar or u-bar from a baseline of the chart's samples and freezes the next version. */
    @Transactional
    public AttributeLimitsView freezePhaseOne(String name, PhaseOneRequest request, String user) {
        AttributeCharts.checkName(name);
        if (request == null || request.from() == null || request.to() == null || !request.from().isBefore(request.to())) {
            throw new ValidationProblem("to", "a baseline needs from < to");
        }
        double l = SpcService.multiplier(request.sigmaMultiplier());
        limits.lockChart(name);
        samples.existing(name);
        List<Row> baseline = samples.rows(name, request.from(), request.to());
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
        AttributeCharts.checkName(name);
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
        Optional<ChartType> known = samples.typeOf(name);
        ChartType type;
        if (request.chartType() == null) {
            type = known.orElseThrow(() -> new NotFoundProblem(AttributeCharts.CHART_ENTITY, name));
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
        samples.existing(name);
        return limits.versions(name);
    }

    private AttributeLimitsView freeze(AttributeLimitsView candidate) {
        AttributeLimitsView before = limits.current(candidate.chartName()).orElse(null);
        AttributeLimitsView stored = limits.insertNextVersion(candidate);
        changes.fire(new RecordChanged(AttributeCharts.LIMITS_ENTITY, stored.chartName() + "/v" + stored.version(),
                "FROZEN", before, stored, null));
        return stored;
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
        ChartType t = AttributeCharts.typeOrNull(name);
        if (t == null) {
            throw new ValidationProblem("chartType", "must be P, NP, C or U");
        }
        return t;
    }
}
