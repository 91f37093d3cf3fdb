package io.poka.platform;

import static io.poka.testing.ProcessLogs.freePort;
import static io.poka.testing.ProcessLogs.tail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.PackagedPoka;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's run command on a machine with nothing configured: the packaged application starts its own
 * PostgreSQL and Kafka under POKA_DATA_DIR, creates the first admin with a password printed once, accepts a
 * reading through its broker, stops cleanly on SIGTERM, and finds everything again after a restart.
 */
class EmbeddedDefaultsIT {
    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password\\s+(\\S+)");
    private final HttpClient http = HttpClient.newHttpClient();
    private PackagedPoka app;

    /** SIGTERM first: a SIGKILL would leave the embedded PostgreSQL running, orphaned, after the test. */
    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void runsOnEmbeddedDefaultsAndKeepsDataAcrossARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("poka-it-data");
        int port = freePort();

        Path log1 = dataDir.resolve("run1.log");
        app = start(dataDir, port, log1);
        String log = Files.readString(log1);
        assertTrue(log.contains("Embedded PostgreSQL started"), "embedded PostgreSQL started");
        assertTrue(log.contains("Embedded Kafka broker started"), "embedded Kafka started");
        assertTrue(log.contains("/q/swagger-ui") && log.contains("/q/health"), "log says where docs and health are");
        Matcher m = ONE_TIME_PASSWORD.matcher(log);
        assertTrue(m.find(), "a one-time admin password is printed on first start");
        String generated = m.group(1);

