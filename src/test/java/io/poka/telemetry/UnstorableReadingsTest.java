package io.poka.telemetry;

import static io.poka.testing.TelemetryFixtures.READINGS_TOPIC;
import static io.poka.testing.TelemetryFixtures.header;
import static io.poka.testing.TelemetryFixtures.reading;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Readings the database cannot store never stop the stream: a NUL character (which PostgreSQL refuses in text) is
 * rejected by the parser, and a refusal the parser does not foresee (a timestamp before 4713 BC, outside
 * PostgreSQL's timestamptz range: SQLState 22008) is isolated by splitting the batch. Either way the reading is
 * dead-lettered with its reason, the rest of the batch is stored once, and later readings are stored too.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class UnstorableReadingsTest {
    private static final String BY_LINE = "select count(*) from telemetry.reading where line = ?";
    private static final String BY_ID = "select count(*) from telemetry.reading where reading_id = ?";
    /** Parses as ISO-8601 (OffsetDateTime) but lies before PostgreSQL's lowest timestamp, 4714-11-24 BC. */
    private static final String BEFORE_POSTGRES_TIME = "-5000-01-01T00:00:00Z";

    @Test
    void aNulInTheStationIsDeadLetteredAndTheReadingsAroundAndAfterItAreStoredOnce() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "temp", "degC", "");
        Instant ts = Instant.now().minusSeconds(600);
        String poison = UUID.randomUUID().toString();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            messages.add(reading(UUID.randomUUID().toString(), line, "temp", "degC", i, ts.plusSeconds(i)));
        }
        messages.add(40, reading(poison, line, "temp", "degC", 1, ts).replace("\"station\":\"S1\"",
                "\"station\":\"S\\u00001\""));
        send(line, messages);
        ConsumerRecord<String, String> dead = deadLetters(List.of(poison)).get(poison);
        assertEquals("invalid-field", header(dead, "poka-dlq-reason-code"));
        assertTrue(header(dead, "poka-dlq-reason").contains("station: must not contain control characters (U+0000"),
                header(dead, "poka-dlq-reason"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TelemetryFixtures.count(BY_LINE, line) == 100);
        assertEquals(0, TelemetryFixtures.count(BY_ID, poison));
        assertStoredLater(line, ts.plusSeconds(300), 101);
    }

    @Test
    void aReadingTheDatabaseRefusesIsIsolatedFromItsBatchAndDeadLetteredWithTheDatabasesReason() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "temp", "degC", "");
        Instant ts = Instant.now().minusSeconds(600);
        List<String> refused = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            messages.add(reading(UUID.randomUUID().toString(), line, "temp", "degC", i % 5, ts.plusSeconds(i)));
        }
        messages.add(150, reading(refused.get(1), line, "temp", "degC", 1, ts).replace(ts.toString(),
                BEFORE_POSTGRES_TIME));
        messages.add(3, reading(refused.get(0), line, "temp", "degC", 1, ts).replace(ts.toString(),
                BEFORE_POSTGRES_TIME));
        send(line, messages);
        Map<String, ConsumerRecord<String, String>> dead = deadLetters(refused);
        for (String id : refused) {
            assertEquals("refused-by-database", header(dead.get(id), "poka-dlq-reason-code"));
            assertTrue(header(dead.get(id), "poka-dlq-reason").contains("SQLState 22008"), header(dead.get(id),
                    "poka-dlq-reason"));
            assertTrue(dead.get(id).value().contains(BEFORE_POSTGRES_TIME), "dead-lettered unchanged");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TelemetryFixtures.count(BY_LINE, line) == 200);
        assertEquals(200, TelemetryFixtures.count("select count(distinct reading_id) from telemetry.reading "
                + "where line = ?", line));
        assertStoredLater(line, ts.plusSeconds(300), 201);
    }

    @Test
    void theBulkEndpointNamesTheRowOfAReadingTheDatabaseWouldRefuseInsteadOfFailing() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "temp", "degC", "");
        Instant ts = Instant.now().minusSeconds(600);
        String body = "[" + reading(UUID.randomUUID().toString(), line, "temp", "degC", 1, ts) + ","
                + reading(UUID.randomUUID().toString(), line, "temp", "degC", 1, ts).replace(ts.toString(),
                        BEFORE_POSTGRES_TIME) + ","
                + reading(UUID.randomUUID().toString(), line, "temp", "degC", 1, ts).replace("\"station\":\"S1\"",
                        "\"station\":\"S\\u00001\"") + ","
                + reading(UUID.randomUUID().toString(), line, "temp", "degC", 1, ts.plusSeconds(1)) + "]";

        Api.asAdmin().body(body).queryParam("policy", "ALL_OR_NOTHING").post("/api/v1/telemetry/readings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("row 3")))
                .body("errors[0].message", containsString("control characters"));
        String refusedOnly = "[" + reading(UUID.randomUUID().toString(), line, "temp", "degC", 1, ts) + ","
                + reading(UUID.randomUUID().toString(), line, "temp", "degC", 1, ts).replace(ts.toString(),
                        BEFORE_POSTGRES_TIME) + "]";
        Api.asAdmin().body(refusedOnly).queryParam("policy", "ALL_OR_NOTHING").post("/api/v1/telemetry/readings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("row 2")))
                .body("errors[0].message", containsString("SQLState 22008"));
        assertEquals(0, TelemetryFixtures.count(BY_LINE, line), "all or nothing: nothing");

        Api.asAdmin().body(body).post("/api/v1/telemetry/readings").then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(2))
                .body("errors.row", equalTo(List.of(2, 3)))
                .body("errors.code", equalTo(List.of("refused-by-database", "invalid-field")));
        assertEquals(2, TelemetryFixtures.count(BY_LINE, line));
    }

    /** A reading produced after the bad ones is stored: the stream goes on. */
    private static void assertStoredLater(String line, Instant ts, int total) throws Exception {
        String later = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = TelemetryFixtures.producer()) {
            producer.send(new ProducerRecord<>(READINGS_TOPIC, line, reading(later, line, "temp", "degC", 1, ts))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TelemetryFixtures.count(BY_ID, later) == 1);
        assertEquals(total, TelemetryFixtures.count(BY_LINE, line));
    }

    private static Map<String, ConsumerRecord<String, String>> deadLetters(List<String> ids) {
        Map<String, ConsumerRecord<String, String>> dead = TelemetryFixtures.deadLetters(ids);
        assertEquals(ids.size(), dead.size(), "every refused reading is in the dead-letter topic");
        return dead;
    }

    /** Sends the messages of one line in order and waits for the broker's acks. */
    private static void send(String line, List<String> messages) {
        try (KafkaProducer<String, String> producer = TelemetryFixtures.producer()) {
            for (String m : messages) {
                producer.send(new ProducerRecord<>(READINGS_TOPIC, line, m));
            }
            producer.flush();
        }
    }
}
