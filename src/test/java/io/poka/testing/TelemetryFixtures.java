package io.poka.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Catalogue entries, reading messages, producers and database counts for the telemetry, SPC and alerts tests. */
public final class TelemetryFixtures {
    public static final String READINGS_TOPIC = "poka.telemetry.readings.v1";
    public static final String DLQ_TOPIC = "poka.telemetry.readings.dlq.v1";

    private TelemetryFixtures() {
    }

    /** A unique line name for one test. */
    public static String newLine() {
        return "line-" + UUID.randomUUID();
    }

    /** Adds (line, variable) to the catalogue as admin; {@code extraJson} is appended inside the body, e.g. ,"lsl":1. */
    public static String defineVariable(String line, String variable, String unit, String extraJson) {
        return Api.asAdmin().body("""
                {"line":"%s","variable":"%s","unit":"%s"%s}""".formatted(line, variable, unit, extraJson))
                .post("/api/v1/telemetry/variables").then().statusCode(201).extract().path("id");
    }

    /** Freezes limits entered from a study (center, sigma) for (line, variable) as admin. */
    public static void enterLimits(String line, String variable, double center, double sigma) {
        Api.asAdmin().body(java.util.Map.of("center", center, "sigma", sigma, "studyReference", "test study"))
                .post("/api/v1/spc/charts/" + line + "/" + variable + "/limits/entered").then().statusCode(201);
    }

    public static String reading(String id, String line, String variable, String unit, double value, Instant ts) {
        return """
                {"readingId":"%s","line":"%s","station":"S1","variable":"%s","value":%s,"unit":"%s","timestamp":"%s"}"""
                .formatted(id, line, variable, value, unit, ts);
    }

    /** Posts readings over the bulk endpoint, one per value, one second apart from {@code start}. */
    public static void postValues(String line, String variable, String unit, Instant start, List<Double> values) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            body.append(i == 0 ? "" : ",").append(reading(UUID.randomUUID().toString(), line, variable, unit,
                    values.get(i), start.plusSeconds(i)));
        }
        Api.asAdmin().body(body.append(']').toString()).post("/api/v1/telemetry/readings")
                .then().statusCode(200);
    }

    public static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }

    /** A string consumer of the test broker in a new group (prefix + random id) that reads topics from the start. */
    public static KafkaConsumer<String, String> consumerFromTheStart(String groupPrefix) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    /**
     * The dead-letter records whose value contains each marker (read from the start of the topic by a new group),
     * waiting up to 30 s for all of them; a marker not found is missing from the map.
     */
    public static Map<String, ConsumerRecord<String, String>> deadLetters(List<String> markers) {
        Map<String, ConsumerRecord<String, String>> dead = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumerFromTheStart("dlq-test")) {
            consumer.subscribe(List.of(DLQ_TOPIC));
            long deadline = System.currentTimeMillis() + 30_000;
            while (dead.size() < markers.size() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    for (String marker : markers) {
                        if (r.value().contains(marker)) {
                            dead.put(marker, r);
                        }
                    }
                }
            }
        }
        return dead;
    }

    /** A header of a record as UTF-8 text. */
    public static String header(ConsumerRecord<String, String> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** count(*) of a query with one text parameter, behind the application's back. */
    public static long count(String sql, String parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
