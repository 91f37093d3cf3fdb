package io.poka.testing;

import static io.poka.testing.ProcessLogs.freePort;
import static io.poka.testing.ProcessLogs.tail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/quarkus-app, after {@code package}) run as a separate process on a database and
 * broker the test started, for tests of what only a real process shows: SIGKILL, restarts, several replicas.
 * Used by the failsafe ITs; keep its public shape stable (other ITs build on it).
 */
public final class PackagedPoka {
    /** The packaged application's launcher. */
    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private PackagedPoka(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the jar as replica {@code name} ({@code POKA_PLATFORM_INSTANCE_ID}) with its log in {@code work} (a
     * restart of the same name logs to name-2.log, name-3.log ...), on the given PostgreSQL and Kafka, the admin
     * password {@code adminPassword}, extra environment {@code env} and extra JVM options {@code jvmOptions} (system
     * properties, e.g. shorter timeouts); does not wait for readiness.
     */
    public static PackagedPoka start(String name, Path work, String jdbcUrl, String bootstrapServers,
            String adminPassword, Map<String, String> env, List<String> jvmOptions) throws IOException {
        int port = freePort();
        Map<String, String> e = new java.util.HashMap<>();
        e.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        e.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        e.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        e.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        e.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        e.put("POKA_ADMIN_PASSWORD", adminPassword);
        e.put("POKA_DATA_DIR", work.resolve(name).toString());
        e.put("POKA_PLATFORM_INSTANCE_ID", name);
        e.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "packaged-poka-shared-session-key");
        e.putAll(env);
        return launch(name, port, newLog(work, name), e, Set.of(), jvmOptions);
    }

    /**
     * Starts the jar on its embedded defaults as a first-time user would: no database, broker, admin password or
     * session key given (inherited ones are removed), its own PostgreSQL and Kafka under {@code dataDir}, listening
     * on {@code port}, its output in {@code log}; does not wait for readiness.
     */
    public static PackagedPoka startEmbedded(String name, Path dataDir, int port, Path log, List<String> jvmOptions)
            throws IOException {
        return launch(name, port, log, Map.of("POKA_DATA_DIR", dataDir.toString(), "QUARKUS_HTTP_PORT",
                Integer.toString(port)), Set.of("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS",
                "POKA_ADMIN_PASSWORD", "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), jvmOptions);
    }

    /** work/name.log, or name-2.log, name-3.log ... when the same replica is started again (a restart). */
    private static Path newLog(Path work, String name) {
        Path log = work.resolve(name + ".log");
        for (int n = 2; Files.exists(log); n++) {
            log = work.resolve(name + "-" + n + ".log");
        }
        return log;
    }

    private static PackagedPoka launch(String name, int port, Path log, Map<String, String> env, Set<String> removed,
            List<String> jvmOptions) throws IOException {
        if (!Files.exists(JAR)) {
            throw new AssertionError("run after `package`: " + JAR);
        }
        List<String> command = new ArrayList<>(List.of(KafkaNodeProcesses.java(), "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dai.djl.offline=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeAll(removed);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new PackagedPoka(name, pb.start(), port, log);
    }

    /** Waits until /q/health/ready answers 200; fails with the log's tail if the process exits or time runs out. */
    public PackagedPoka awaitReady(Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited early:\n" + tail(log));
            }
            try {
                if (get("/q/health/ready", null).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not ready within " + timeout + ":\n" + tail(log));
    }

    /** SIGKILL: no shutdown hook, no offset commit, no lease release. Waits until the process is gone. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " survived SIGKILL");
        }
    }

    /** SIGTERM, then SIGKILL after {@code grace}; returns whether it stopped within the grace. */
    public boolean stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        return false;
    }

    /** A JSON request with HTTP Basic credentials {@code user:password} (null: none). */
    public HttpResponse<String> send(String method, String path, String credentials, String json) throws Exception {
        return send(method, path, credentials, json, "application/json");
    }

    /** A request with a body of this content type (a CSV upload, say) and HTTP Basic credentials (null: none). */
    public HttpResponse<String> send(String method, String path, String credentials, String body, String contentType)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String credentials) throws Exception {
        return send("GET", path, credentials, null);
    }

    public HttpResponse<String> post(String path, String credentials, String json) throws Exception {
        return send("POST", path, credentials, json);
    }

    public String name() {
        return name;
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }
}
