package io.poka.telemetry;

import static io.poka.testing.TelemetryFixtures.READINGS_TOPIC;
import static io.poka.testing.TelemetryFixtures.header;
import static io.poka.testing.TelemetryFixtures.reading;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Bad readings from Kafka end in the dead-letter topic, unchanged, with their reason in headers, and are counted. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DeadLetterTopicTest {

    @Test
    void badRecordsLandInTheDeadLetterTopicWithTheirReasonAndTheStreamGoesOn() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "pressure", "bar", "");
        String unknownVariable = UUID.randomUUID().toString();
        String future = UUID.randomUUID().toString();
        String unparseable = "{broken " + UUID.randomUUID();
        String good = UUID.randomUUID().toString();
        Instant now = Instant.now();
        try (KafkaProducer<String, String> producer = TelemetryFixtures.producer()) {
            producer.send(new ProducerRecord<>(READINGS_TOPIC, line,
                    reading(unknownVariable, line, "humidity", "%", 40, now.minusSeconds(5)))).get();
            producer.send(new ProducerRecord<>(READINGS_TOPIC, line,
                    reading(future, line, "pressure", "bar", 2, now.plusSeconds(3600)))).get();
            producer.send(new ProducerRecord<>(READINGS_TOPIC, line, unparseable)).get();
            producer.send(new ProducerRecord<>(READINGS_TOPIC, line,
                    reading(good, line, "pressure", "bar", 2, now.minusSeconds(5)))).get();
        }

        Map<String, ConsumerRecord<String, String>> dead = TelemetryFixtures.deadLetters(
                List.of(unknownVariable, future, unparseable));
        assertEquals(3, dead.size(), "all three bad records are in the dead-letter topic");
        assertEquals("unknown-variable", header(dead.get(unknownVariable), "poka-dlq-reason-code"));
        assertTrue(header(dead.get(unknownVariable), "poka-dlq-reason").contains("humidity"));
        assertEquals("future-timestamp", header(dead.get(future), "poka-dlq-reason-code"));
        assertEquals("unparseable", header(dead.get(unparseable), "poka-dlq-reason-code"));
        assertEquals(unparseable, dead.get(unparseable).value(), "the record is dead-lettered unchanged");
        assertEquals(line, dead.get(unparseable).key());

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TelemetryFixtures.count(
                "select count(*) from telemetry.reading where reading_id = ?", good) == 1);
        assertEquals(0, TelemetryFixtures.count("select count(*) from telemetry.reading where reading_id = ?", future));
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("poka_telemetry_readings_rejected_total{reason=\"unknown-variable\"}"));
    }
}
