package io.poka.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.scoring.internal.data.NumericTable;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Streaming scoring through {@link ScoringApi#scoreWindow}: a faulty TEP replay in micro-batches raises
 * AnomalyDetected events that reach the real Kafka broker through the outbox; a normal replay raises (almost) none.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class StreamingScoringTest {
    @Inject
    ScoringApi scoring;

    @Test
    void aFaultyReplayInMicroBatchesPublishesAnomalyDetectedWithModelVersionAndScore() {
        ScoringRestFlowTest.qaManager();
        String line = "stream-" + UUID.randomUUID();
        String modelId = ScoringRestFlowTest.trainOnNormal(line, 30);
        ScoringRestFlowTest.promote(modelId);

        Instant t0 = Instant.parse("2026-11-29T06:00:00Z");
        int normalAlarms = replay(line, TepData.normal().slice(400, 500), t0);
        NumericTable fault = TepData.fault(6);
        long started = System.nanoTime();
        // the fault follows the normal rows in time (an anomaly is identified by line, model and row time)
        int faultAlarms = replay(line, fault, t0.plusSeconds(180L * 100));
        // measured cost of the full path (transaction, scoring, one outbox row per anomaly), for docs/scoring.md
        System.out.printf(java.util.Locale.ROOT, "streaming replay of fault 6: %d rows in windows of 20, %.1f us per row%n",
                fault.rowCount(), (System.nanoTime() - started) / 1e3 / fault.rowCount());
        assertTrue(normalAlarms <= 1, "alarms in the held-out normal replay: " + normalAlarms);
        assertTrue(faultAlarms > 0.9 * fault.rowCount(), "alarms in the fault 6 replay: " + faultAlarms);

        List<ConsumerRecord<String, String>> events = published(line, normalAlarms + faultAlarms, Duration.ofSeconds(60));
        assertEquals(normalAlarms + faultAlarms, events.size());
        ConsumerRecord<String, String> first = events.get(0);
        assertEquals("AnomalyDetected", new String(first.headers().lastHeader("poka-event-type").value(), StandardCharsets.UTF_8));
        assertTrue(first.value().contains("\"modelId\":\"" + modelId + "\""), first.value());
        assertTrue(first.value().contains("\"modelVersion\":1"), first.value());
        assertTrue(first.value().contains("\"score\":"), first.value());
        assertTrue(first.value().contains("\"topContributors\":[{"), first.value());
        assertTrue(first.value().contains("\"variable\":\"XM"), first.value());
    }

    @Test
    void readingsIngestedForALineWithAnActiveModelAreScoredAndAnomaliesPublished() {
        ScoringRestFlowTest.qaManager();
        String line = "ingest-" + UUID.randomUUID();
        String modelId = ScoringRestFlowTest.trainOnNormal(line, 30);
        ScoringRestFlowTest.promote(modelId); // catalogues the line's variables first
        NumericTable fault = TepData.fault(6).slice(0, 60);
        Instant t0 = Instant.now().minus(Duration.ofHours(4));
        for (int start = 0; start < fault.rowCount(); start += 20) {
            StringBuilder body = new StringBuilder("[");
            for (int i = start; i < start + 20; i++) {
                for (int v = 0; v < fault.variables().size(); v++) {
                    body.append(body.length() > 1 ? "," : "").append(String.format(java.util.Locale.ROOT,
                            "{\"readingId\":\"%s-%d-%d\",\"line\":\"%s\",\"station\":\"tep\",\"variable\":\"%s\","
                                    + "\"value\":%s,\"unit\":\"u\",\"timestamp\":\"%s\"}",
                            line, i, v, line, fault.variables().get(v), fault.rows()[i][v], t0.plusSeconds(180L * i)));
                }
            }
            io.poka.testing.Api.asAdmin().body(body.append("]").toString()).post("/api/v1/telemetry/readings")
                    .then().statusCode(200).body("accepted", org.hamcrest.Matchers.equalTo(20 * fault.variables().size()));
        }
        List<ConsumerRecord<String, String>> events = published(line, 54, Duration.ofSeconds(60));
        assertTrue(events.size() >= 54 && events.size() <= 60, "AnomalyDetected events for 60 fault-6 rows: " + events.size());
        assertTrue(events.get(0).value().contains("\"modelId\":\"" + modelId + "\""), events.get(0).value());
        assertTrue(events.get(0).value().contains("\"observedAt\":\"" + t0.toString().substring(0, 10)), events.get(0).value());
    }

    /** Replays the table in windows of 20 rows, a row every 3 minutes from t0; returns how many rows were anomalous. */
    private int replay(String line, NumericTable table, Instant t0) {
        int alarms = 0;
        for (int start = 0; start < table.rowCount(); start += 20) {
            int end = Math.min(table.rowCount(), start + 20);
            List<double[]> rows = Arrays.asList(table.slice(start, end).rows());
            List<Instant> times = new ArrayList<>();
            for (int i = start; i < end; i++) {
                times.add(t0.plusSeconds(180L * i));
            }
            ScoredWindow w = scoring.scoreWindow(line, table.variables(), rows, times);
            alarms += (int) w.rows().stream().filter(RowScore::anomalous).count();
        }
        return alarms;
    }

    /** The line's incidents (IncidentOpened/Updated) share its key on the topic: only anomalies are counted here. */
    private static boolean isAnomaly(ConsumerRecord<String, String> r) {
        var type = r.headers().lastHeader("poka-event-type");
        return type != null && "AnomalyDetected".equals(new String(type.value(), StandardCharsets.UTF_8));
    }

    private static List<ConsumerRecord<String, String>> published(String key, int expected, Duration wait) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "scoring-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of("poka.quality.events.v1"));
            Instant end = Instant.now().plus(wait);
            while (Instant.now().isBefore(end) && found.size() < expected) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key()) && isAnomaly(r)) {
                        found.add(r);
                    }
                });
            }
            // a little longer, so that extra events would be seen
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> {
                if (key.equals(r.key()) && isAnomaly(r)) {
                    found.add(r);
                }
            });
        }
        return found;
    }
}
