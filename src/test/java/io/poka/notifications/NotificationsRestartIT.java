package io.poka.notifications;

import static io.poka.testing.ProcessLogs.tail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.poka.platform.internal.embedded.PostgresServerSettings;
import io.poka.testing.PackagedPoka;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Exactly-once notification across real restarts of the packaged application (a restarted @QuarkusTest would get a
 * fresh database): one Poka process on an external PostgreSQL and Kafka broker, e-mail to a real SMTP server
 * (GreenMail) and webhooks to a real HTTP receiver. An incident whose mail and webhook went out is not notified again
 * after SIGKILL or after a clean stop; an escalation that fell due while Poka was down goes out once after the
 * restart; a crash while a webhook is being sent (the receiver has it, Poka has not recorded it) sends it again after
 * the restart with the same Poka-Delivery-Id, which is what docs/notifications.md promises (at least once to the
 * receiver, once after deduplication by that id). Every webhook finds its incident already committed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsRestartIT {
    private static final String PASSWORD = "restart-it-admin-password";
    private static final String SECRET = "restart-it-webhook-secret";
    private static final String QA = "qa@restart.example";
    private static final String SHIFT_LEAD = "shift-lead@restart.example";
    private static final Duration ESCALATE_AFTER = Duration.ofSeconds(20);

    private static EmbeddedPostgres postgres;
    private static KafkaClusterTestKit kafka;
    private static GreenMail smtp;
    private static Receiver hooks;
    private static Path work;
    private static PackagedPoka app;
    private static int starts;
    private static final List<String> lines = new ArrayList<>();

    @BeforeAll
    static void startInfrastructure() throws Exception {
        assertTrue(Files.exists(PackagedPoka.JAR), "run after `package`: " + PackagedPoka.JAR);
        work = Files.createTempDirectory("poka-notifications-restart-it");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        PostgresServerSettings.durableAndSized().forEach(builder::setServerConfig);
        postgres = builder.start();
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        hooks = new Receiver();
        start();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (app != null) {
            app.stop(Duration.ofSeconds(30));
        }
        if (hooks != null) {
            hooks.close();
        }
        if (smtp != null) {
            smtp.stop();
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
    void afterSigkillNothingSentIsSentAgainAnEscalationDueInTheDowntimeGoesOutOnceAndAnUnrecordedWebhookKeepsItsId()
            throws Exception {
        post("/api/v1/notifications/subscriptions", """
                {"name":"QA by mail","minSeverity":"LOW","channel":"EMAIL","target":"%s",
                 "escalationTarget":"%s","escalateAfter":"%s"}""".formatted(QA, SHIFT_LEAD, ESCALATE_AFTER), 201);
        post("/api/v1/notifications/subscriptions", """
                {"name":"MES hook","minSeverity":"LOW","channel":"WEBHOOK","target":"%s","secret":"%s",
                 "escalationTarget":"%s","escalateAfter":"%s"}""".formatted(hooks.url("notice"), SECRET,
                hooks.url("escalation"), ESCALATE_AFTER), 201);

        String notified = openIncident("kill9");
        awaitTrue(() -> sent(notified, "OPENED") == 2, "the incident's mail and webhook sent");
        assertEquals(1, mails(QA, notified).size());
        assertEquals(1, hooks.calls(notified, "OPENED").size());

        String inFlight = openIncident("inflight");
        hooks.holdNext(inFlight); // the receiver takes the webhook and does not answer until Poka is dead
        awaitTrue(() -> hooks.holding(), "the in-flight incident's webhook reached the receiver");
        app.kill9(); // SIGKILL: no shutdown hook, the sending transaction never commits
        hooks.release();
        awaitEscalationsDue(notified, inFlight);
        assertEquals(0, count("select count(*) from notifications.delivery where line = ? and channel = 'WEBHOOK' "
                + "and status = 'SENT'", inFlight), "the webhook taken by the receiver is not recorded as sent");

        start();
        awaitTrue(() -> pending() == 0, "every due delivery sent after the restart");
        Thread.sleep(3_000); // several worker runs: a second message would show now

        for (String line : List.of(notified, inFlight)) {
            assertEquals(1, mails(QA, line).size(), "one mail to QA for " + line);
            assertEquals(1, mails(SHIFT_LEAD, line).size(), "one escalation mail for " + line);
            assertEquals(1, hooks.calls(line, "ESCALATED").size(), "one escalation webhook for " + line);
        }
        assertEquals(1, hooks.calls(notified, "OPENED").size(), "the notified incident's webhook is not sent again");
        List<Call> again = hooks.calls(inFlight, "OPENED");
        assertEquals(2, again.size(), "the webhook in flight at the crash is sent again: " + again);
        assertEquals(again.get(0).deliveryId(), again.get(1).deliveryId(), "with the same Poka-Delivery-Id");
        assertEquals(again.get(0).body(), again.get(1).body(), "and the same body");
        assertTrue(hooks.all().stream().allMatch(Call::incidentCommitted), "sent only after the incident committed");
        System.out.printf("NotificationsRestartIT SIGKILL: mails %d, webhook calls %d (%d distinct delivery ids)%n",
                smtp.getReceivedMessages().length, hooks.all().size(), hooks.distinctIds());
    }

    @Test
    @Order(2)
    void afterACleanStopNothingSentIsSentAgainAndAnEscalationDueInTheDowntimeGoesOutOnce() throws Exception {
        int mailsBefore = smtp.getReceivedMessages().length;
        int callsBefore = hooks.all().size();
        String line = openIncident("stop");
        awaitTrue(() -> sent(line, "OPENED") == 2, "the incident's mail and webhook sent");
        assertTrue(app.stop(Duration.ofSeconds(60)), "stopped cleanly"); // SIGTERM
        awaitEscalationsDue(line);

        start();
        awaitTrue(() -> pending() == 0, "every due delivery sent after the restart");
        Thread.sleep(3_000);

        assertEquals(1, mails(QA, line).size(), "one mail to QA");
        assertEquals(1, hooks.calls(line, "OPENED").size(), "one webhook");
        assertEquals(1, mails(SHIFT_LEAD, line).size(), "one escalation mail");
        assertEquals(1, hooks.calls(line, "ESCALATED").size(), "one escalation webhook");
        assertEquals(mailsBefore + 2, smtp.getReceivedMessages().length, "nothing else mailed after the restart");
        assertEquals(callsBefore + 2, hooks.all().size(), "nothing else posted after the restart");
        assertTrue(hooks.all().stream().allMatch(Call::incidentCommitted), "sent only after the incident committed");
        System.out.printf("NotificationsRestartIT clean stop: mails %d, webhook calls %d (%d distinct delivery ids), "
                + "%d starts%n", smtp.getReceivedMessages().length, hooks.all().size(), hooks.distinctIds(), starts);
    }

    // ---- incidents and deliveries ------------------------------------------------------------------------------

    /** A new line with limits 10 ± 3 and readings whose last one is beyond them: one HIGH incident. */
    private String openIncident(String prefix) throws Exception {
        String line = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/v1/telemetry/variables", """
                {"line":"%s","variable":"x","unit":"u","ruleSet":"BEYOND_LIMITS"}""".formatted(line), 201);
        post("/api/v1/spc/charts/" + line + "/x/limits/entered",
                "{\"center\":10.0,\"sigma\":1.0,\"studyReference\":\"restart IT\"}", 201);
        Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder readings = new StringBuilder("[");
        double[] values = {10.0, 10.4, 9.7, 20.0};
        for (int i = 0; i < values.length; i++) {
            readings.append(i == 0 ? "" : ",").append("""
                    {"readingId":"%s","line":"%s","station":"S1","variable":"x","value":%s,"unit":"u","timestamp":"%s"}"""
                    .formatted(UUID.randomUUID(), line, values[i], t.plusSeconds(i)));
        }
        post("/api/v1/telemetry/readings", readings.append("]").toString(), 200);
        lines.add(line);
        return line;
    }

    /** Deliveries of kind {@code kind} recorded SENT for the incidents of {@code line}. */
    private static long sent(String line, String kind) {
        return count("select count(*) from notifications.delivery where line = ? and kind = ? and status = 'SENT'",
                line, kind);
    }

    private static long pending() {
        return count("select count(*) from notifications.delivery where status = 'PENDING'");
    }

    /**
     * With Poka down: checks that the escalations (mail and webhook) of each of {@code lines} are still pending, then
     * waits until every one is due, so they fall due during the downtime.
     */
    private static void awaitEscalationsDue(String... lines) throws Exception {
        for (String line : lines) {
            assertEquals(2, count("select count(*) from notifications.delivery where line = ? and kind = 'ESCALATED' "
                    + "and status = 'PENDING'", line), "both escalations of " + line + " pending while Poka is down");
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); PreparedStatement s = c.prepareStatement(
                "select max(next_attempt_at) from notifications.delivery where kind = 'ESCALATED' and status = 'PENDING'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            Timestamp due = rs.getTimestamp(1);
            long wait = due.toInstant().toEpochMilli() - System.currentTimeMillis();
            Thread.sleep(Math.max(0, wait) + 500);
        }
    }

    private static List<MimeMessage> mails(String to, String line) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to))
                        && m.getSubject().contains(line);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static long count(String sql, Object... args) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws Exception {
        Instant end = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(end), () -> "not within 60 s: " + what + "\n" + tail(app.log()));
            assertTrue(app.process().isAlive(), () -> "Poka exited:\n" + tail(app.log()));
            Thread.sleep(200);
        }
    }

    // ---- the application ----------------------------------------------------------------------------------------

    /** Starts the packaged application on the same database, broker and data directory as every start before. */
    private static void start() throws Exception {
        starts++;
        app = PackagedPoka.start("notifications-restart-it", work, postgres.getJdbcUrl("postgres", "postgres"),
                kafka.bootstrapServers(), PASSWORD, Map.of(
                        "POKA_TELEMETRY_DEMO_ENABLED", "false",
                        "POKA_NOTIFICATIONS_POLL_INTERVAL", "1s",
                        "QUARKUS_MAILER_HOST", "127.0.0.1",
                        "QUARKUS_MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()),
                        "QUARKUS_MAILER_FROM", "poka@restart.example"), List.of())
                .awaitReady(Duration.ofSeconds(300));
    }

    private void post(String path, String json, int expected) throws Exception {
        HttpResponse<String> r = app.post(path, "admin:" + PASSWORD, json);
        assertEquals(expected, r.statusCode(), path + ": " + r.body());
    }

    // ---- the webhook receiver --------------------------------------------------------------------------------------

    /** One webhook call: its delivery id, kind, line, body, and whether its incident was committed when it came. */
    record Call(String deliveryId, String kind, String line, String body, boolean incidentCommitted) {
    }

    /**
     * A real HTTP receiver on 127.0.0.1 (the signature is WebhookReceiver's and NotificationDeliveryTest's concern):
     * records each call and, while the call is in hand, whether the incident it names is visible to another
     * connection (committed); can hold one line's first call unanswered.
     */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final ObjectMapper json = new ObjectMapper();
        private final List<Call> calls = new CopyOnWriteArrayList<>();
        private volatile String holdLine;
        private volatile CountDownLatch held = new CountDownLatch(0);
        private volatile boolean holding;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/hook", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                JsonNode n = json.readTree(body);
                String line = n.path("incident").path("line").asText();
                String incident = n.path("incident").path("id").asText();
                boolean committed = count("select count(*) from alerts.incident where id = ?::uuid", incident) == 1;
                calls.add(new Call(exchange.getRequestHeaders().getFirst("Poka-Delivery-Id"), n.path("kind").asText(),
                        line, new String(body, StandardCharsets.UTF_8), committed));
                if (line.equals(holdLine)) {
                    holdLine = null;
                    holding = true;
                    try {
                        held.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                try {
                    exchange.sendResponseHeaders(204, -1);
                } catch (IOException senderGone) {
                    // Poka was killed while this call was in hand
                }
                exchange.close();
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + path;
        }

        void holdNext(String line) {
            held = new CountDownLatch(1);
            holdLine = line;
        }

        boolean holding() {
            return holding;
        }

        void release() {
            held.countDown();
        }

        List<Call> calls(String line, String kind) {
            return calls.stream().filter(c -> c.line().equals(line) && c.kind().equals(kind)).toList();
        }

        List<Call> all() {
            return List.copyOf(calls);
        }

        long distinctIds() {
            return calls.stream().map(Call::deliveryId).distinct().count();
        }

        @Override
        public void close() {
            held.countDown();
            server.stop(0);
        }
    }
}
