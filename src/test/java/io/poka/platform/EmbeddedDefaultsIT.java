package io.poka.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password\\s+(\\S+)");
    private final HttpClient http = HttpClient.newHttpClient();
    private Process app;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void runsOnEmbeddedDefaultsAndKeepsDataAcrossARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("poka-it-data");
        int port = freePort();

        Path log1 = dataDir.resolve("run1.log");
        app = start(dataDir, port, log1);
        awaitReady(port, log1);
        String log = Files.readString(log1);
        assertTrue(log.contains("Embedded PostgreSQL started"), "embedded PostgreSQL started");
        assertTrue(log.contains("Embedded Kafka broker started"), "embedded Kafka started");
        assertTrue(log.contains("/q/swagger-ui") && log.contains("/q/health"), "log says where docs and health are");
        Matcher m = ONE_TIME_PASSWORD.matcher(log);
        assertTrue(m.find(), "a one-time admin password is printed on first start");
        String generated = m.group(1);

        assertEquals(401, get(port, "/api/v1/me", null).statusCode());
        // the printed password is temporary: nothing but replacing it is allowed
        HttpResponse<String> temporary = get(port, "/api/v1/me", "admin:" + generated);
        assertEquals(403, temporary.statusCode());
        assertTrue(temporary.body().contains("urn:poka:problem:password-change-required"), temporary.body());
        String password = "it-admin-own-password";
        HttpResponse<String> changed = send("PUT", port, "/api/v1/me/password", "admin:" + generated,
                "{\"currentPassword\":\"" + generated + "\",\"newPassword\":\"" + password + "\"}");
        assertEquals(204, changed.statusCode(), changed.body());
        assertEquals(200, get(port, "/api/v1/me", "admin:" + password).statusCode());
        // the web UI's session key is kept in the data directory and never printed
        assertEquals(303, get(port, "/ui", null).statusCode());
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

        HttpResponse<String> catalogued = post(port, "/api/v1/telemetry/variables", "admin:" + password,
                "{\"line\":\"it-line\",\"variable\":\"temperature\",\"unit\":\"degC\"}");
        assertEquals(201, catalogued.statusCode(), catalogued.body());
        String readingId = UUID.randomUUID().toString();
        produceReading(dataDir, readingId);
        String query = "/api/v1/telemetry/readings?line=it-line&variable=temperature";
        awaitBodyContains(port, query, "admin:" + password, readingId);

        app.destroy(); // SIGTERM
        assertTrue(app.waitFor(60, TimeUnit.SECONDS), "stops within 60 s of SIGTERM");
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("")
                .contains(dataDir.resolve("postgres").toString())), "no PostgreSQL process is left behind");

        Path log2 = dataDir.resolve("run2.log");
        app = start(dataDir, port, log2);
        awaitReady(port, log2);
        assertFalse(Files.readString(log2).contains("one-time password"), "the admin is created only once");
        assertEquals(200, get(port, "/api/v1/me", "admin:" + password).statusCode(), "same admin password after restart");
        assertTrue(get(port, query, "admin:" + password).body().contains(readingId), "the reading survived the restart");
    }

    private static Process start(Path dataDir, int port, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", JAR.toString());
        pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        pb.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        pb.environment().remove("POKA_ADMIN_PASSWORD");
        pb.environment().put("POKA_DATA_DIR", dataDir.toString());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private void awaitReady(int port, Path log) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(end)) {
            assertTrue(app.isAlive(), () -> "application exited early:\n" + tail(log));
            try {
                HttpResponse<String> r = get(port, "/q/health/ready", null);
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within 180 s:\n" + tail(log));
    }

    private void awaitBodyContains(int port, String path, String credentials, String text) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(end)) {
            if (get(port, path, credentials).body().contains(text)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(text + " not found at " + path);
    }

    private HttpResponse<String> post(int port, String path, String credentials, String json) throws Exception {
        return send("POST", port, path, credentials, json);
    }

    private HttpResponse<String> send(String method, int port, String path, String credentials, String json)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path, String credentials) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.substring(Math.max(0, s.length() - 4000));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
