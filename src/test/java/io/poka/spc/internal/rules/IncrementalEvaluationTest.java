package io.poka.spc.internal.rules;

import io.poka.spc.internal.ChartEvaluator;
import io.poka.spc.internal.chart.ChartPoint;
import io.poka.spc.internal.chart.ChartType;
import io.poka.spc.internal.chart.ControlLimits;
import io.poka.spc.internal.chart.IndividualsMovingRange;
import io.poka.spc.internal.chart.MovingRangeMonitor;
import io.poka.spc.internal.chart.ShewhartMonitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The streaming path and the range-query path must report the same violations. */
class IncrementalEvaluationTest {

    static final RuleSet ALL = new RuleSet(EnumSet.allOf(RunRule.class));

    static List<Double> drifting(long seed, int n) {
        Random r = new Random(seed);
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x.add(10 + r.nextGaussian() + (i > n / 2 ? 0.8 : 0) + (i % 50 < 8 ? 1.5 : 0));
        }
        return x;
    }

    @Test
    void pointsFedOneByOneGiveTheSameViolationsAsTheWholeList() {
        List<ChartPoint> points = new ArrayList<>();
        List<Double> x = drifting(42, 600);
        ControlLimits limits = ControlLimits.entered(ChartType.INDIVIDUALS, 1, 10, 1, 1, 3);
        ShewhartMonitor<Double> monitor = new ShewhartMonitor<>(limits, v -> v, v -> 1);
        for (int i = 0; i < x.size(); i++) {
            points.add(monitor.next(i, x.get(i)).orElseThrow());
        }
        RunRuleEvaluator stream = new RunRuleEvaluator(ALL);
        List<RuleViolation> streamed = new ArrayList<>();
        points.forEach(p -> streamed.addAll(stream.accept(p)));

        List<RuleViolation> batch = RunRuleEvaluator.evaluate(ALL, points);
        assertFalse(batch.isEmpty());
        assertEquals(batch, streamed);
    }

    @Test
    void anEvaluatorResumedFromRecentHistoryContinuesExactlyAsAnUninterruptedOne() {
        List<ChartPoint> points = new ArrayList<>();
        List<Double> x = drifting(7, 300);
        for (int i = 0; i < x.size(); i++) {
            points.add(new ChartPoint(i, x.get(i), 10, 7, 13, 1));
        }
        List<RuleViolation> whole = RunRuleEvaluator.evaluate(ALL, points);
        int cut = 137;
        RunRuleEvaluator resumed = new RunRuleEvaluator(ALL, points.subList(cut - 15, cut));
        List<RuleViolation> after = new ArrayList<>();
        points.subList(cut, points.size()).forEach(p -> after.addAll(resumed.accept(p)));
        List<RuleViolation> expected = whole.stream()
                .filter(v -> v.pointIndices().get(v.pointIndices().size() - 1) >= cut).toList();
        assertEquals(expected, after);
    }

    @Test
    void aMovingRangeChartEvaluatedInOneQueryMatchesTheSameReadingsStreamed() {
        List<Double> x = drifting(3, 200);
        List<ControlLimits> limits = new IndividualsMovingRange().estimate(x.subList(0, 50));
        ChartEvaluator<Double> query = new ChartEvaluator<>(new MovingRangeMonitor(limits.get(1)), ALL);
        List<ChartEvaluator.EvaluatedPoint> batch = query.evaluate(0, x);

        ChartEvaluator<Double> stream = new ChartEvaluator<>(new MovingRangeMonitor(limits.get(1)), ALL);
        List<ChartEvaluator.EvaluatedPoint> streamed = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            stream.accept(i, x.get(i)).ifPresent(streamed::add);
        }
        assertEquals(199, batch.size());
        assertEquals(batch, streamed);
    }
}
