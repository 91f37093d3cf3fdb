package io.poka.platform.internal.embedded;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Decides what to embed: PostgreSQL unless a JDBC URL is configured, Kafka unless bootstrap servers are, and
 * hands their addresses to Quarkus as system properties (which outrank application.properties).
 */
final class EmbeddedInfrastructure {
    private static final Logger LOG = Logger.getLogger(EmbeddedInfrastructure.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    /** Counted down when Quarkus has destroyed its beans: consumers closed, offsets committed, pools closed. */
    private static final CountDownLatch APPLICATION_STOPPED = new CountDownLatch(1);

    static EmbeddedInfrastructure startIfNotConfigured() {
        EmbeddedInfrastructure infra = new EmbeddedInfrastructure();
        boolean externalDb = isSet("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url");
        boolean externalKafka = isSet("KAFKA_BOOTSTRAP_SERVERS", "kafka.bootstrap.servers");
        if (externalDb && externalKafka) {
            LOG.info("External PostgreSQL and Kafka configured: nothing embedded is started");
            return infra;
        }
        Path dataDir = dataDirectory();
        PortBook ports = PortBook.open(dataDir.resolve("ports.properties"));
        try {
            if (!externalDb) {
                EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("postgres"), ports.port("postgres"));
                infra.started.add(db);
                System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
                System.setProperty("quarkus.datasource.username", db.username());
                System.setProperty("quarkus.datasource.password", db.password());
            }
            if (!externalKafka) {
                EmbeddedBroker broker = EmbeddedBroker.start(dataDir.resolve("kafka"),
                        ports.port("kafka"), ports.port("kafka-controller"));
                infra.started.add(broker);
                System.setProperty("kafka.bootstrap.servers", broker.bootstrapServers());
            }
            ports.save();
        } catch (RuntimeException e) {
            infra.closeAll();
            throw e;
        }
        LOG.infof("Embedded services use data directory %s", dataDir);
        return infra;
    }

    private static Path dataDirectory() {
        String configured = firstNonBlank(System.getenv("POKA_DATA_DIR"), System.getProperty("poka.platform.data-dir"));
        Path dir = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".poka");
        return dir.toAbsolutePath();
    }

    private static boolean isSet(String env, String property) {
        return firstNonBlank(System.getenv(env), System.getProperty(property)) != null;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    /** Signals that the application no longer uses the services. */
    static void applicationStopped() {
        APPLICATION_STOPPED.countDown();
    }

    /**
     * Called by the JVM shutdown hook: lets Quarkus finish (Kafka consumers stop and commit, connection pools close)
     * before the services stop, then stops the database and after it the broker. The services register no shutdown
     * hooks of their own, so nothing stops them earlier.
     */
    void awaitApplicationThenClose() {
        if (started.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            if (!APPLICATION_STOPPED.await(30, TimeUnit.SECONDS)) {
                LOG.warn("Application did not stop within 30 s; stopping embedded services anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        afterQuarkus("Application stopped after " + (System.nanoTime() - t0) / 1_000_000
                + " ms; stopping the embedded services");
        closeAll();
    }

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    /**
     * Reports a step of stopping once Quarkus has stopped: its log manager is closed by then and drops messages,
     * so the line goes to standard output, in the log's format.
     */
    static void afterQuarkus(String message) {
        System.out.printf("%s INFO  [%s] (%s) %s%n", LocalDateTime.now().format(LOG_TIME),
                EmbeddedInfrastructure.class.getPackageName(), Thread.currentThread().getName(), message);
        System.out.flush();
    }

    /** Stops the services in the order they were started: the database, then the broker. */
    private synchronized void closeAll() {
        for (AutoCloseable service : started) {
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("Stopping an embedded service failed", e);
            }
        }
        started.clear();
    }
}
