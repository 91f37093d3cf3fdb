package io.poka.telemetry;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A real database outage while readings arrive: the database refuses new connections and the application's
 * connections are terminated (what a server restart does to it). The consumer must stall and retry, and once the
 * database is back every accepted reading is stored exactly once, its violations and its one alert with it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DatabaseOutageTest {
    @Inject
    MeterRegistry metrics;

    @Test
    void readingsSentDuringAnOutageAreStoredOnceWhenTheDatabaseIsBack() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "temp", "degC", "");
        TelemetryFixtures.enterLimits(line, "temp", 0.0, 1.0);
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<String> records = new ArrayList<>();
        int beyond = 0;
        for (int i = 0; i < 300; i++) {
            double value = i % 50 < 5 ? 4.0 : (i % 2 == 0 ? 0.5 : -0.5); // 5 of every 50 beyond 3 sigma (WE1)
            beyond += value > 3 ? 1 : 0;
            records.add(TelemetryFixtures.reading(line + "-" + i, line, "temp", "degC", value, start.plusSeconds(i)));
        }
        double retries0 = metrics.counter("poka.telemetry.store.retries").count();

        // the switch is thrown from another database (a database cannot lock itself out); s stays connected to ours
        String otherDatabase = RealInfrastructure.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/template1$1");
        try (Connection admin = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                Statement s = admin.createStatement();
                Connection other = DriverManager.getConnection(otherDatabase, "postgres", "postgres");
                Statement switchboard = other.createStatement()) {
            long ours = count(s, "select pg_backend_pid()");
            switchboard.execute("alter database postgres allow_connections false");
            try {
                switchboard.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'postgres' "
                        + "and pid <> " + ours);
                try (KafkaProducer<String, String> producer = TelemetryFixtures.producer()) {
                    for (int i = 0; i < records.size(); i++) {
                        producer.send(new ProducerRecord<>(TelemetryFixtures.READINGS_TOPIC, line, records.get(i)));
                        if (i == 100) {
                            // delivered twice, as after a consumer crash before its commit
                            producer.send(new ProducerRecord<>(TelemetryFixtures.READINGS_TOPIC, line, records.get(i)));
                        }
                    }
                    producer.flush();
                }
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> metrics.counter("poka.telemetry.store.retries").count() >= retries0 + 2);
                assertEquals(0, count(s, "select count(*) from telemetry.reading where line = '" + line + "'"),
                        "nothing can be stored while the database refuses connections");
            } finally {
                switchboard.execute("alter database postgres allow_connections true");
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> count(s,
                    "select count(*) from telemetry.reading where line = '" + line + "'") == records.size());
            Thread.sleep(1000); // a redelivered batch would arrive now; it must change nothing
            assertEquals(records.size(), count(s, "select count(distinct reading_id) from telemetry.reading where line = '"
                    + line + "'"));
            assertEquals(records.size(), count(s, "select count(*) from telemetry.reading where line = '" + line + "'"));
            assertEquals(beyond, count(s, "select coalesce(sum(fired_points), 0) from spc.violation where line = '" + line
                    + "' and rule_id = 'WE1'"), "every point beyond 3 sigma is a stored WE1 firing, once");
            assertEquals(1, count(s, "select count(*) from alerts.alert where line = '" + line + "' and rule_id = 'WE1'"));
            assertEquals(beyond, count(s, "select occurrences from alerts.alert where line = '" + line
                    + "' and rule_id = 'WE1'"));
        }
        assertTrue(metrics.counter("poka.telemetry.store.retries").count() > retries0);
    }

    /**
     * An outage longer than the Kafka connector's 60 s limit on unacknowledged records (the default of
     * throttled.unprocessed-record-max-age.ms, which used to fail the channel for good): readings sent before, during
     * and after it are all stored once without a restart, liveness stays UP throughout, readiness is UP again after.
     */
    @Test
    void ingestionResumesByItselfAfterAnOutageLongerThanAMinute() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "temp", "degC", "");
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String otherDatabase = RealInfrastructure.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/template1$1");
        int produced = 0;
        try (KafkaProducer<String, String> producer = TelemetryFixtures.producer();
                Connection admin = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                Statement s = admin.createStatement();
                Connection other = DriverManager.getConnection(otherDatabase, "postgres", "postgres");
                Statement switchboard = other.createStatement()) {
            produced = produce(producer, line, start, produced, 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(s, line) == 200);
            long ours = count(s, "select pg_backend_pid()");
            switchboard.execute("alter database postgres allow_connections false");
            long outageStart = System.nanoTime();
            try {
                switchboard.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'postgres' "
                        + "and pid <> " + ours);
                while (System.nanoTime() - outageStart < Duration.ofSeconds(75).toNanos()) {
                    produced = produce(producer, line, start, produced, 100);
                    Thread.sleep(5_000);
                }
                assertEquals(200, RestAssured.get("/q/health/live").statusCode(),
                        "liveness stays UP when only the database is down: " + RestAssured.get("/q/health/live").asString());
                RestAssured.get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'poka-telemetry-ingest' }.status", equalTo("DOWN"));
            } finally {
                switchboard.execute("alter database postgres allow_connections true");
            }
            produced = produce(producer, line, start, produced, 200);
            int expected = produced;
            await().atMost(Duration.ofSeconds(90)).until(() -> stored(s, line) == expected);
            Thread.sleep(1000); // a redelivered batch would arrive now; it must change nothing
            assertEquals(expected, stored(s, line));
            assertEquals(expected, count(s, "select count(distinct reading_id) from telemetry.reading where line = '"
                    + line + "'"));
            produced = produce(producer, line, start, produced, 100);
            int more = produced;
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(s, line) == more);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
        assertEquals(200, RestAssured.get("/q/health/live").statusCode());
    }

    private static int produce(KafkaProducer<String, String> producer, String line, Instant start, int from, int n)
            throws Exception {
        for (int i = from; i < from + n; i++) {
            producer.send(new ProducerRecord<>(TelemetryFixtures.READINGS_TOPIC, line, TelemetryFixtures.reading(
                    line + "-" + i, line, "temp", "degC", i % 7, start.plusMillis(i * 10L))));
        }
        producer.flush();
        return from + n;
    }

    private static long stored(Statement s, String line) throws Exception {
        return count(s, "select count(*) from telemetry.reading where line = '" + line + "'");
    }

    private static long count(Statement s, String sql) throws Exception {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
