package io.poka.lots;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Users, lot bodies and database look-ups shared by the lots and inspections integration tests. */
public final class LotFixtures {
    public static final String PASSWORD = "correct-horse-battery";
    private static final Map<String, String> USERS = new HashMap<>();

    private LotFixtures() {
    }

    /** One user per role for the whole run, created on first use. */
    public static synchronized String user(String role) {
        return USERS.computeIfAbsent(role, r -> {
            String name = r.replace("-", "") + "-lots-" + UUID.randomUUID().toString().substring(0, 8);
            Api.createUser(Map.of("username", name, "displayName", "Test " + r, "password", PASSWORD,
                    "roles", List.of(r)));
            return name;
        });
    }

    public static RequestSpecification as(String role) {
        return Api.as(user(role), PASSWORD);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A complete create body as an ERP would send it. */
    public static Map<String, Object> newLot(String product, String externalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("sourceSystem", "SAP-TEST");
        body.put("externalId", externalId);
        body.put("product", product);
        body.put("quantity", 500);
        body.put("unit", "pcs");
        body.put("line", "L1");
        body.put("station", "PRESS-3");
        body.put("supplier", "ACME Metals");
        body.put("supplierLot", "ACME-22-118");
        body.put("productionStart", "2026-11-28T06:00:00Z");
        body.put("productionEnd", "2026-11-28T14:00:00Z");
        body.put("attributes", Map.of("order", "PO-88812", "shift", "A"));
        return body;
    }

    /**
     * Waits until an event of {@code type} with Kafka key {@code key} is on the quality events topic of the real
     * broker; returns its value, or null after {@code seconds}.
     */
    public static String awaitOnKafka(String key, String type, int seconds) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", RealInfrastructure.bootstrapServers());
        p.put("group.id", "lots-test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        p.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(p)) {
            consumer.subscribe(List.of("poka.quality.events.v1"));
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                for (var r : consumer.poll(java.time.Duration.ofMillis(500))) {
                    var header = r.headers().lastHeader("poka-event-type");
                    if (key.equals(r.key()) && header != null
                            && type.equals(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8))) {
                        return r.value();
                    }
                }
            }
        }
        return null;
    }

    /** Rows of a query run behind the application's back, each row as a list of column values. */
    public static List<List<Object>> query(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(r.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Types of the outbox events keyed by {@code key}, oldest first. */
    public static List<String> outboxTypes(String key) {
        return query("select type from platform.outbox_event where event_key = ? order by occurred_at, id", key)
                .stream().map(r -> (String) r.get(0)).toList();
    }

    /** The JSON payload of the latest outbox event of {@code type} keyed by {@code key}. */
    public static String outboxPayload(String key, String type) {
        List<List<Object>> rows = query("select payload::text from platform.outbox_event where event_key = ? and type = ?"
                + " order by occurred_at desc limit 1", key, type);
        return rows.isEmpty() ? null : (String) rows.get(0).get(0);
    }
}
