package io.poka.spc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.spc.ControlLimitsView;
import io.poka.telemetry.ChartKind;
import io.poka.telemetry.RuleSetName;
import io.poka.telemetry.VariableDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Subgroups follow from timestamps, and a chart resumed from earlier readings plots what the stream plotted. */
class ChartRunTest {
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    private static VariableDefinition variable(ChartKind kind, int n, Double interval) {
        return new VariableDefinition(UUID.randomUUID(), "l", "v", "mm", null, null, null, interval, null, null, null,
                null, kind, n, RuleSetName.WESTERN_ELECTRIC);
    }

    private static ControlLimitsView limits(ChartKind kind, int n) {
        return new ControlLimitsView("l", "v", 1, kind.name(), "ENTERED_FROM_STUDY", 10, 1, n, 3, null, null, null,
                List.of(), "test", T0, "test", null, null);
    }

    @Test
    void xbarRSubgroupsAreTimeWindowsOfNIntervalsAndAPartialWindowIsClosedByTheNextOne() {
        ChartRun run = new ChartRun(variable(ChartKind.XBAR_R, 4, 1.0), limits(ChartKind.XBAR_R, 4), 0.2, 0.5, 5);
        List<ChartRun.Plotted> points = new ArrayList<>();
        // window 1: 08:00:00-03 complete (4 readings); window 2: only 3 readings, closed by a reading of window 3
        double[] values = {9, 10, 11, 12, 10, 10, 13, 10};
        int[] seconds = {0, 1, 2, 3, 4, 5, 6, 8};
        for (int i = 0; i < values.length; i++) {
            points.addAll(run.accept(T0.plusSeconds(seconds[i]), values[i]));
        }
        assertEquals(4, points.size(), "X-bar and R for each of two subgroups");
        assertEquals("XBAR", points.get(0).chart().name());
        assertEquals(10.5, points.get(0).value(), 1e-12);
        assertEquals(3, points.get(1).value(), 1e-12, "range of 9..12");
        assertEquals(11, points.get(2).value(), 1e-12, "mean of the partial subgroup 10, 10, 13");
        assertEquals(T0.plusSeconds(6), points.get(2).time());
        // X-bar limits 10 ± 3·1/√3 for the subgroup of 3 (Montgomery 6.3: limits follow from each n)
        assertEquals(10 + 3 / Math.sqrt(3), points.get(2).ucl(), 1e-12);
    }

    @Test
    void aResumedRunPlotsWhatTheUninterruptedStreamPlotted() {
        VariableDefinition v = variable(ChartKind.EWMA, 1, null);
        double[] values = {10, 10.5, 11, 9, 12, 13, 8, 10, 11, 12};
        ChartRun stream = new ChartRun(v, limits(ChartKind.EWMA, 1), 0.2, 0.5, 5);
        List<ChartRun.Plotted> streamed = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            streamed.addAll(stream.accept(T0.plusSeconds(i), values[i]));
        }
        ChartRun query = new ChartRun(v, limits(ChartKind.EWMA, 1), 0.2, 0.5, 5);
        for (int i = 0; i < 5; i++) {
            query.accept(T0.plusSeconds(i), values[i]);
        }
        List<ChartRun.Plotted> queried = new ArrayList<>();
        for (int i = 5; i < values.length; i++) {
            queried.addAll(query.accept(T0.plusSeconds(i), values[i]));
        }
        assertEquals(streamed.subList(5, 10), queried);
    }

    @Test
    void anAr1ResidualVariablePlotsOnlyTheForecastErrorsUnderTheRulesChosenForIt() {
        // mean 10, phi 0.5, sigma_e 1, L 3: forecasts 10 + 0.5 (x_(t-1) - 10)
        ControlLimitsView ar1 = new ControlLimitsView("l", "v", 1, "AR1_RESIDUALS", "ENTERED_FROM_STUDY", 10, 1, 1, 3,
                null, null, null, List.of(), "test", T0, "test", 0.5, null);
        VariableDefinition v = variable(ChartKind.AR1_RESIDUALS, 1, null);
        ChartRun run = new ChartRun(v, ar1, 0.2, 0.5, 5,
                new io.poka.spc.internal.rules.RuleSet(java.util.EnumSet.of(
                        io.poka.spc.internal.rules.RunRule.WE1, io.poka.spc.internal.rules.RunRule.WE4)));
        List<ChartRun.Plotted> points = new ArrayList<>();
        double[] values = {12, 12, 11.5, 10.9, 10.8, 10.95, 10.7, 10.9, 10.8, 10.85};
        for (int i = 0; i < values.length; i++) {
            points.addAll(run.accept(T0.plusSeconds(i), values[i]));
        }
        assertEquals(8, points.size(), "no point for the first reading nor for the held repeat of 12");
        assertEquals(List.of("RESIDUALS"), points.stream().map(p -> p.chart().name()).distinct().toList());
        assertEquals(11.5 - 11, points.get(0).value(), 1e-12, "11.5 against the forecast 10 + 0.5 x 2 from 12");
        // every residual is above 0 (0.5, 0.15, 0.35, 0.55, 0.225, 0.55, 0.35, 0.45): the eighth fires the opted-in
        // WE4; none is beyond 3 sigma, and the catalogue's Western Electric WE2/WE3 are not chosen
        assertEquals(List.of("WE4"), points.get(7).violations().stream().map(x -> x.ruleId()).toList());
        assertEquals(0, points.subList(0, 7).stream().mapToInt(p -> p.violations().size()).sum());
    }
}
