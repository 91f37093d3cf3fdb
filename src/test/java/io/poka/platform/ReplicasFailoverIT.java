package io.poka.platform;

import static io.poka.testing.ProcessLogs.freePort;
import static io.poka.testing.ProcessLogs.tail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.platform.internal.embedded.PostgresServerSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Several packaged Poka processes on one PostgreSQL and a three-broker KRaft cluster (topics with replication factor
 * 3 and min.insync.replicas 2): a replica killed with SIGKILL mid-stream, a broker stopped mid-stream, a third
 * replica joining mid-stream. Each phase streams readings of its own lines (key = line; every 50th reading beyond the
 * limits) and then counts: readings stored = readings produced, one individuals-chart violation per spike, one
 * individuals alert per line whose occurrences equal the spikes, one AlertRaised outbox event per alert, all relayed.
 * Nothing lost, nothing doubled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasFailoverIT {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String TOPIC = "poka.telemetry.readings.v1";
    private static final int PARTITIONS = 6;
    private static final String PASSWORD = "replicas-it-admin-password";
    private static final int SPIKE_EVERY = 50;

    private static EmbeddedPostgres postgres;
    private static KafkaClusterTestKit kafka;
    private static Path work;
    private static final Map<String, Replica> replicas = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** One running Poka process. */
    private record Replica(String name, Process process, int port, Path log) {
    }

    /** What a phase streamed: its lines, the readings the broker acknowledged, the spikes among them. */
    private record Streamed(List<String> lines, int produced, int spikes) {
    }

    @BeforeAll
    static void startInfrastructure() throws Exception {
        assertTrue(Files.exists(JAR), "run after `package`: " + JAR);
        work = Files.createTempDirectory("poka-replicas-it");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        PostgresServerSettings.durableAndSized().forEach(builder::setServerConfig);
        builder.setServerConfig("max_connections", "200");
        postgres = builder.start();
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(false).setNumBrokerNodes(3).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("default.replication.factor", "3")
                .setConfigProp("min.insync.replicas", "2")
                .setConfigProp("num.partitions", "3")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = admin()) {
            Map<String, String> durable = Map.of("min.insync.replicas", "2");
            admin.createTopics(List.of(
                    new NewTopic(TOPIC, PARTITIONS, (short) 3).configs(durable),
                    new NewTopic("poka.telemetry.readings.dlq.v1", 3, (short) 3).configs(durable),
                    new NewTopic("poka.quality.events.v1", 3, (short) 3).configs(durable))).all().get(60, TimeUnit.SECONDS);
            Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC)))
                    .all().get(30, TimeUnit.SECONDS).values().iterator().next();
            assertEquals("2", config.get("min.insync.replicas").value());
            assertEquals(3, admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC)
                    .partitions().get(0).replicas().size(), "replication factor 3");
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Replica r : replicas.values()) {
            if (r.process().isAlive()) {
                r.process().destroy();
                if (!r.process().waitFor(30, TimeUnit.SECONDS)) {
                    r.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void aReplicaKilledWithSigkillMidStreamLosesAndDoublesNothing() throws Exception {
        Replica a = start("replica-a");
        Replica b = start("replica-b");
        List<String> lines = defineLines(a, "kill9", 12);
        Streamed streamed = stream(lines, 3_000, 2_000, sent -> {
            if (sent == 8_000) {
                awaitStored(lines, 2_000); // both replicas are storing
                b.process().destroyForcibly(); // SIGKILL: no shutdown hook, no offset commit, no lease release
            }
        }, () -> true);
        assertTrue(b.process().waitFor(30, TimeUnit.SECONDS), "replica-b is dead");
        assertExactlyOnce(streamed, a);
        assertEquals(PARTITIONS, lastAssignment(a).size(), "replica-a took every partition over:\n" + tail(a.log()));
    }

    @Test
    @Order(2)
    void aBrokerStoppedMidStreamLosesAndDoublesNothing() throws Exception {
        Replica a = replicas.get("replica-a");
        List<String> lines = defineLines(a, "broker", 12);
        int victim = kafka.brokers().keySet().iterator().next();
        Streamed streamed = stream(lines, 3_000, 2_000, sent -> {
            if (sent == 8_000) {
                kafka.brokers().get(victim).shutdown();
            }
        }, () -> true);
        assertTrue(kafka.brokers().get(victim).isShutdown(), "broker " + victim + " is down");
        assertExactlyOnce(streamed, a);
    }

    @Test
    @Order(3)
    void aThirdReplicaJoiningMidStreamTakesPartitionsAndNothingIsLostOrDoubled() throws Exception {
        Replica a = replicas.get("replica-a");
        Replica b = start("replica-b2");
        List<String> lines = defineLines(a, "scale", 12);
        AtomicReference<Replica> third = new AtomicReference<>();
        CompletableFuture<Void> joining = new CompletableFuture<>();
        AtomicReference<Instant> joinedAt = new AtomicReference<>();
        // a steady stream until replica-c is up and has consumed for 10 s: the group rebalances under load
        Streamed streamed = stream(lines, 600, 300, sent -> {
            if (sent == 1_800) {
                CompletableFuture.runAsync(() -> {
                    try {
                        third.set(start("replica-c"));
                        joinedAt.set(Instant.now());
                        joining.complete(null);
                    } catch (Exception e) {
                        joining.completeExceptionally(e);
                    }
                });
            }
        }, () -> joining.isCompletedExceptionally()
                || joinedAt.get() != null && Instant.now().isAfter(joinedAt.get().plusSeconds(10)));
        joining.get(480, TimeUnit.SECONDS);
        assertExactlyOnce(streamed, a);
        List<String> ofC = lastAssignment(third.get());
        assertTrue(!ofC.isEmpty() && ofC.size() < PARTITIONS, "replica-c got a share of the partitions: " + ofC);
        assertTrue(b.process().isAlive() && a.process().isAlive());
    }

    // ---- the checks ----------------------------------------------------------------------------------------

    private void assertExactlyOnce(Streamed s, Replica any) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        long stored = 0;
        while (Instant.now().isBefore(deadline)) {
            stored = count("select count(*) from telemetry.reading where line = any(?)", s.lines());
            if (stored >= s.produced() && count("select count(*) from platform.outbox_event where type = 'AlertRaised'"
                    + " and event_key = any(?) and published_at is null", keys(s.lines())) == 0
                    && count("select count(*) from platform.outbox_event where type = 'AlertRaised' and event_key = any(?)",
                            keys(s.lines())) >= s.lines().size()) {
                break;
            }
            Thread.sleep(1000);
        }
        Thread.sleep(3000); // anything late (a duplicate) would show now
        System.out.printf("ReplicasFailoverIT: produced %d readings (%d spikes) on %d lines; stored %d%n", s.produced(),
                s.spikes(), s.lines().size(), count("select count(*) from telemetry.reading where line = any(?)", s.lines()));
        assertEquals(s.produced(), count("select count(*) from telemetry.reading where line = any(?)", s.lines()),
                "every acknowledged reading is stored, once");
        assertEquals(s.produced(), count("select count(distinct reading_id) from telemetry.reading where line = any(?)",
                s.lines()), "no reading id twice");
        // I-MR: each spike is one individuals-chart violation; the moving-range chart fires too (checked by the alerts)
        String individuals = " and chart = 'INDIVIDUALS'";
        assertEquals(s.spikes(), count("select count(*) from spc.violation where line = any(?)" + individuals,
                s.lines()), "one individuals violation per spike");
        assertEquals(s.spikes(), count("select count(distinct (line, newest_point_at)) from spc.violation"
                + " where line = any(?)" + individuals, s.lines()), "no spike charted twice");
        assertEquals(s.lines().size(), count("select count(*) from alerts.alert where line = any(?)" + individuals,
                s.lines()), "one individuals alert per line's ongoing condition");
        assertEquals(s.spikes(), count("select coalesce(sum(occurrences), 0) from alerts.alert where line = any(?)"
                + individuals, s.lines()), "each spike counted once in its alert");
        assertEquals(count("select count(*) from alerts.alert where line = any(?)", s.lines()), count(
                "select count(*) from platform.outbox_event where type = 'AlertRaised' and event_key = any(?)",
                keys(s.lines())), "one AlertRaised event per alert");
        assertEquals(0, count("select count(*) from platform.outbox_event where type = 'AlertRaised'"
                + " and event_key = any(?) and published_at is null", keys(s.lines())), "every event relayed");
        assertTrue(any.process().isAlive());
    }

    private static void awaitStored(List<String> lines, long atLeast) {
        try {
            Instant end = Instant.now().plusSeconds(120);
            while (count("select count(*) from telemetry.reading where line = any(?)", lines) < atLeast
                    && Instant.now().isBefore(end)) {
                Thread.sleep(200);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The partitions of the last assignment a replica logged (ReadingsRebalance). */
    private static List<String> lastAssignment(Replica r) throws IOException {
        String marker = "assigned [";
        List<String> last = List.of();
        for (String line : Files.readAllLines(r.log())) {
            int at = line.indexOf("Readings partitions moved: revoked [], " + marker);
            if (at >= 0) {
                String list = line.substring(line.indexOf(marker, at) + marker.length(), line.indexOf(']',
                        line.indexOf(marker, at)));
                last = list.isBlank() ? List.of() : List.of(list.split(",\\s*"));
            }
        }
        return last;
    }

    private static List<String> keys(List<String> lines) {
        return lines.stream().map(l -> l + "/x").toList();
    }

    private static long count(String sql, List<String> values) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", values.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---- streaming -------------------------------------------------------------------------------------------

    /**
     * Streams readings round robin over the lines at about {@code perSecond}, at least {@code minPerLine} per line
     * and then until {@code done} says so; {@code onSent} sees the running count (to act mid-stream). Returns once
     * the cluster acknowledged every reading sent.
     */
    private static Streamed stream(List<String> lines, int perSecond, int minPerLine, IntConsumer onSent,
            BooleanSupplier done) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        Instant base = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        int pauseEvery = Math.max(1, perSecond / 20);
        AtomicInteger acked = new AtomicInteger();
        AtomicReference<Exception> failed = new AtomicReference<>();
        int spikes = 0;
        int sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < minPerLine || !done.getAsBoolean(); i++) {
                boolean spike = i % SPIKE_EVERY == SPIKE_EVERY / 2;
                for (String line : lines) {
                    String json = """
                            {"readingId":"%s","line":"%s","station":"S1","variable":"x","value":%s,"unit":"u","timestamp":"%s"}"""
                            .formatted(UUID.randomUUID(), line, spike ? "20.0" : "10.0", base.plusSeconds(i));
                    producer.send(new ProducerRecord<>(TOPIC, line, json), (meta, e) -> {
                        if (e != null) {
                            failed.set(e);
                        } else {
                            acked.incrementAndGet();
                        }
                    });
                    spikes += spike ? 1 : 0;
                    onSent.accept(++sent);
                    if (sent % pauseEvery == 0) {
                        Thread.sleep(50);
                    }
                }
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new AssertionError("the broker refused a reading", failed.get());
        }
        assertEquals(sent, acked.get(), "every reading acknowledged by the cluster");
        return new Streamed(lines, sent, spikes);
    }

    // ---- the application -------------------------------------------------------------------------------------

    /** Catalogues variable x on new lines (rule 1 only) with limits 10 ± 3 (sigma 1), over REST. */
    private List<String> defineLines(Replica r, String prefix, int n) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String line = prefix + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> v = post(r, "/api/v1/telemetry/variables", """
                    {"line":"%s","variable":"x","unit":"u","ruleSet":"BEYOND_LIMITS"}""".formatted(line));
            assertEquals(201, v.statusCode(), v.body());
            HttpResponse<String> l = post(r, "/api/v1/spc/charts/" + line + "/x/limits/entered",
                    "{\"center\":10.0,\"sigma\":1.0,\"studyReference\":\"replicas IT\"}");
            assertEquals(201, l.statusCode(), l.body());
            lines.add(line);
        }
        return lines;
    }

    private static Replica start(String name) throws Exception {
        int port = freePort();
        Path log = work.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dai.djl.offline=true",
                // a dead replica's partitions move after 10 s instead of the client default 45 s
                "-Dmp.messaging.incoming.readings.session.timeout.ms=10000",
                "-Dmp.messaging.incoming.readings.heartbeat.interval.ms=2000",
                "-jar", JAR.toString());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("POKA_ADMIN_PASSWORD", PASSWORD);
        env.put("POKA_DATA_DIR", work.resolve(name).toString());
        env.put("POKA_PLATFORM_INSTANCE_ID", name);
        env.put("POKA_TELEMETRY_DEMO_ENABLED", "false");
        env.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "replicas-it-shared-session-key");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Replica r = new Replica(name, pb.start(), port, log);
        replicas.put(name, r);
        awaitReady(r);
        return r;
    }

    private static void awaitReady(Replica r) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant end = Instant.now().plus(Duration.ofSeconds(420));
        while (Instant.now().isBefore(end)) {
            assertTrue(r.process().isAlive(), () -> r.name() + " exited early:\n" + tail(r.log()));
            try {
                HttpResponse<String> h = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port()
                        + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (h.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(r.name() + " not ready within 420 s:\n" + tail(r.log()));
    }

    private HttpResponse<String> post(Replica r, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return Admin.create(p);
    }

}
