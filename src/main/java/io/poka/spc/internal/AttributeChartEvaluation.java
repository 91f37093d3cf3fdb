package io.poka.spc.internal;

import io.poka.spc.AttributeLimitsView;
import io.poka.spc.AttributePointView;
import io.poka.spc.internal.AttributeSampleRepository.Row;
import io.poka.spc.internal.chart.AttributeChart;
import io.poka.spc.internal.chart.AttributeSample;
import io.poka.spc.internal.chart.ChartType;
import io.poka.spc.internal.chart.ControlLimits;
import io.poka.spc.internal.chart.LimitsOrigin;
import io.poka.spc.internal.rules.RuleSet;
import io.poka.spc.internal.rules.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one phase II evaluation path of attribute charts: posting a sample and querying the chart both start from
 * {@link #resumed}, so a point gets the same verdict either way. Runs in its caller's transaction.
 */
@ApplicationScoped
public class AttributeChartEvaluation {
    private final AttributeSampleRepository samples;
    private final SpcConfig config;

    AttributeChartEvaluation(AttributeSampleRepository samples, SpcConfig config) {
        this.samples = samples;
        this.config = config;
    }

    /**
     * An evaluator of the limits' version that has seen the chart's last {@code poka.spc.resume-readings} samples
     * before {@code before}: posting and querying both start from it, so a point gets the same verdict either way.
     */
    ChartEvaluator<AttributeSample> resumed(String name, AttributeLimitsView l, Instant before) {
        ChartType type = ChartType.valueOf(l.chartType());
        ControlLimits engine = new ControlLimits(type, l.version(), LimitsOrigin.valueOf(l.origin()),
                type == ChartType.NP ? l.center() * l.sampleSize() : l.center(), Double.NaN,
                type == ChartType.NP ? l.sampleSize() : 0, l.sigmaMultiplier());
        ChartEvaluator<AttributeSample> evaluator = new ChartEvaluator<>(
                new AttributeChart(type).monitors(List.of(engine)).get(0), RuleSet.defaultFor(type));
        for (Row r : samples.latestRows(name, before, config.resumeReadings())) {
            evaluator.accept(r.time().toEpochMilli(), r.sample());
        }
        return evaluator;
    }

    /** The rows fed to the evaluator in order, as plotted points with the rules each fired. */
    static List<AttributePointView> points(ChartEvaluator<AttributeSample> evaluator, List<Row> rows) {
        List<AttributePointView> points = new ArrayList<>();
        for (Row r : rows) {
            evaluator.accept(r.time().toEpochMilli(), r.sample()).ifPresent(e -> points.add(new AttributePointView(
                    r.time(), r.sample().count(), r.sample().size(), e.point().value(), e.point().center(),
                    e.point().lcl(), e.point().ucl(), e.violations().stream().map(RuleViolation::ruleId).toList())));
        }
        return points;
    }
}
