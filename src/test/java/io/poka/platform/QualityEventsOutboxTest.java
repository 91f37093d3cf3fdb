package io.poka.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Quality events leave through the outbox onto the real broker, and only when their transaction commits. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class QualityEventsOutboxTest {
    private static final String TOPIC = "poka.quality.events.v1";

    @Inject
    QualityEvents events;

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    private static List<ConsumerRecord<String, String>> recordsWithKey(String key, Duration wait) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(TOPIC));
            Instant end = Instant.now().plus(wait);
            while (Instant.now().isBefore(end)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                if (!found.isEmpty() && wait.toSeconds() > 10) {
                    break;
                }
            }
        }
        return found;
    }

    @Test
    void aCommittedEventReachesTheQualityEventsTopicWithTypeHeaderAndEnvelope() {
        String key = "lot-" + UUID.randomUUID();
        UUID id = QuarkusTransaction.requiringNew().call(() -> events.publish("TestEventHappened", key, Map.of("answer", 42)));

        List<ConsumerRecord<String, String>> records = recordsWithKey(key, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        ConsumerRecord<String, String> r = records.get(0);
        assertEquals("TestEventHappened", new String(r.headers().lastHeader("poka-event-type").value(), StandardCharsets.UTF_8));
        assertTrue(r.value().contains("\"eventId\":\"" + id + "\""), r.value());
        assertTrue(r.value().contains("\"answer\":42"), r.value());
        assertTrue(r.value().contains("\"schema\":\"poka.quality-event/v1\""), r.value());
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverSent() {
        String key = "lot-" + UUID.randomUUID();
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            events.publish("ShouldNotLeave", key, Map.of());
            throw new IllegalStateException("the business change failed");
        }));
        String marker = "lot-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> events.publish("Marker", marker, Map.of()));
        // once the later marker is on the topic, the relay has run past the rolled-back event's time
        assertEquals(1, recordsWithKey(marker, Duration.ofSeconds(30)).size());
        assertEquals(0, recordsWithKey(key, Duration.ofSeconds(3)).size());
    }
}
