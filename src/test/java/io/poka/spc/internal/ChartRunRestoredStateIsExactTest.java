package io.poka.spc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.spc.ControlLimitsView;
import io.poka.telemetry.ChartKind;
import io.poka.telemetry.RuleSetName;
import io.poka.telemetry.VariableDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * A chart saved after any reading and restored into a fresh run (what the replica taking a line over does) goes on
 * exactly as the run that never stopped: same points, sums, limits and firings, bit for bit, and the same memory at
 * the end. Replaces the former bound test of the replay rebuild: only individuals/moving-range charts are rebuilt
 * exactly by replaying the last readings (poka.spc.resume-readings, 50), so only they are not saved.
 * Readings: 10 + N(0, 1) with a +0.8 sigma shift from reading 150 on, which keeps the CUSUM sum above zero for
 * long stretches and fires the EWMA.
 */
class ChartRunRestoredStateIsExactTest {
    private static final int READINGS = 300;
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    private static double[] readings(long seed) {
        Random r = new Random(seed);
        double[] x = new double[READINGS];
        for (int i = 0; i < x.length; i++) {
            // held repeats now and then, as analyzers do (the AR(1) and forecast charts skip them)
            x[i] = i % 17 == 5 ? x[i - 1] : 10 + r.nextGaussian() + (i >= 150 ? 0.8 : 0);
        }
        return x;
    }

    private static ChartRun run(ChartKind kind) {
        int n = kind == ChartKind.XBAR_R || kind == ChartKind.XBAR_S ? 5 : 1;
        Double interval = kind == ChartKind.XBAR_S ? 1.0 : null;
        VariableDefinition v = new VariableDefinition(UUID.randomUUID(), "line", "x", "mm", null, null, null, interval,
                null, null, null, null, kind, n, RuleSetName.WESTERN_ELECTRIC);
        ControlLimitsView l = new ControlLimitsView("line", "x", 1, kind.name(), "ENTERED_FROM_STUDY", 10, 1, n, 3, null, null, 200,
                List.of(), "test", START, "test", kind == ChartKind.AR1_RESIDUALS ? 0.5 : null, null,
                kind == ChartKind.EWMA_FORECAST ? 0.05 : null);
        return new ChartRun(v, l, 0.2, 0.5, 5);
    }

    private static List<ChartRun.Plotted> feed(ChartRun run, double[] x, int from, int to) {
        List<ChartRun.Plotted> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.addAll(run.accept(START.plusSeconds(i), x[i]));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(ChartKind.class)
    void aRunRestoredFromItsSavedStateGoesOnExactlyAsTheRunThatNeverStopped(ChartKind kind) throws Exception {
        double[] x = readings(kind.ordinal() + 3);
        ChartRun single = run(kind);
        List<ChartRun.Plotted> all = feed(single, x, 0, READINGS);
        byte[] end = single.save();
        int firings = all.stream().mapToInt(p -> p.violations().size()).sum();
        assertTrue(firings > 0, kind + " fires on these readings");
        for (int move = 1; move < READINGS; move += 7) {
            ChartRun before = run(kind);
            List<ChartRun.Plotted> head = feed(before, x, 0, move);
            ChartRun after = run(kind);
            after.restore(before.save());
            List<ChartRun.Plotted> tail = feed(after, x, move, READINGS);
            assertEquals(all, concat(head, tail), kind + " moved after reading " + move);
            assertArrayEquals(end, after.save(), kind + " memory at the end, moved after reading " + move);
        }
    }

    @Test
    void onlyIndividualsAndMovingRangeChartsAreRebuiltExactlyByReplayingTheLast50Readings() {
        for (ChartKind kind : ChartKind.values()) {
            assertEquals(kind == ChartKind.IMR, run(kind).rebuiltExactlyFrom(50), kind.name());
        }
        assertFalse(run(ChartKind.IMR).rebuiltExactlyFrom(7), "WE4 (8 in a row on one side) looks 8 points back");
        for (ChartKind kind : List.of(ChartKind.IMR, ChartKind.EWMA, ChartKind.CUSUM)) {
            double[] x = readings(kind.ordinal() + 3);
            ChartRun single = run(kind);
            int differs = 0;
            for (int move = 60; move < READINGS; move += 10) {
                feed(single, x, move == 60 ? 0 : move - 10, move);
                ChartRun replayed = run(kind);
                feed(replayed, x, move - 50, move);
                if (!java.util.Arrays.equals(single.save(), replayed.save())) {
                    differs++;
                }
            }
            if (kind == ChartKind.IMR) {
                assertEquals(0, differs, "the replay rebuilds individuals and moving ranges exactly");
            } else {
                assertNotEquals(0, differs, kind + ": the replay alone would not rebuild it exactly");
            }
        }
    }

    @Test
    void aStateSavedUnderOtherLimitsOrSettingsIsNotTakenForThisChart() {
        VariableDefinition v = new VariableDefinition(UUID.randomUUID(), "line", "x", "mm", null, null, null, null,
                null, null, null, null, ChartKind.EWMA, 1, RuleSetName.WESTERN_ELECTRIC);
        ControlLimitsView v1 = new ControlLimitsView("line", "x", 1, "EWMA", "ENTERED_FROM_STUDY", 10, 1, 1, 3, null, null, 200,
                List.of(), "test", START, "test", null, null, null);
        ControlLimitsView v2 = new ControlLimitsView("line", "x", 2, "EWMA", "ENTERED_FROM_STUDY", 10, 1, 1, 3, null, null, 200,
                List.of(), "test", START, "test", null, null, null);
        String fingerprint = new ChartRun(v, v1, 0.2, 0.5, 5).fingerprint();
        assertEquals(fingerprint, new ChartRun(v, v1, 0.2, 0.5, 5).fingerprint());
        assertNotEquals(fingerprint, new ChartRun(v, v2, 0.2, 0.5, 5).fingerprint(), "new limits version");
        assertNotEquals(fingerprint, new ChartRun(v, v1, 0.1, 0.5, 5).fingerprint(), "other lambda");
    }

    private static List<ChartRun.Plotted> concat(List<ChartRun.Plotted> a, List<ChartRun.Plotted> b) {
        List<ChartRun.Plotted> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
