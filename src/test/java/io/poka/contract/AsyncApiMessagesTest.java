package io.poka.contract;

import static io.poka.testing.TelemetryFixtures.READINGS_TOPIC;
import static io.poka.testing.TelemetryFixtures.reading;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.alerts.AlertFixtures;
import io.poka.contract.AsyncApiContract.MessageContract;
import io.poka.inspections.InspectedLots;
import io.poka.lots.LotFixtures;
import io.poka.platform.Roles;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Records the running application really sends (quality events from REST actions, dead letters of bad readings) and a
 * reading it really accepts conform to docs/asyncapi.yaml: value to the message's payload schema, key to its Kafka key
 * schema, headers to its header schema.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AsyncApiMessagesTest {
    private static final String QUALITY_EVENTS = "poka.quality.events.v1";
    private static final Map<String, Object> SIGNED = Map.of("reason", "contract test",
            "signature", Map.of("password", LotFixtures.PASSWORD, "meaning", "APPROVAL"));

    private final AsyncApiContract contract = AsyncApiContract.load();

    @Test
    void qualityEventsFromRestActionsConformToTheirMessageValueKeyAndHeaders() {
        Set<String> keys = new HashSet<>();
        // lots and an accepted inspection: LotStatusChanged, InspectionPassed
        InspectedLots.Scenario inspected = InspectedLots.readyForRelease();
        keys.add(inspected.lotId());
        // hold, lift, hold, signed USE_AS_IS disposition: LotHeld, LotHoldLifted, LotDispositioned, LotReleased
        String held = InspectedLots.create(inspected.product(), LotFixtures.unique("EXT"));
        keys.add(held);
        LotFixtures.as(Roles.QA_MANAGER).body(Map.of("reason", "burr")).post("/api/v1/lots/" + held + "/hold").then().statusCode(200);
        LotFixtures.as(Roles.QA_MANAGER).body(Map.of("reason", "gauge error")).post("/api/v1/lots/" + held + "/lift-hold").then().statusCode(200);
        LotFixtures.as(Roles.QA_MANAGER).body(Map.of("reason", "burr again")).post("/api/v1/lots/" + held + "/hold").then().statusCode(200);
        LotFixtures.as(Roles.QA_MANAGER).body(Map.of("decision", "USE_AS_IS", "reason", "cosmetic only", "signature",
                Map.of("password", LotFixtures.PASSWORD, "meaning", "RESPONSIBILITY")))
                .post("/api/v1/lots/" + held + "/dispositions").then().statusCode(201);
        // signed rejection: LotRejected
        String rejected = InspectedLots.create(inspected.product(), LotFixtures.unique("EXT"));
        keys.add(rejected);
        LotFixtures.as(Roles.QA_MANAGER).body(SIGNED).post("/api/v1/lots/" + rejected + "/reject").then().statusCode(200);
        // a rejected inspection (2 major nonconforming, Re 2): InspectionFailed
        String failed = InspectedLots.create(inspected.product(), LotFixtures.unique("EXT"));
        keys.add(failed);
        Api.asAdmin().body(Map.of("to", "AWAITING_INSPECTION")).post("/api/v1/lots/" + failed + "/moves").then().statusCode(200);
        Api.asAdmin().body(Map.of("lotId", failed, "planId", inspected.planId(), "attributes", List.of(
                Map.of("defectClass", "MAJOR", "nonconforming", 2), Map.of("defectClass", "MINOR", "nonconforming", 0))))
                .post("/api/v1/inspections").then().statusCode(201);
        // an SPC alert acknowledged and resolved: AlertRaised, AlertAcknowledged, AlertResolved
        String line = AlertFixtures.lineWithWe1AndWe2Alerts();
        keys.add(line + "/temp");
        String alert = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> AlertFixtures.alertId(line, "WE1"), a -> a != null);
        Api.asAdmin().post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(200);
        Api.asAdmin().body(Map.of("rootCause", "thermocouple drifted")).post("/api/v1/alerts/" + alert + "/resolve").then().statusCode(200);
        // the line's incident assigned and resolved: IncidentOpened, IncidentUpdated, IncidentResolved
        keys.add(line);
        String incident = Api.asAdmin().queryParam("line", line).get("/api/v1/incidents").then().statusCode(200)
                .extract().path("items[0].id");
        Api.asAdmin().body(Map.of("assignee", "admin")).post("/api/v1/incidents/" + incident + "/assign").then().statusCode(200);
        Api.asAdmin().body(Map.of("cause", "thermocouple drifted")).post("/api/v1/incidents/" + incident + "/resolve").then().statusCode(200);
        // an audit checkpoint: AuditCheckpointPublished
        String checkpoint = Api.asAdmin().post("/api/v1/audit/checkpoints").then().statusCode(201).extract().path("id");
        keys.add("audit-chain");

        Set<String> expectedTypes = Set.of("LotStatusChanged", "InspectionPassed", "LotHeld", "LotHoldLifted",
                "LotDispositioned", "LotReleased", "LotRejected", "InspectionFailed", "AlertRaised", "AlertAcknowledged",
                "AlertResolved", "IncidentOpened", "IncidentUpdated", "IncidentResolved", "AuditCheckpointPublished");
        List<ConsumerRecord<String, String>> records = qualityEvents(keys, expectedTypes, checkpoint);
        Map<String, MessageContract> messages = contract.channel(QUALITY_EVENTS);
        Map<String, Set<String>> violations = new HashMap<>();
        Set<String> seen = new TreeSet<>();
        for (ConsumerRecord<String, String> r : records) {
            String type = headers(r).get("poka-event-type");
            seen.add(type);
            MessageContract message = messages.get(type);
            Set<String> found = message == null ? Set.of("no message for this type in docs/asyncapi.yaml")
                    : message.violations(r.key(), r.value(), headers(r));
            if (!found.isEmpty()) {
                violations.put(type + " " + r.value(), found);
            }
        }
        assertTrue(seen.containsAll(expectedTypes), "seen " + seen);
        assertTrue(violations.isEmpty(), violations.toString());
    }

    @Test
    void aReadingTheContractDescribesIsStoredAndBadOnesReachTheDeadLetterTopicAsDeclared() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "pressure", "bar", "");
        String good = UUID.randomUUID().toString();
        String unknownVariable = UUID.randomUUID().toString();
        String unparseable = "{broken " + UUID.randomUUID();
        String goodValue = reading(good, line, "pressure", "bar", 2, Instant.now().minusSeconds(5));
        String key = line + "/pressure";
        MessageContract readingMessage = contract.channel(READINGS_TOPIC).get("Reading");
        assertEquals(Set.of(), readingMessage.violations(key, goodValue, Map.of()));
        try (KafkaProducer<String, String> producer = TelemetryFixtures.producer()) {
            producer.send(new ProducerRecord<>(READINGS_TOPIC, key, goodValue)).get();
            producer.send(new ProducerRecord<>(READINGS_TOPIC, key,
                    reading(unknownVariable, line, "humidity", "%", 40, Instant.now().minusSeconds(5)))).get();
            producer.send(new ProducerRecord<>(READINGS_TOPIC, null, unparseable)).get();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TelemetryFixtures.count(
                "select count(*) from telemetry.reading where reading_id = ?", good) == 1);

        Map<String, ConsumerRecord<String, String>> dead = TelemetryFixtures.deadLetters(List.of(unknownVariable, unparseable));
        assertEquals(2, dead.size(), "both bad records are dead-lettered");
        MessageContract rejected = contract.channel(TelemetryFixtures.DLQ_TOPIC).get("RejectedReading");
        for (ConsumerRecord<String, String> r : dead.values()) {
            assertEquals(Set.of(), rejected.violations(r.key(), r.value(), headers(r)), r.value());
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** The records keyed by one of {@code keys}, read from the start until every type and the checkpoint were seen. */
    private static List<ConsumerRecord<String, String>> qualityEvents(Set<String> keys, Set<String> types, String checkpoint) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "asyncapi-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean checkpointSeen = false;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(QUALITY_EVENTS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (!(seen.containsAll(types) && checkpointSeen) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(r.key())) {
                        found.add(r);
                        seen.add(headers(r).get("poka-event-type"));
                        checkpointSeen |= r.value().contains(checkpoint);
                    }
                }
            }
        }
        return found;
    }
}
