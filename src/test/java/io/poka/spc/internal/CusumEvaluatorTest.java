package io.poka.spc.internal;

import io.poka.spc.internal.chart.ChartType;
import io.poka.spc.internal.chart.ControlLimits;
import io.poka.spc.internal.chart.CusumMonitor;
import io.poka.spc.internal.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CusumEvaluatorTest {

    static CusumEvaluator fresh() {
        return new CusumEvaluator(new CusumMonitor(ControlLimits.entered(ChartType.CUSUM, 1, 10, 1, 1, 3), 0.5, 4));
    }

    @Test
    void anUpwardSignalIsAViolationNamingThePointsSinceTheSumLeftZero() {
        List<CusumEvaluator.EvaluatedCusumPoint> out = fresh().evaluate(100, List.of(10.0, 11.0, 12.0, 11.5, 12.0));
        assertTrue(out.subList(0, 4).stream().allMatch(p -> p.violations().isEmpty()));
        assertEquals(List.of(new RuleViolation(CusumMonitor.UPPER_RULE_ID, List.of(101L, 102L, 103L, 104L))),
                out.get(4).violations());
    }

    @Test
    void cusumStreamedAndQueriedAgree() {
        List<Double> x = List.of(9.0, 8.0, 7.5, 8.2, 7.9, 10.0, 12.0, 13.0, 12.5);
        CusumEvaluator stream = fresh();
        List<CusumEvaluator.EvaluatedCusumPoint> streamed = new java.util.ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            streamed.add(stream.accept(i, x.get(i)));
        }
        assertEquals(fresh().evaluate(0, x), streamed);
    }
}
