package io.poka.spc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.spc.ControlLimitsView;
import io.poka.spc.RuleViolated;
import io.poka.telemetry.ReadingPartitionsMoved;
import io.poka.telemetry.TelemetryApi;
import io.poka.telemetry.VariableDefinition;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A chart whose partition moves mid-stream must go on, on its new owner, exactly as one owner would have: the
 * EWMA and CUSUM statistics (infinite memory) and every firing equal, to the bit, a single pass over the same
 * readings. The readings shift by +0.8 sigma from reading 150 on, so the CUSUM sum stays above zero across the
 * move and the EWMA is far from its centre when the state moves.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ChartStateAfterMoveIsExactTest {
    private static final int READINGS = 400;
    private static final int MOVE_AT = 250;
    private static final int BATCH = 50;

    /** The firings the streaming charts fired (inside the ingestion transactions) on the lines watched. */
    @ApplicationScoped
    static class FiringsSeen {
        final Set<String> watched = ConcurrentHashMap.newKeySet();
        final List<RuleViolated> seen = new CopyOnWriteArrayList<>();

        void on(@Observes RuleViolated v) {
            if (watched.contains(v.line())) {
                seen.add(v);
            }
        }

        void watch(String line) {
            watched.add(line);
        }

        /** Read through a method: the injected client proxy's own field would be an empty list. */
        List<RuleViolated> of(String line) {
            return seen.stream().filter(v -> v.line().equals(line)).toList();
        }
    }

    /** A firing as compared here: chart, rule, the points' times and the plotted value. */
    record Firing(String variable, String chart, String rule, List<Instant> points, double value) {
    }

    @Inject
    FiringsSeen firings;

    @Inject
    Event<ReadingPartitionsMoved> moved;

    @Inject
    StreamingSpc streaming;

    @Inject
    TelemetryApi telemetry;

    @Inject
    LimitsRepository limits;

    private static List<Double> readings(long seed) {
        Random r = new Random(seed);
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < READINGS; i++) {
            x.add(10 + r.nextGaussian() + (i >= 150 ? 0.8 : 0));
        }
        return x;
    }

    @Test
    void ewmaAndCusumAfterAPartitionMoveEqualOneOwnersPassToTheBit() {
        String line = TelemetryFixtures.newLine();
        firings.watch(line);
        Instant start = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<String> variables = List.of("ewma", "cusum");
        TelemetryFixtures.defineVariable(line, "ewma", "mm", ",\"chartType\":\"EWMA\"");
        TelemetryFixtures.defineVariable(line, "cusum", "mm", ",\"chartType\":\"CUSUM\"");
        for (String v : variables) {
            TelemetryFixtures.enterLimits(line, v, 10.0, 1.0);
        }
        List<List<Double>> values = List.of(readings(3), readings(5));

        for (int from = 0; from < READINGS; from += BATCH) {
            if (from == MOVE_AT) {
                // the line's partition moves to a replica that never charted it (this one, its memory dropped)
                moved.fire(new ReadingPartitionsMoved(Set.of("poka.telemetry.readings.v1-0"), Set.of()));
                moved.fire(new ReadingPartitionsMoved(Set.of(), Set.of("poka.telemetry.readings.v1-0")));
            }
            // one request per batch with both variables' readings: one ingestion transaction, as from Kafka
            StringBuilder body = new StringBuilder("[");
            for (int v = 0; v < variables.size(); v++) {
                for (int i = from; i < from + BATCH; i++) {
                    body.append(body.length() > 1 ? "," : "").append(TelemetryFixtures.reading(
                            UUID.randomUUID().toString(), line, variables.get(v), "mm", values.get(v).get(i),
                            start.plusSeconds(i)));
                }
            }
            Api.asAdmin().body(body.append(']').toString()).post("/api/v1/telemetry/readings").then().statusCode(200)
                    .body("accepted", org.hamcrest.Matchers.equalTo(BATCH * variables.size()));
        }

        List<Firing> expected = new ArrayList<>();
        for (int v = 0; v < variables.size(); v++) {
            String variable = variables.get(v);
            ChartRun single = oneOwner(line, variable);
            for (int i = 0; i < READINGS; i++) {
                for (ChartRun.Plotted p : single.accept(start.plusSeconds(i), values.get(v).get(i))) {
                    p.violations().forEach(f -> expected.add(new Firing(variable, p.chart().name(), f.ruleId(),
                            f.pointIndices().stream().map(Instant::ofEpochMilli).toList(), p.value())));
                }
            }
        }
        List<Firing> streamed = firings.of(line).stream()
                .map(f -> new Firing(f.variable(), f.chart(), f.ruleId(), f.pointTimes(), f.value())).toList();

        assertTrue(expected.stream().anyMatch(f -> f.variable().equals("ewma") && f.points().get(0)
                .isAfter(start.plusSeconds(MOVE_AT))), "the EWMA fires after the move");
        assertTrue(expected.stream().anyMatch(f -> f.variable().equals("cusum") && f.points().get(0)
                .isBefore(start.plusSeconds(MOVE_AT - 50)) && f.points().get(f.points().size() - 1)
                .isAfter(start.plusSeconds(MOVE_AT))), "a CUSUM signal spans the move and the replay window");
        assertEquals(sorted(expected, "ewma"), sorted(streamed, "ewma"), "EWMA firings and values");
        assertEquals(sorted(expected, "cusum"), sorted(streamed, "cusum"), "CUSUM firings and their points");
    }

    private static List<Firing> sorted(List<Firing> all, String variable) {
        return all.stream().filter(f -> f.variable().equals(variable))
                .sorted(java.util.Comparator.comparing((Firing f) -> f.points().get(f.points().size() - 1))
                        .thenComparing(Firing::chart).thenComparing(Firing::rule))
                .toList();
    }

    private ChartRun oneOwner(String line, String variable) {
        VariableDefinition v = telemetry.variable(line, variable).orElseThrow();
        ControlLimitsView l = limits.current(line, variable).orElseThrow();
        return streaming.newRun(v, l);
    }
}
