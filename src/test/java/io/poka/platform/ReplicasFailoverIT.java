package io.poka.platform;

import static io.poka.testing.ProcessLogs.tail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.internal.embedded.PostgresServerSettings;
import io.poka.scoring.TepData;
import io.poka.testing.KafkaNodeProcesses;
import io.poka.testing.PackagedPoka;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Several packaged Poka processes on one PostgreSQL and a three-node KRaft cluster whose nodes are processes of their
 * own (topics with replication factor 3 and min.insync.replicas 2): a replica SIGKILLed mid-stream (the one holding
 * the run-once leases), a broker SIGKILLed mid-stream, a third replica joining mid-stream. Each phase streams readings
 * of its own lines (key = line, Western Electric rules, spikes and shifts) and checks that readings stored = readings
 * acknowledged, each once, that the charts' firings equal a single pass over the same readings, and that alerts,
 * incident signals and outbox events follow the firings exactly and every event reached the quality-events topic.
 * In the replica kill, one more line on the killed replica's partitions streams TEP time steps (normal, then fault 6)
 * scored by a promoted model with lags and an EWMA alarm rule: its AnomalyDetected events equal, row for row and
 * once each, one uninterrupted pass of the model over the same rows. Sized for the suite (seconds of data per phase); {@code bench/replicas-failover.sh} runs it full size.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasFailoverIT {
    private static final String TOPIC = "poka.telemetry.readings.v1";
    private static final String EVENTS_TOPIC = "poka.quality.events.v1";
    private static final int PARTITIONS = 6;
    private static final String PASSWORD = "replicas-it-admin-password";
    private static final String ADMIN = "admin:" + PASSWORD;
    private static final String DEMO_LINE = "tep-demo";
    private static final List<String> RUN_ONCE_LEASES = List.of("platform.outbox-relay", "telemetry.demo-plant",
            "audit.checkpoint", "platform.job-recovery");
    /** Lines per phase (a multiple of the partition count: every partition carries lines). */
    private static final int LINES = Integer.getInteger("poka.replicas-it.lines", 12);
    /** Readings per line in the kill phases (bench: 2,000). */
    private static final int PER_LINE = Integer.getInteger("poka.replicas-it.readings-per-line", 300);
    /** Readings per second the test producer sends (bench: 3,000). */
    private static final int RATE = Integer.getInteger("poka.replicas-it.rate", 600);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    private static KafkaNodeProcesses kafka;
    private static Path work;
    private static final List<PackagedPoka> replicas = new ArrayList<>();
    /** Started first, so it holds the run-once leases; SIGKILLed in phase 1. */
    private static PackagedPoka holder;
    private static PackagedPoka survivor;

    /** What a phase streamed: its lines, the readings the cluster acknowledged, the first reading's time. */
    private record Streamed(List<String> lines, int produced, Instant base) {
    }

    /** The moment of a kill within a stream. */
    private static final class Kill {
        volatile int sentBefore = -1;
        volatile long storedBefore = -1;
        volatile long victimStoredBefore = -1;
        volatile long anomaliesBefore = -1;
        volatile Instant at;

        boolean done() {
            return sentBefore >= 0;
        }
    }

    @BeforeAll
    static void startInfrastructure() throws Exception {
        Instant t0 = Instant.now();
        work = Files.createTempDirectory("poka-replicas-it");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        PostgresServerSettings.durableAndSized().forEach(builder::setServerConfig);
        builder.setServerConfig("max_connections", "200");
        postgres = builder.start();
        kafka = KafkaNodeProcesses.start(work, 3, Map.of());
        try (Admin admin = kafka.admin()) {
            Map<String, String> durable = Map.of("min.insync.replicas", "2");
            admin.createTopics(List.of(
                    new NewTopic(TOPIC, PARTITIONS, (short) 3).configs(durable),
                    new NewTopic("poka.telemetry.readings.dlq.v1", 3, (short) 3).configs(durable),
                    new NewTopic(EVENTS_TOPIC, 3, (short) 3).configs(durable))).all().get(60, TimeUnit.SECONDS);
            awaitTopics(admin, List.of(TOPIC, "poka.telemetry.readings.dlq.v1", EVENTS_TOPIC));
            Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC)))
                    .all().get(30, TimeUnit.SECONDS).values().iterator().next();
            assertEquals("2", config.get("min.insync.replicas").value());
            assertEquals(3, describe(admin).partitions().get(0).replicas().size(), "replication factor 3");
        }
        Instant t1 = Instant.now();
        holder = start("replica-a").awaitReady(Duration.ofSeconds(300));
        Instant t2 = Instant.now();
        awaitLeasesHeldBy(holder, RUN_ONCE_LEASES);
        survivor = start("replica-b").awaitReady(Duration.ofSeconds(300));
        System.out.printf("ReplicasFailoverIT: database and 3 Kafka node processes up in %d s, replica-a ready in %d s,"
                + " replica-b in %d s%n", Duration.between(t0, t1).toSeconds(), Duration.between(t1, t2).toSeconds(),
                Duration.between(t2, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (PackagedPoka r : replicas) {
            r.stop(Duration.ofSeconds(20));
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void aReplicaKilledWithSigkillMidStreamLosesAndDoublesNothingAndItsRunOnceWorkMoves() throws Exception {
        Instant t0 = Instant.now();
        Map<String, Long> generations = leasesHeldBy(holder);
        assertTrue(generations.keySet().containsAll(RUN_ONCE_LEASES), "replica-a, started first, holds the run-once"
                + " work: " + generations);
        ScoredLine scored = scoredLine(holder, survivor, currentAssignment(holder));
        System.out.printf("ReplicasFailoverIT: scored line %s trained, promoted and its expected flags computed in %d s%n",
                scored.line(), Duration.between(t0, Instant.now()).toSeconds());
        List<String> lines = defineLines(survivor, "kill9");
        Set<String> victimLines = linesOn(currentAssignment(holder), lines);
        assertFalse(victimLines.isEmpty(), "replica-a consumes some of the phase's lines:\n" + tail(holder.log()));
        assertFalse(victimLines.size() == lines.size(), "replica-b consumes the others:\n" + tail(survivor.log()));
        Kill kill = new Kill();
        Instant scoredBase = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        CompletableFuture<Integer> scoredSent = streamSteps(scored, scoredBase, SCORED_RATE);
        int total = lines.size() * PER_LINE;
        Streamed streamed = stream(lines, PER_LINE, RATE, sent -> {
            // mid-stream, once replica-a has published anomalies of the scored line (or late in the stream anyway)
            if (!kill.done() && sent >= total / 3 && sent % 50 == 0 && stored(victimLines) > 0
                    && (anomalyEvents(scored.line()) > 0 || sent >= total * 5 / 6)) {
                kill.anomaliesBefore = anomalyEvents(scored.line());
                killNow(kill, sent, lines, victimLines, () -> holder.kill9());
            }
        }, () -> true);
        assertKilledMidStream(kill, streamed, "replica-a");
        assertExactlyOnceAndAsOneOwner(streamed, survivor);
        assertAnomalyEventsAsOneRun(scored, scoredBase, scoredSent.get(120, TimeUnit.SECONDS), kill.anomaliesBefore);
        assertEquals(PARTITIONS, currentAssignment(survivor).size(), "replica-b took every partition over:\n"
                + tail(survivor.log()));
        awaitLeasesHeldBy(survivor, RUN_ONCE_LEASES);
        Map<String, Long> after = leasesHeldBy(survivor);
        for (String lease : RUN_ONCE_LEASES) {
            assertTrue(after.get(lease) > generations.get(lease), lease + " changed hands (generation rose)");
        }
        assertDemoPlantRanOnceAtATime(kill.at);
        System.out.printf("ReplicasFailoverIT phase 1 (replica SIGKILL): %d s%n", Duration.between(t0, Instant.now()).toSeconds());
    }

    @Test
    @Order(2)
    void aBrokerKilledWithSigkillMidStreamLosesAndDoublesNothing() throws Exception {
        Instant t0 = Instant.now();
        List<String> lines = defineLines(survivor, "broker");
        int victim;
        try (Admin admin = kafka.admin()) {
            Map<Integer, Integer> leads = new TreeMap<>();
            describe(admin).partitions().forEach(p -> leads.merge(p.leader().id(), 1, Integer::sum));
            victim = leads.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
        Kill kill = new Kill();
        Streamed streamed = stream(lines, PER_LINE, RATE, sent -> {
            if (!kill.done() && sent >= lines.size() * PER_LINE / 3 && sent % 50 == 0 && stored(lines) > 0) {
                killNow(kill, sent, lines, Set.copyOf(lines), () -> kafka.kill9(victim));
            }
        }, () -> true);
        assertKilledMidStream(kill, streamed, "broker " + victim);
        assertFalse(kafka.nodes().get(victim).process().isAlive());
        try (Admin admin = kafka.admin()) {
            for (var p : describe(admin).partitions()) {
                assertTrue(p.leader() != null && p.leader().id() != victim, "partition " + p.partition() + " has a new leader");
            }
        }
        assertExactlyOnceAndAsOneOwner(streamed, survivor);
        System.out.printf("ReplicasFailoverIT phase 2 (broker %d SIGKILL): %d s%n", victim,
                Duration.between(t0, Instant.now()).toSeconds());
    }

    @Test
    @Order(3)
    void aThirdReplicaJoiningMidStreamTakesPartitionsAndNothingIsLostOrDoubled() throws Exception {
        Instant t0 = Instant.now();
        PackagedPoka third = start("replica-c");
        List<String> lines = defineLines(survivor, "scale");
        AtomicReference<Instant> assignedAt = new AtomicReference<>();
        AtomicInteger sentAtJoin = new AtomicInteger(-1);
        // a steady stream until replica-c was given partitions and consumed for 5 s: the group rebalances under load
        Streamed streamed = stream(lines, PER_LINE / 3, RATE / 6, sent -> {
            if (assignedAt.get() == null && sent % 50 == 0 && !currentAssignmentQuietly(third).isEmpty()) {
                assignedAt.set(Instant.now());
                sentAtJoin.set(sent);
            }
            if (sent % 50 == 0 && !third.process().isAlive()) {
                throw new AssertionError("replica-c exited:\n" + tail(third.log()));
            }
        }, () -> assignedAt.get() != null && Instant.now().isAfter(assignedAt.get().plusSeconds(5)));
        assertTrue(sentAtJoin.get() > 0 && sentAtJoin.get() < streamed.produced(), "replica-c joined mid-stream");
        assertExactlyOnceAndAsOneOwner(streamed, survivor);
        Set<String> ofC = currentAssignment(third);
        assertTrue(!ofC.isEmpty() && ofC.size() < PARTITIONS, "replica-c got a share of the partitions: " + ofC);
        assertTrue(survivor.process().isAlive() && third.process().isAlive());
        System.out.printf("ReplicasFailoverIT phase 3 (third replica joins after %d of %d readings): %d s%n",
                sentAtJoin.get(), streamed.produced(), Duration.between(t0, Instant.now()).toSeconds());
    }

    // ---- the checks ----------------------------------------------------------------------------------------

    private interface Action {
        void run() throws Exception;
    }

    private static void killNow(Kill kill, int sent, List<String> lines, Set<String> victimLines, Action action) {
        try {
            kill.victimStoredBefore = stored(victimLines); // first: a subset counted before the whole
            kill.storedBefore = stored(lines);
            kill.sentBefore = sent;
            kill.at = Instant.now();
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kill landed mid-stream: the victim had stored (or served) readings before it, and more were sent after. */
    private static void assertKilledMidStream(Kill kill, Streamed s, String victim) {
        assertTrue(kill.done(), victim + " was killed during the stream");
        System.out.printf("ReplicasFailoverIT: %s killed after %d of %d readings were sent, %d stored (%d of its"
                + " lines), %d in flight%n", victim, kill.sentBefore, s.produced(), kill.storedBefore,
                kill.victimStoredBefore, kill.sentBefore - kill.storedBefore);
        assertTrue(kill.victimStoredBefore > 0, "readings through " + victim + " were stored before the kill");
        assertTrue(s.produced() > kill.sentBefore, "readings were produced after the kill");
    }

    /**
     * Waits until the phase's readings are stored and its events relayed, then checks: every acknowledged reading
     * stored once; the charts' firings (chart, rule, point) equal one pass of the chart over the same readings
     * (GET chart, the reference of one owner) with none stored twice; one alert per (chart, rule) whose occurrences
     * are its firings; one incident signal per stored violation carrying its firings; one AlertRaised per alert and
     * one IncidentOpened per incident; every event of the lines relayed and found on the quality-events topic.
     */
    private static void assertExactlyOnceAndAsOneOwner(Streamed s, PackagedPoka any) throws Exception {
        List<String> keys = new ArrayList<>(s.lines());
        s.lines().forEach(l -> keys.add(l + "/x"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline) && !(stored(s.lines()) >= s.produced()
                && count("select count(*) from platform.outbox_event where event_key = any(?) and published_at is null",
                        keys) == 0)) {
            Thread.sleep(500);
        }
        Thread.sleep(2000); // anything late (a duplicate) would show now
        long stored = stored(s.lines());
        System.out.printf("ReplicasFailoverIT: produced %d readings on %d lines; stored %d%n", s.produced(),
                s.lines().size(), stored);
        assertEquals(s.produced(), stored, "every acknowledged reading is stored, once");
        assertEquals(s.produced(), count("select count(distinct reading_id) from telemetry.reading where line = any(?)",
                s.lines()), "no reading id twice");

        Map<String, Integer> firingsPerCondition = new TreeMap<>();
        int firings = 0;
        for (String line : s.lines()) {
            List<String> streamed = streamedFirings(line);
            Set<String> reference = referenceFirings(any, line, s);
            assertEquals(streamed.size(), Set.copyOf(streamed).size(), "no firing of " + line + " stored twice");
            assertEquals(reference, new TreeSet<>(streamed), "the firings of " + line
                    + " equal one pass of its chart over the same readings");
            for (String f : reference) {
                firingsPerCondition.merge(line + "|" + f.substring(0, f.lastIndexOf('|')), 1, Integer::sum);
            }
            firings += reference.size();
        }
        assertTrue(firings > 0, "the phase's readings fired rules");
        assertEquals(firings, count("select coalesce(sum(fired_points), 0) from spc.violation where line = any(?)",
                s.lines()), "stored violations carry each firing once");

        Map<String, Integer> alerts = new TreeMap<>();
        try (Connection c = connection(); PreparedStatement q = c.prepareStatement(
                "select line, chart, rule_id, occurrences from alerts.alert where line = any(?)")) {
            q.setArray(1, c.createArrayOf("text", s.lines().toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String condition = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
                    assertEquals(null, alerts.put(condition, rs.getInt(4)), "one alert per condition: " + condition);
                }
            }
        }
        assertEquals(firingsPerCondition, alerts, "one alert per (line, chart, rule), its occurrences = its firings");

        long violations = count("select count(*) from spc.violation where line = any(?)", s.lines());
        assertEquals(violations, count("select count(*) from alerts.incident_signal g join spc.violation v"
                + " on v.id = g.signal_id where v.line = any(?) and g.kind = 'RULE'", s.lines()),
                "one incident signal per stored violation");
        assertEquals(violations, count("select count(*) from alerts.incident_signal g join alerts.incident i"
                + " on i.id = g.incident_id where i.line = any(?)", s.lines()), "no other signal on the lines' incidents");
        assertEquals(firings, count("select coalesce(sum(g.firings), 0) from alerts.incident_signal g"
                + " join alerts.incident i on i.id = g.incident_id where i.line = any(?)", s.lines()),
                "incident signals carry each firing once");

        long incidents = count("select count(*) from alerts.incident where line = any(?)", s.lines());
        assertTrue(incidents >= s.lines().size(), "every line has an incident");
        assertEquals(alerts.size(), count("select count(*) from platform.outbox_event where type = 'AlertRaised'"
                + " and event_key = any(?)", keys), "one AlertRaised event per alert");
        assertEquals(incidents, count("select count(*) from platform.outbox_event where type = 'IncidentOpened'"
                + " and event_key = any(?)", keys), "one IncidentOpened event per incident");
        assertEquals(0, count("select count(*) from platform.outbox_event where event_key = any(?)"
                + " and published_at is null", keys), "every event relayed");
        Set<String> ids = new HashSet<>(strings("select id::text from platform.outbox_event where event_key = any(?)", keys));
        Map<String, Integer> onTopic = eventIdsOnTopic();
        Set<String> missing = new TreeSet<>(ids);
        missing.removeAll(onTopic.keySet());
        assertEquals(Set.of(), missing, "every relayed event of the lines is on " + EVENTS_TOPIC);
        long repeats = ids.stream().filter(id -> onTopic.get(id) > 1).count();
        System.out.printf("ReplicasFailoverIT: %d firings in %d violations, %d alerts, %d incidents, %d outbox events"
                + " (%d sent more than once: at-least-once relay)%n", firings, violations, alerts.size(), incidents,
                ids.size(), repeats);
        assertTrue(any.process().isAlive());
    }

    /** (chart|rule|epoch ms) of every point at which a rule fired, as stored by the streaming charts. */
    private static List<String> streamedFirings(String line) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement q = c.prepareStatement("select v.chart, v.rule_id,"
                + " (extract(epoch from t) * 1000)::bigint from spc.violation v, unnest(v.point_times) t"
                + " where v.line = ? and t >= v.first_fired_at")) {
            q.setString(1, line);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3));
                }
            }
        }
        return out;
    }

    /** The same from one pass of the chart over all the line's readings (GET chart on one replica). */
    private static Set<String> referenceFirings(PackagedPoka r, String line, Streamed s) throws Exception {
        Instant from = s.base().minusSeconds(1);
        Instant to = s.base().plusSeconds(s.produced() + 1L);
        HttpResponse<String> chart = r.get("/api/v1/spc/charts/" + line + "/x?from=" + from + "&to=" + to, ADMIN);
        assertEquals(200, chart.statusCode(), chart.body());
        Set<String> out = new TreeSet<>();
        JsonNode points = JSON.readTree(chart.body()).get("points");
        points.fields().forEachRemaining(e -> {
            for (JsonNode p : e.getValue()) {
                for (JsonNode rule : p.get("rules")) {
                    out.add(e.getKey() + "|" + rule.asText() + "|" + Instant.parse(p.get("time").asText()).toEpochMilli());
                }
            }
        });
        return out;
    }

    /** Event id → how many times it is on the quality-events topic (read from the start to the end). */
    private static Map<String, Integer> eventIdsOnTopic() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Integer> ids = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(EVENTS_TOPIC).stream()
                    .map(i -> new TopicPartition(EVENTS_TOPIC, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Header id = r.headers().lastHeader("poka-event-id");
                    if (id != null) {
                        ids.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                }
            }
        }
        return ids;
    }

    /** The demo plant's replays (reading ids demo-&lt;replay&gt;-step-var) never overlap; one started after the kill. */
    private static void assertDemoPlantRanOnceAtATime(Instant killedAt) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        List<Instant[]> replays = demoReplays();
        while (replays.stream().noneMatch(r -> r[0].isAfter(killedAt)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            replays = demoReplays();
        }
        assertTrue(replays.size() >= 2 && replays.get(replays.size() - 1)[0].isAfter(killedAt),
                "replica-b started the demo plant over after replica-a was killed: " + replays.size() + " replays");
        for (int i = 1; i < replays.size(); i++) {
            assertTrue(replays.get(i)[0].isAfter(replays.get(i - 1)[1]), "demo replays never ran at once");
        }
    }

    /** [first, last] reading time of each demo replay, in order of start. */
    private static List<Instant[]> demoReplays() throws SQLException {
        List<Instant[]> out = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement q = c.prepareStatement("select min(ts), max(ts)"
                + " from telemetry.reading where line = ? group by substring(reading_id from 6 for 36) order by 1")) {
            q.setString(1, DEMO_LINE);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()});
                }
            }
        }
        return out;
    }

    // ---- anomaly events -----------------------------------------------------------------------------------------

    /** TEP steps of the scored line: held-out normal rows of d00, then fault 6 (A feed loss). */
    private static final int SCORED_NORMAL_STEPS = 25;
    private static final int SCORED_FAULT_STEPS = 55;
    /** Readings per second of the scored line (52 per step): its stream lasts about as long as the phase's. */
    private static final int SCORED_RATE = Integer.getInteger("poka.replicas-it.scored-rate", 520);

    /**
     * A line with a promoted anomaly model, the rows (time steps, TEP column order) it streams and the flags of one
     * uninterrupted pass of the model over them (row time from the stream's start in seconds, and the score).
     */
    private record ScoredLine(String line, String modelId, List<double[]> rows, TreeMap<Integer, Double> expected) {
    }

    /**
     * A new line on one of {@code partitions}, its 52 TEP variables catalogued and a small model (2 epochs, lags 2,
     * EWMA alarm rule: every flag depends on the rows before it) trained on d00 by {@code r} and promoted, over REST;
     * the expected flags are computed by {@code other}'s batch score endpoint (fresh state, nothing published), so
     * both replicas have loaded the model before the stream.
     */
    private static ScoredLine scoredLine(PackagedPoka r, PackagedPoka other, Set<String> partitions) throws Exception {
        String line;
        do {
            line = "kill9-scored-" + UUID.randomUUID().toString().substring(0, 8);
        } while (!partitions.contains(TOPIC + "-" + partitionOf(line)));
        HttpResponse<String> upload = r.send("POST", "/api/v1/scoring/datasets?name=tep-d00", ADMIN,
                TepData.csv(TepData.normal()), "text/csv");
        assertTrue(upload.statusCode() == 201 || upload.statusCode() == 200, upload.body());
        Map<String, Object> hyperparameters = Map.of("epochs", 2, "lags", 2, "hiddenSizes", List.of(16),
                "latentSize", 4, "discriminatorHidden", 8, "crossFitBlocks", 2, "seed", 3, "falseAlarmRate", 0.05,
                "alarmRule", Map.of("kind", "EWMA", "lambda", 0.3));
        HttpResponse<String> job = r.post("/api/v1/scoring/training-jobs", ADMIN, JSON.writeValueAsString(Map.of(
                "datasetId", JSON.readTree(upload.body()).get("id").asText(), "line", line,
                "hyperparameters", hyperparameters)));
        assertEquals(202, job.statusCode(), job.body());
        String jobId = JSON.readTree(job.body()).get("id").asText();
        for (String variable : TepData.VARIABLES) { // while it trains
            HttpResponse<String> v = r.post("/api/v1/telemetry/variables", ADMIN,
                    "{\"line\":\"%s\",\"variable\":\"%s\",\"unit\":\"u\"}".formatted(line, variable));
            assertEquals(201, v.statusCode(), v.body());
        }
        Instant deadline = Instant.now().plusSeconds(180);
        JsonNode end;
        do {
            Thread.sleep(250);
            end = JSON.readTree(r.get("/api/v1/scoring/training-jobs/" + jobId, ADMIN).body());
        } while (!Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(end.get("status").asText())
                && Instant.now().isBefore(deadline));
        assertEquals("SUCCEEDED", end.get("status").asText(), end.toString());
        String modelId = end.get("modelId").asText();
        HttpResponse<String> promoted = r.post("/api/v1/scoring/models/" + modelId + "/promote", ADMIN,
                "{\"password\":\"%s\",\"meaning\":\"APPROVAL\",\"reason\":\"replicas IT\"}".formatted(PASSWORD));
        assertEquals(200, promoted.statusCode(), promoted.body());
        List<double[]> rows = new ArrayList<>(List.of(TepData.normal().slice(440, 440 + SCORED_NORMAL_STEPS).rows()));
        rows.addAll(List.of(TepData.fault(6).slice(0, SCORED_FAULT_STEPS).rows()));
        TreeMap<Integer, Double> expected = new TreeMap<>();
        for (JsonNode row : JSON.readTree(score(other, line, modelId, rows)).get("rows")) {
            if (row.get("anomalous").asBoolean()) {
                expected.put(row.get("row").asInt(), row.get("score").asDouble());
            }
        }
        score(r, line, modelId, rows.subList(0, 3));
        return new ScoredLine(line, modelId, rows, expected);
    }

    /** The batch score endpoint's answer for these rows (one pass from the normal level; nothing published). */
    private static String score(PackagedPoka r, String line, String modelId, List<double[]> rows) throws Exception {
        List<List<Double>> values = rows.stream().map(v -> java.util.Arrays.stream(v).boxed().toList()).toList();
        HttpResponse<String> batch = r.post("/api/v1/scoring/lines/" + line + "/score?modelId=" + modelId, ADMIN,
                JSON.writeValueAsString(Map.of("variables", TepData.VARIABLES, "rows", values)));
        assertEquals(200, batch.statusCode(), batch.body());
        return batch.body();
    }

    /** Streams the line's steps (one a second from {@code base}, 52 readings each) at about {@code perSecond}. */
    private static CompletableFuture<Integer> streamSteps(ScoredLine s, Instant base, int perSecond) {
        return CompletableFuture.supplyAsync(() -> {
            int pauseEvery = Math.max(1, perSecond / 20);
            int sent = 0;
            AtomicReference<Exception> failed = new AtomicReference<>();
            try (KafkaProducer<String, String> producer = producer()) {
                for (int i = 0; i < s.rows().size(); i++) {
                    for (int v = 0; v < TepData.VARIABLES.size(); v++) {
                        String json = """
                                {"readingId":"%s-%d-%d","line":"%s","station":"tep","variable":"%s","value":%s,"unit":"u","timestamp":"%s"}"""
                                .formatted(s.line(), i, v, s.line(), TepData.VARIABLES.get(v), s.rows().get(i)[v],
                                        base.plusSeconds(i));
                        producer.send(new ProducerRecord<>(TOPIC, s.line(), json), (meta, e) -> {
                            if (e != null) {
                                failed.set(e);
                            }
                        });
                        if (++sent % pauseEvery == 0) {
                            Thread.sleep(50);
                        }
                    }
                }
                producer.flush();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failed.get() != null) {
                throw new IllegalStateException("the cluster refused a reading of " + s.line(), failed.get());
            }
            return sent;
        });
    }

    private static long anomalyEvents(String line) {
        try {
            return count("select count(*) from platform.outbox_event where type = 'AnomalyDetected' and event_key = any(?)",
                    List.of(line));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The scored line's AnomalyDetected events equal one uninterrupted pass of its model over the same rows (the
     * batch score endpoint, fresh state): the same rows flagged, each once, with the same EWMA score; all relayed.
     */
    private static void assertAnomalyEventsAsOneRun(ScoredLine s, Instant base, int produced, long beforeKill)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (stored(List.of(s.line())) < produced && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertEquals(produced, stored(List.of(s.line())), "every reading of the scored line stored");
        TreeMap<Instant, Double> expected = new TreeMap<>();
        s.expected().forEach((row, score) -> expected.put(base.plusSeconds(row), score));
        List<String> key = List.of(s.line());
        while (Instant.now().isBefore(deadline) && !(anomalyEvents(s.line()) >= expected.size() && count(
                "select count(*) from platform.outbox_event where event_key = any(?) and published_at is null", key) == 0)) {
            Thread.sleep(500);
        }
        Thread.sleep(2000); // a late duplicate would show now
        TreeMap<Instant, List<Double>> published = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement q = c.prepareStatement("select id::text,"
                + " payload->>'observedAt', (payload->>'score')::float8 from platform.outbox_event"
                + " where type = 'AnomalyDetected' and event_key = ?")) {
            q.setString(1, s.line());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    published.computeIfAbsent(Instant.parse(rs.getString(2)), t -> new ArrayList<>()).add(rs.getDouble(3));
                }
            }
        }
        System.out.printf("ReplicasFailoverIT: scored line %s: %d steps, %d flagged by one pass, %d AnomalyDetected"
                + " events (%d before the kill)%n", s.line(), s.rows().size(), expected.size(), ids.size(), beforeKill);
        assertTrue(beforeKill > 0 && beforeKill < expected.size(), "the kill fell amid the scored line's anomalies: "
                + beforeKill + " of " + expected.size() + " published before it");
        assertEquals(List.of(), published.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList(), "rows with more than one AnomalyDetected event");
        assertEquals(expected.keySet(), published.keySet(), "the rows flagged in streaming across the kill equal one"
                + " uninterrupted pass");
        for (var e : expected.entrySet()) {
            // float32 matrix products differ in the last bits between batch sizes (StreamedWindowsTest)
            assertEquals(e.getValue(), published.get(e.getKey()).get(0), 1e-6 * e.getValue(), "EWMA score at " + e.getKey());
        }
        Map<String, Integer> onTopic = eventIdsOnTopic();
        assertEquals(List.of(), ids.stream().filter(id -> !onTopic.containsKey(id)).toList(),
                "every AnomalyDetected event relayed to " + EVENTS_TOPIC);
    }

    // ---- leases and assignments ------------------------------------------------------------------------------

    /** The generation of each lease {@code r} holds. */
    private static Map<String, Long> leasesHeldBy(PackagedPoka r) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = connection(); PreparedStatement q = c.prepareStatement(
                "select name, generation from platform.lease where owner = ? and expires_at > now()")) {
            q.setString(1, r.name());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static void awaitLeasesHeldBy(PackagedPoka r, List<String> names) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!leasesHeldBy(r).keySet().containsAll(names) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertTrue(leasesHeldBy(r).keySet().containsAll(names), r.name() + " holds " + names + ": " + leasesHeldBy(r));
    }

    /** The readings partitions a replica holds now, from the moves it logged (ReadingsRebalance). */
    private static Set<String> currentAssignment(PackagedPoka r) throws IOException {
        Set<String> held = new TreeSet<>();
        for (String line : Files.readAllLines(r.log())) {
            int at = line.indexOf("Readings partitions moved: revoked [");
            if (at >= 0) {
                String rest = line.substring(at + "Readings partitions moved: revoked [".length());
                held.removeAll(names(rest.substring(0, rest.indexOf(']'))));
                String assigned = rest.substring(rest.indexOf("assigned [") + "assigned [".length());
                held.addAll(names(assigned.substring(0, assigned.indexOf(']'))));
            }
        }
        return held;
    }

    private static Set<String> currentAssignmentQuietly(PackagedPoka r) {
        try {
            return currentAssignment(r);
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static List<String> names(String list) {
        return list.isBlank() ? List.of() : List.of(list.split(",\\s*"));
    }

    private static int partitionOf(String line) {
        return Utils.toPositive(Utils.murmur2(line.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static Set<String> linesOn(Set<String> partitions, List<String> lines) {
        Set<String> out = new TreeSet<>();
        for (String l : lines) {
            if (partitions.contains(TOPIC + "-" + partitionOf(l))) {
                out.add(l);
            }
        }
        return out;
    }

    // ---- SQL ---------------------------------------------------------------------------------------------------

    private static Connection connection() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    private static long stored(java.util.Collection<String> lines) {
        try {
            return count("select count(*) from telemetry.reading where line = any(?)", List.copyOf(lines));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, List<String> values) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", values.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> strings(String sql, List<String> values) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", values.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    // ---- streaming -------------------------------------------------------------------------------------------

    /**
     * Streams readings round robin over the lines at about {@code perSecond}, at least {@code minPerLine} per line
     * and then until {@code done} says so; {@code onSent} sees the running count (to act mid-stream). Values are
     * 10 + N(0, 1) with a spike (20) every 50th reading and a +1.5 shift over 12 readings of every 100, so the
     * run rules (2 of 3, 4 of 5, 8 in a row) fire on windows that span batches and partition moves. Returns once
     * the cluster acknowledged every reading sent.
     */
    private static Streamed stream(List<String> lines, int minPerLine, int perSecond, IntConsumer onSent,
            BooleanSupplier done) throws Exception {
        Instant base = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        int pauseEvery = Math.max(1, perSecond / 20);
        AtomicInteger acked = new AtomicInteger();
        AtomicReference<Exception> failed = new AtomicReference<>();
        Map<String, Random> noise = new HashMap<>();
        lines.forEach(l -> noise.put(l, new Random(l.hashCode())));
        int sent = 0;
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < minPerLine || !done.getAsBoolean(); i++) {
                for (String line : lines) {
                    double value = 10 + noise.get(line).nextGaussian() + (i % 100 >= 60 && i % 100 < 72 ? 1.5 : 0);
                    if (i % 50 == 25) {
                        value = 20;
                    }
                    String json = """
                            {"readingId":"%s","line":"%s","station":"S1","variable":"x","value":%s,"unit":"u","timestamp":"%s"}"""
                            .formatted(UUID.randomUUID(), line, value, base.plusSeconds(i));
                    producer.send(new ProducerRecord<>(TOPIC, line, json), (meta, e) -> {
                        if (e != null) {
                            failed.set(e);
                        } else {
                            acked.incrementAndGet();
                        }
                    });
                    onSent.accept(++sent);
                    if (sent % pauseEvery == 0) {
                        Thread.sleep(50);
                    }
                }
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new AssertionError("the cluster refused a reading", failed.get());
        }
        assertEquals(sent, acked.get(), "every reading acknowledged by the cluster");
        return new Streamed(lines, sent, base);
    }

    /** An idempotent producer with acks=all on the test cluster. */
    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p);
    }

    // ---- the application -------------------------------------------------------------------------------------

    /**
     * Catalogues variable x (individuals chart, Western Electric rules) with limits 10 ± 3 (sigma 1) on new lines,
     * two on every readings partition, over REST.
     */
    private static List<String> defineLines(PackagedPoka r, String prefix) throws Exception {
        List<String> lines = new ArrayList<>();
        int[] perPartition = new int[PARTITIONS];
        while (lines.size() < LINES) {
            String line = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
            if (perPartition[partitionOf(line)] >= LINES / PARTITIONS) {
                continue;
            }
            perPartition[partitionOf(line)]++;
            HttpResponse<String> v = r.post("/api/v1/telemetry/variables", ADMIN, """
                    {"line":"%s","variable":"x","unit":"u","ruleSet":"WESTERN_ELECTRIC"}""".formatted(line));
            assertEquals(201, v.statusCode(), v.body());
            HttpResponse<String> l = r.post("/api/v1/spc/charts/" + line + "/x/limits/entered", ADMIN,
                    "{\"center\":10.0,\"sigma\":1.0,\"studyReference\":\"replicas IT\"}");
            assertEquals(201, l.statusCode(), l.body());
            lines.add(line);
        }
        return lines;
    }

    private static PackagedPoka start(String name) throws IOException {
        PackagedPoka r = PackagedPoka.start(name, work, postgres.getJdbcUrl("postgres", "postgres"),
                kafka.bootstrapServers(), PASSWORD, Map.of("POKA_TELEMETRY_DEMO_ENABLED", "true"), List.of(
                        // a dead replica's partitions move after 6 s instead of the client default 45 s
                        "-Dmp.messaging.incoming.readings.session.timeout.ms=6000",
                        "-Dmp.messaging.incoming.readings.heartbeat.interval.ms=1000",
                        // its run-once work after 6 s instead of 15 s; audit checkpoints taken every 2 s
                        "-Dpoka.platform.lease.ttl=6s", "-Dpoka.platform.lease.heartbeat=2s",
                        "-Dpoka.audit.checkpoint-interval=2s"));
        replicas.add(r);
        return r;
    }

    /** Topics are known to every broker a moment after their creation returned. */
    private static void awaitTopics(Admin admin, List<String> topics) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                Map<String, TopicDescription> found = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                if (found.values().stream().allMatch(t -> t.partitions().stream().allMatch(p -> p.leader() != null))) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
            assertTrue(Instant.now().isBefore(deadline), "topics " + topics + " have leaders within 60 s");
            Thread.sleep(200);
        }
    }

    private static TopicDescription describe(Admin admin) throws Exception {
        return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC);
    }
}
