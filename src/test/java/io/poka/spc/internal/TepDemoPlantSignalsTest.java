package io.poka.spc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.spc.ControlLimitsView;
import io.poka.spc.internal.chart.BaselineAdequacy;
import io.poka.spc.internal.chart.LimitsOrigin;
import io.poka.spc.internal.rules.RuleViolation;
import io.poka.telemetry.ChartKind;
import io.poka.telemetry.RuleSetName;
import io.poka.telemetry.VariableDefinition;
import io.poka.telemetry.internal.DemoPlant;
import io.poka.telemetry.internal.TepRun;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo plant's SPC on the TEP files it replays (d00 normal, then d01 fault 1, then d00 again, one step a
 * second): the charts and automatic baseline the default run uses ({@link DemoPlant#CHART}, {@link DemoPlant#RULES},
 * the %prod keys of application.properties), fed reading by reading through {@link AutoBaseline} and
 * {@link ChartRun} as {@link StreamingSpc} feeds them. Counts rule firings (RuleViolated events) during normal
 * running and the first signals after fault 1 starts.
 */
class TepDemoPlantSignalsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    /** Firings per variable in the first d00 pass (after the baseline), in the second d00 pass, and fault 1's first. */
    record Outcome(Map<String, Integer> firstPass, Map<String, Integer> secondPass, Map<String, Integer> firstFaultSample,
            Map<String, Integer> frozenAfter, Map<String, Integer> returning) {
        int normal() {
            return firstPass.values().stream().mapToInt(Integer::intValue).sum()
                    + secondPass.values().stream().mapToInt(Integer::intValue).sum();
        }

        String report() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("firings in normal running: first d00 pass %d, second d00 pass %d%n",
                    firstPass.values().stream().mapToInt(Integer::intValue).sum(),
                    secondPass.values().stream().mapToInt(Integer::intValue).sum()));
            for (String v : frozenAfter.keySet()) {
                int a = firstPass.getOrDefault(v, 0);
                int c = secondPass.getOrDefault(v, 0);
                Integer f = firstFaultSample.get(v);
                if (a + c > 0 || (f != null && f <= 10)) {
                    b.append(String.format("  %s limits after %d readings, normal firings %d + %d, first fault-1 "
                            + "signal at sample %s%n", v, frozenAfter.get(v), a, c, f));
                }
            }
            b.append("fault 1's feed variables, first signal at sample: ");
            for (String v : List.of("xmeas-01", "xmeas-04", "xmv-03", "xmv-04")) {
                b.append(v).append(' ').append(firstFaultSample.get(v)).append("; ");
            }
            b.append(String.format("%nfirings at the first sample of the second d00 pass (the replay returns from the "
                    + "fault run): %s%n", returning));
            b.append("first fault-1 signals (sample: variables): ");
            Map<Integer, List<String>> byDelay = new TreeMap<>();
            firstFaultSample.forEach((v, s) -> byDelay.computeIfAbsent(s, k -> new ArrayList<>()).add(v));
            byDelay.entrySet().stream().limit(6).forEach(e -> b.append(e.getKey()).append(": ").append(e.getValue()).append("; "));
            return b.toString();
        }
    }

    @Test
    void theDemoPlantsChartsAreQuietDuringNormalRunningAndSignalFault1OnTheFeedItMovesWithinTenSamples() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        int needed = Integer.parseInt(p.getProperty("%prod.poka.spc.auto-baseline-readings"));
        double l = Double.parseDouble(p.getProperty("%prod.poka.spc.auto-baseline-sigma-multiplier"));
        Outcome after = replay(DemoPlant.CHART, DemoPlant.RULES, needed, l, new BaselineAdequacy.Minimums(100, 25, 50));
        System.out.println("demo plant set-up (" + DemoPlant.CHART + ", " + DemoPlant.RULES + ", auto-baseline "
                + needed + ", L " + l + "): " + after.report());

        assertTrue(after.normal() <= 5, "a handful of firings at most over 52 variables x 2 normal passes: " + after.report());
        assertEquals(52, after.frozenAfter().size(), "every chart gets limits once its baseline is adequate");
        for (String v : List.of("xmeas-01", "xmv-03")) {
            Integer first = after.firstFaultSample().get(v);
            assertTrue(first != null && first <= 10, v + " signals within 10 samples of fault 1: " + after.report());
        }
    }

    @Test
    void beforeThisWorkIndividualsChartsFrozenAfter100ReadingsFiredAllTheTimeInNormalRunning() {
        Outcome before = replay(ChartKind.IMR, RuleSetName.WESTERN_ELECTRIC, 100, 3,
                new BaselineAdequacy.Minimums(0, 0, 0));
        System.out.println("before (IMR, Western Electric 1-4, limits frozen after 100 readings, L 3): " + before.report());
        assertTrue(before.normal() > 1000, "the old set-up floods: " + before.normal());
    }

    static Outcome replay(ChartKind kind, RuleSetName rules, int needed, double l, BaselineAdequacy.Minimums min) {
        TepRun d00 = TepRun.load("d00");
        TepRun d01 = TepRun.load("d01");
        Map<String, Integer> firstPass = new TreeMap<>();
        Map<String, Integer> secondPass = new TreeMap<>();
        Map<String, Integer> fault = new TreeMap<>();
        Map<String, Integer> frozenAfter = new TreeMap<>();
        Map<String, Integer> returning = new TreeMap<>();
        for (int j = 0; j < TepRun.VARIABLES; j++) {
            String id = TepRun.CATALOGUE.get(j).id();
            VariableDefinition v = new VariableDefinition(UUID.randomUUID(), "tep-demo", id, "u", null, null, null,
                    1.0, null, null, null, null, kind, 1, rules);
            AutoBaseline baseline = new AutoBaseline(needed, 1000, min);
            ChartRun run = null;
            int step = 0;
            TepRun[] sequence = {d00, d01, d00};
            for (int s = 0; s < sequence.length; s++) {
                for (int i = 0; i < sequence[s].steps(); i++, step++) {
                    Instant t = T0.plusSeconds(step);
                    double x = sequence[s].value(i, j);
                    if (run == null) {
                        var est = baseline.offer(v, t, x);
                        if (est.isPresent()) {
                            var e = est.get();
                            run = new ChartRun(v, new ControlLimitsView("tep-demo", id, 1, kind.name(),
                                    LimitsOrigin.PHASE_I_ESTIMATE.name(), e.center(), e.sigma(), e.subgroupSize(), l,
                                    baseline.first(), t, e.pointsUsed(), e.excluded(), "auto", t, "system",
                                    e.arPhi(), e.check()), 0.2, 0.5, 5);
                            frozenAfter.put(id, step + 1);
                        }
                        continue;
                    }
                    int firings = 0;
                    for (ChartRun.Plotted plotted : run.accept(t, x)) {
                        List<RuleViolation> violations = plotted.violations();
                        firings += violations.size();
                    }
                    if (firings == 0) {
                        continue;
                    }
                    if (s == 0) {
                        firstPass.merge(id, firings, Integer::sum);
                    } else if (s == 1) {
                        fault.putIfAbsent(id, i);
                    } else if (i > 0) {
                        secondPass.merge(id, firings, Integer::sum);
                    } else {
                        returning.put(id, firings);
                    }
                }
            }
        }
        return new Outcome(firstPass, secondPass, fault, frozenAfter, returning);
    }
}
