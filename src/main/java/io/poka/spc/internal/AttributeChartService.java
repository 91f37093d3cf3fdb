package io.poka.spc.internal;

import io.poka.platform.NotFoundProblem;
import io.poka.platform.ValidationProblem;
import io.poka.spc.AttributeChartView;
import io.poka.spc.AttributeLimitsView;
import io.poka.spc.AttributePointView;
import io.poka.spc.RuleViolated;
import io.poka.spc.internal.AttributeSampleRepository.Row;
import io.poka.spc.internal.chart.AttributeChart;
import io.poka.spc.internal.chart.AttributeSample;
import io.poka.spc.internal.chart.ChartType;
import io.poka.spc.internal.chart.ControlLimits;
import io.poka.spc.internal.rules.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Answers queries of p, np, c and u charts: with frozen limits a chart is replayed by the same
 * {@link AttributeChartEvaluation} steps posting a sample takes; without them a query estimates limits from a
 * baseline range on the fly (a phase I preview) and stores nothing.
 */
@ApplicationScoped
public class AttributeChartService {
    private final AttributeSampleRepository samples;
    private final AttributeLimitsRepository limits;
    private final AttributeChartEvaluation evaluation;
    private final ViolationStore violations;
    private final SpcConfig config;

    AttributeChartService(AttributeSampleRepository samples, AttributeLimitsRepository limits,
            AttributeChartEvaluation evaluation, ViolationStore violations, SpcConfig config) {
        this.samples = samples;
        this.limits = limits;
        this.evaluation = evaluation;
        this.violations = violations;
        this.config = config;
    }

    /**
     * The chart over [from, to). Without a baseline range and with frozen limits: evaluated against the current
     * (or the given) version, resumed from the samples just before {@code from}, with the stored violations. With
     * a baseline range, or without frozen limits: a phase I preview with limits estimated from the baseline.
     */
    @Transactional
    public AttributeChartView chart(String name, Instant baselineFrom, Instant baselineTo, Instant from, Instant to,
            Integer limitsVersion) {
        samples.existing(name);
        boolean preview = baselineFrom != null || baselineTo != null;
        if (preview && limitsVersion != null) {
            throw new ValidationProblem("limitsVersion", "a phase I preview (baselineFrom, baselineTo) uses no frozen version");
        }
        AttributeLimitsView l = preview ? null : limitsVersion == null ? limits.current(name).orElse(null)
                : limits.version(name, limitsVersion).orElseThrow(
                        () -> new NotFoundProblem(AttributeCharts.LIMITS_ENTITY, name + "/v" + limitsVersion));
        List<RuleViolated> stored = violations.find(AttributeCharts.LINE, name, from, to, config.maxQueryReadings());
        if (l == null) {
            return preview(name, baselineFrom == null ? from : baselineFrom, baselineTo == null ? to : baselineTo,
                    from, to, stored);
        }
        ChartEvaluator<AttributeSample> evaluator = evaluation.resumed(name, l, from);
        List<AttributePointView> points = AttributeChartEvaluation.points(evaluator, samples.rows(name, from, to));
        double center = ChartType.valueOf(l.chartType()) == ChartType.NP ? l.center() * l.sampleSize() : l.center();
        return new AttributeChartView(name, l.chartType(), l.baselineFrom(), l.baselineTo(),
                l.baselineCount() == null ? 0 : l.baselineCount(), center, points, l, stored);
    }

    private AttributeChartView preview(String name, Instant baselineFrom, Instant baselineTo, Instant from,
            Instant to, List<RuleViolated> stored) {
        List<Row> baseline = samples.rows(name, baselineFrom, baselineTo);
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
                estimated.get(0).center(), AttributeChartEvaluation.points(evaluator, samples.rows(name, from, to)),
                null, stored);
    }

    /** Names of the charts that have samples or limits, sorted. */
    @Transactional
    public List<String> names() {
        return samples.names();
    }
}