        assertEquals(401, app.get("/api/v1/me", null).statusCode());
        // the printed password is temporary: nothing but replacing it is allowed
        HttpResponse<String> temporary = app.get("/api/v1/me", "admin:" + generated);
        assertEquals(403, temporary.statusCode());
        assertTrue(temporary.body().contains("urn:poka:problem:password-change-required"), temporary.body());
        String password = "it-admin-own-password";
        HttpResponse<String> changed = app.send("PUT", "/api/v1/me/password", "admin:" + generated,
                "{\"currentPassword\":\"" + generated + "\",\"newPassword\":\"" + password + "\"}");
        assertEquals(204, changed.statusCode(), changed.body());
        assertEquals(200, app.get("/api/v1/me", "admin:" + password).statusCode());
        // the web UI's session key is kept in the data directory and never printed
        assertEquals(303, app.get("/ui", null).statusCode());
        assertTrue(Files.exists(dataDir.resolve("session-encryption.key")), "session key kept in the data directory");
        assertFalse(Files.readString(log1).contains("Encryption key was not specified"), "no generated key in the log");
        // production default: the session cookie is Secure (browsers keep it on https and on http://localhost)
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/j_security_check")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=admin&j_password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        String sessionCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("quarkus-credential=")).findFirst().orElseThrow(() -> new AssertionError(
                        "no session cookie: " + signedIn.statusCode() + " " + signedIn.headers()));
        assertTrue(sessionCookie.contains("Secure"), sessionCookie);
        assertEquals("on", postgresSetting(dataDir, "synchronous_commit"),
                "a commit is on disk before Kafka offsets are committed (zonky's default is off)");
        assertEquals("on", postgresSetting(dataDir, "fsync"));

        HttpResponse<String> catalogued = app.post("/api/v1/telemetry/variables", "admin:" + password,
                "{\"line\":\"it-line\",\"variable\":\"temperature\",\"unit\":\"degC\"}");
        assertEquals(201, catalogued.statusCode(), catalogued.body());
        String readingId = UUID.randomUUID().toString();
        produceReading(dataDir, readingId);
        String query = "/api/v1/telemetry/readings?line=it-line&variable=temperature";
        awaitBodyContains(query, "admin:" + password, readingId);

        // SIGTERM in the middle of a stream: the consumer is storing a batch when it arrives
        int produced = streamReadings(dataDir, Duration.ofSeconds(3), 150_000);
        long storedBefore = storedStreamReadings(dataDir);
        assertTrue(storedBefore < produced, "SIGTERM arrives while readings are still being stored");
        int logAtSigterm = Files.readString(log1).length();
        long t0 = System.nanoTime();
        boolean exited = app.stop(Duration.ofSeconds(60)); // SIGTERM
        long exitMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("EmbeddedDefaultsIT: %d of %d streamed readings stored at SIGTERM; exit took %d ms%n",
                storedBefore, produced, exitMillis);
        assertTrue(exited, "stops within 60 s of SIGTERM");
        assertTrue(exitMillis < 10_000, "stops in order within 10 s of SIGTERM (a hang, not a benchmark): " + exitMillis
                + " ms\n" + tail(log1));
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("")
                .contains(dataDir.resolve("postgres").toString())), "no PostgreSQL process is left behind");
        String stopping = Files.readString(log1).substring(logAtSigterm);
        int consumerStopped = stopping.indexOf("Readings consumer stopped");
        int appStopped = stopping.indexOf("Application stopped after");
        int dbStopped = stopping.indexOf("Embedded PostgreSQL stopped");
        int brokerStopped = stopping.indexOf("Embedded Kafka broker stopped");
        assertTrue(consumerStopped >= 0 && consumerStopped < appStopped && appStopped < dbStopped
                && dbStopped < brokerStopped, "consumer, application, database, broker:\n" + stopping);
        assertFalse(stopping.contains("WARN  [io.poka"), "nothing of Poka's failed while stopping:\n" + stopping);
        assertFalse(stopping.contains("retrying in"), "no write failed under the consumer:\n" + stopping);
        assertFalse(stopping.contains(" ERROR "), "no error while stopping:\n" + stopping);

        Path log2 = dataDir.resolve("run2.log");
        app = start(dataDir, port, log2);
        assertFalse(Files.readString(log2).contains("one-time password"), "the admin is created only once");
        assertEquals(200, app.get("/api/v1/me", "admin:" + password).statusCode(), "same admin password after restart");
        assertEquals(1, countReadings(dataDir, "reading_id = '" + readingId + "'"), "the reading survived the restart");
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (storedStreamReadings(dataDir) < produced && Instant.now().isBefore(end)) {
            Thread.sleep(500);
        }
        assertEquals(produced, storedStreamReadings(dataDir), "every reading streamed before SIGTERM is stored once");
    }

    /** The README's run command: the packaged jar on its embedded defaults, -Xmx1g; waits until it is ready. */
    private static PackagedPoka start(Path dataDir, int port, Path log) throws Exception {
        return PackagedPoka.startEmbedded("embedded-defaults", dataDir, port, log, List.of("-Xmx1g"))
                .awaitReady(Duration.ofSeconds(180));
    }

    private void awaitBodyContains(String path, String credentials, String text) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(end)) {
            if (app.get(path, credentials).body().contains(text)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(text + " not found at " + path);
    }

    private static Properties ports(Path dataDir) throws IOException {
        Properties ports = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("ports.properties"))) {
            ports.load(in);
        }
        return ports;
    }

    /** A server setting of the embedded PostgreSQL, asked over JDBC on the port recorded in the data directory. */
    private static String postgresSetting(Path dataDir, String name) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + ports(dataDir).getProperty("postgres") + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                ResultSet rs = c.createStatement().executeQuery("show " + name)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static void produceReading(Path dataDir, String readingId) throws Exception {
        String kafkaPort = ports(dataDir).getProperty("kafka");
        assertNotNull(kafkaPort, "the embedded broker's port is recorded in the data directory");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String json = """
                {"readingId":"%s","line":"it-line","station":"S1","variable":"temperature","value":20.5,"unit":"degC","timestamp":"%s"}"""
                .formatted(readingId, Instant.now().minusSeconds(5));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>("poka.telemetry.readings.v1", "it-line", json)).get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Streams readings of it-line at about 5,000 a second for the given time, then a burst as fast as the broker
     * takes them (a backlog the application is still storing), and waits for the broker's acks.
     */
    private static int streamReadings(Path dataDir, Duration duration, int burst) throws Exception {
        Instant start = Instant.now().minusSeconds(600);
        int n = 0;
        try (KafkaProducer<String, String> producer = producer(dataDir)) {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                for (int k = 0; k < 500; k++, n++) {
                    send(producer, n, start);
                }
                Thread.sleep(100);
            }
            for (int k = 0; k < burst; k++, n++) {
                send(producer, n, start);
            }
            producer.flush();
        }
        return n;
    }

    private static void send(KafkaProducer<String, String> producer, int n, Instant start) {
        producer.send(new ProducerRecord<>("poka.telemetry.readings.v1", "it-line", """
                {"readingId":"stream-%d","line":"it-line","station":"S1","variable":"temperature","value":%d,"unit":"degC","timestamp":"%s"}"""
                .formatted(n, 20 + n % 3, start.plusMillis(n))));
    }

    private static long storedStreamReadings(Path dataDir) throws Exception {
        return countReadings(dataDir, "reading_id like 'stream-%'");
    }

    /** Stored readings matching a condition, over JDBC on the port recorded in the data directory. */
    private static long countReadings(Path dataDir, String condition) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + ports(dataDir).getProperty("postgres") + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                ResultSet rs = c.createStatement().executeQuery(
                        "select count(*), count(distinct reading_id) from telemetry.reading where " + condition)) {
            assertTrue(rs.next());
            assertEquals(rs.getLong(1), rs.getLong(2), "no reading id stored twice");
            return rs.getLong(1);
        }
    }

    private static KafkaProducer<String, String> producer(Path dataDir) throws IOException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports(dataDir).getProperty("kafka"));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }

}
