package io.poka.telemetry;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Readings produced to the real broker end up in PostgreSQL exactly once. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReadingsThroughKafkaTest {
    private static final String TOPIC = "poka.telemetry.readings.v1";

    private static KafkaProducer<String, String> producer() {
        return TelemetryFixtures.producer();
    }

    private static String reading(String id, String line, double value, Instant ts) {
        return """
                {"readingId":"%s","line":"%s","station":"S1","variable":"temperature","value":%s,"unit":"degC","timestamp":"%s"}"""
                .formatted(id, line, value, ts);
    }

    private static long storedRows(String readingId) throws Exception {
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("select count(*) from telemetry.reading where reading_id = ?")) {
            ps.setString(1, readingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aReadingProducedToTheBrokerIsStoredAndQueryable() throws Exception {
        String line = "line-" + UUID.randomUUID();
        TelemetryFixtures.defineVariable(line, "temperature", "degC", "");
        String id = UUID.randomUUID().toString();
        Instant ts = Instant.now().minusSeconds(60);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, line, reading(id, line, 71.25, ts))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRows(id) == 1);

        Api.asAdmin().queryParam("line", line).queryParam("variable", "temperature")
                .get("/api/v1/telemetry/readings").then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].readingId", equalTo(id))
                .body("[0].value", equalTo(71.25f))
                .body("[0].station", equalTo("S1"));
    }

    @Test
    void aReadingDeliveredTwiceIsStoredOnce() throws Exception {
        String line = "line-" + UUID.randomUUID();
        TelemetryFixtures.defineVariable(line, "temperature", "degC", "");
        String duplicate = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        Instant ts = Instant.now().minusSeconds(60);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, line, reading(duplicate, line, 1.0, ts))).get();
            producer.send(new ProducerRecord<>(TOPIC, line, reading(duplicate, line, 1.0, ts))).get();
            // same key = same partition, so once the marker is stored both copies have been consumed
            producer.send(new ProducerRecord<>(TOPIC, line, reading(marker, line, 2.0, ts.plusSeconds(1)))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRows(marker) == 1);
        assertEquals(1, storedRows(duplicate));
    }

    @Test
    void aBadRecordDoesNotStopTheStream() throws Exception {
        String line = "line-" + UUID.randomUUID();
        TelemetryFixtures.defineVariable(line, "temperature", "degC", "");
        String good = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, line, "{not json")).get();
            producer.send(new ProducerRecord<>(TOPIC, line,
                    "{\"readingId\":\"x\",\"line\":\"" + line + "\",\"value\":\"NaN\"}")).get();
            producer.send(new ProducerRecord<>(TOPIC, line, reading(good, line, 3.0, Instant.now().minusSeconds(60)))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRows(good) == 1);
        assertEquals(0, storedRows("x"));
    }
}
