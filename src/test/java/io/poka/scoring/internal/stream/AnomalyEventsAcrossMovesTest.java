package io.poka.scoring.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.poka.scoring.AnomalyDetected;
import io.poka.scoring.RowScore;
import io.poka.scoring.ScoringApi;
import io.poka.scoring.ScoringFixtures;
import io.poka.scoring.TepData;
import io.poka.telemetry.ReadingPartitionsMoved;
import io.poka.telemetry.ReadingsStored;
import io.poka.telemetry.StoredReading;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A line's anomaly events must be those of one uninterrupted run, each once, whatever happens to its partition:
 * the scoring of a committed batch fails (as a crash right after the readings' commit would lose it) and the line
 * moves to a new owner; later the line moves again, its last batch is redelivered to Kafka and a second scorer
 * (the old owner, late) scores readings that were scored already. Readings arrive in batches that split time steps,
 * so a step is half stored when the line moves. The model has lags and an EWMA alarm rule, so every flag depends on
 * the rows before it: the new owner must continue from the same state.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AnomalyEventsAcrossMovesTest {
    private static final int STEPS_PER_PHASE = 60;
    /** Readings per ingestion batch: 13.5 steps of 52 variables, so batches split steps. */
    private static final int BATCH = 700;
    private static final String PARTITION = "poka.telemetry.readings.v1-0";

    /** Fails the scoring transaction of the watched line once, when armed (a crash after the readings committed). */
    @ApplicationScoped
    static class ScoringCrash {
        volatile String armedFor;

        void on(@Observes AnomalyDetected a) {
            if (a.line().equals(armedFor)) {
                armedFor = null;
                throw new IllegalStateException("simulated crash between the readings' commit and their scoring");
            }
        }

        void arm(String line) {
            armedFor = line;
        }

        boolean fired() {
            return armedFor == null;
        }
    }

    @Inject
    ScoringApi scoring;

    @Inject
    StreamingScorer scorer;

    @Inject
    ScoringCrash crash;

    @Inject
    Event<ReadingPartitionsMoved> moved;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anomalyEventsAcrossACrashMovesAndRedeliveriesAreOneUninterruptedRunsEachOnce() throws Exception {
        String line = "failover-" + UUID.randomUUID();
        String modelId = ScoringFixtures.activeModel(line, Map.of("epochs", 2, "lags", 2,
                "hiddenSizes", List.of(16), "latentSize", 4, "discriminatorHidden", 8, "crossFitBlocks", 2,
                "alarmRule", Map.of("kind", "EWMA", "lambda", 0.3)));
        List<double[]> rows = ScoringFixtures.normalThenFault6(STEPS_PER_PHASE);
        Instant start = Instant.now().minus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        // one uninterrupted run: the whole series scored in one pass from the normal level
        TreeMap<Instant, Double> expected = new TreeMap<>();
        for (RowScore r : scoring.scoreWithModel(UUID.fromString(modelId), TepData.VARIABLES,
                rows.toArray(double[][]::new)).rows()) {
            if (r.anomalous()) {
                expected.put(start.plusSeconds(60L * r.row()), r.score());
            }
        }

        List<StoredReading> readings = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (int v = 0; v < TepData.VARIABLES.size(); v++) {
                readings.add(new StoredReading(line + "-" + i + "-" + v, line, "tep", TepData.VARIABLES.get(v),
                        rows.get(i)[v], "u", start.plusSeconds(60L * i), null));
            }
        }
        List<List<StoredReading>> batches = new ArrayList<>();
        for (int from = 0; from < readings.size(); from += BATCH) {
            batches.add(readings.subList(from, Math.min(readings.size(), from + BATCH)));
        }
        for (int b = 0; b < batches.size(); b++) {
            if (b == 5) {
                crash.arm(line);
            }
            post(batches.get(b));
            if (b == 5) {
                assertTrue(crash.fired(), "the scoring of batch 5 failed");
                move();
            }
            if (b == 7) {
                move();
                post(batches.get(7)); // redelivered by Kafka: telemetry stores nothing twice
                scorer.onStored(new ReadingsStored(batches.get(7))); // a second scorer, late, on rows already scored
            }
        }

        TreeMap<Instant, List<Double>> published = anomalyEvents(line);
        List<Instant> duplicated = published.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList();
        assertTrue(expected.size() > 40 && expected.firstKey().isBefore(start.plusSeconds(60L * 80)),
                "the run flags rows before the crash: " + expected.keySet());
        assertEquals(List.of(), duplicated, "rows published more than once");
        assertEquals(expected.keySet(), published.keySet(), "rows published as anomalous");
        for (var e : expected.entrySet()) {
            double streamed = published.get(e.getKey()).get(0);
            // float32 matrix products differ in the last bits between batch sizes (StreamedWindowsTest)
            assertEquals(e.getValue(), streamed, 1e-6 * e.getValue(), "EWMA score of the row at " + e.getKey());
        }
    }

    private void move() {
        moved.fire(new ReadingPartitionsMoved(Set.of(PARTITION), Set.of()));
        moved.fire(new ReadingPartitionsMoved(Set.of(), Set.of(PARTITION)));
    }

    private static void post(List<StoredReading> batch) {
        StringBuilder body = new StringBuilder("[");
        for (StoredReading r : batch) {
            body.append(body.length() > 1 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"readingId\":\"%s\",\"line\":\"%s\",\"station\":\"tep\",\"variable\":\"%s\",\"value\":%s,"
                            + "\"unit\":\"u\",\"timestamp\":\"%s\"}",
                    r.readingId(), r.line(), r.variable(), r.value(), r.timestamp()));
        }
        Api.asAdmin().body(body.append(']').toString()).post("/api/v1/telemetry/readings").then().statusCode(200);
    }

    /** The line's AnomalyDetected outbox rows: the scores published per row time. */
    private TreeMap<Instant, List<Double>> anomalyEvents(String line) throws Exception {
        TreeMap<Instant, List<Double>> found = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select payload->>'observedAt', (payload->>'score')::float8 from platform.outbox_event "
                        + "where type = 'AnomalyDetected' and event_key = ?")) {
            ps.setString(1, line);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.computeIfAbsent(Instant.parse(rs.getString(1)), t -> new ArrayList<>()).add(rs.getDouble(2));
                }
            }
        }
        return found;
    }
}
