package io.poka.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.telemetry.internal.Reading;
import io.poka.telemetry.internal.ReadingStore;
import io.poka.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

/**
 * Bytes per stored reading, indexes included (bench/reading-storage.sh), not a test: the same N readings (52 TEP-like
 * variables, one step per second, ids as the telemetry benchmark makes them) in the former layout (text primary key,
 * text columns, (line, variable, ts) index; DDL of V2026.11.29.02 and V2026.12.01.01) and through the application's
 * ReadingStore into the compact partitioned layout, each measured with pg_total_relation_size.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@EnabledIfSystemProperty(named = "poka.bench", matches = "true")
class ReadingStorageBenchmark {
    private static final int VARIABLES = 52;
    private static final int BATCH = 5_000;

    @Inject
    ReadingStore store;

    @Test
    void measure() throws Exception {
        int n = Integer.getInteger("poka.bench.storage-readings", 1_000_000);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String line = "bench-storage-" + tag;
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS);
        long before;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench_storage");
            s.execute("drop table if exists bench_storage.reading_before");
            s.execute("create table bench_storage.reading_before (reading_id text collate \"C\" primary key, "
                    + "line text collate \"C\" not null, station text not null, variable text collate \"C\" not null, "
                    + "value double precision not null, unit text not null, ts timestamptz not null, lot text, "
                    + "received_at timestamptz not null default now())");
            s.execute("create index reading_before_line_variable_ts on bench_storage.reading_before (line, variable, ts)");
            for (int from = 0; from < n; from += BATCH) {
                StringBuilder csv = new StringBuilder();
                for (int i = from; i < Math.min(n, from + BATCH); i++) {
                    csv.append(id(line, i)).append(',').append(line).append(",TEP,").append(variable(i)).append(',')
                            .append(value(i)).append(",kPa,").append(ts(start, i)).append(",\n");
                }
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_storage.reading_before (reading_id, line, "
                        + "station, variable, value, unit, ts, lot) from stdin with (format csv)",
                        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
            }
            before = size(s, "select pg_total_relation_size('bench_storage.reading_before')");
        }

        long rows0;
        long after0;
        long rollups0;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            rows0 = size(s, "select count(*) from telemetry.reading_row");
            after0 = size(s, PARTITIONS);
            rollups0 = size(s, ROLLUPS);
        }
        for (int from = 0; from < n; from += BATCH) {
            List<Reading> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(n, from + BATCH); i++) {
                batch.add(new Reading(id(line, i), line, "TEP", variable(i), value(i), "kPa",
                        OffsetDateTime.ofInstant(ts(start, i), ZoneOffset.UTC), null));
            }
            QuarkusTransaction.requiringNew().call(() -> store.storeNew(batch));
        }
        long after;
        long rows;
        long rollups;
        String indexes;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            rows = size(s, "select count(*) from telemetry.reading_row") - rows0;
            after = size(s, PARTITIONS) - after0;
            rollups = size(s, ROLLUPS) - rollups0;
            try (ResultSet rs = s.executeQuery("select string_agg(x.name || ' ' || pg_size_pretty(x.bytes), ', ') from "
                    + "(select i.indexrelid::regclass::text name, pg_relation_size(i.indexrelid) bytes from pg_index i "
                    + "join pg_inherits p on p.inhrelid = i.indrelid where p.inhparent = 'telemetry.reading_row'::regclass "
                    + "and pg_relation_size(i.indexrelid) > 65536) x")) {
                rs.next();
                indexes = rs.getString(1);
            }
            s.execute("drop schema bench_storage cascade");
        }
        // the figures mean something only if both layouts hold the same readings, all of them
        assertEquals(n, rows, "every reading stored once in the partitioned layout");
        assertTrue(before > 0 && after > 0 && rollups > 0, "sizes measured: " + before + ", " + after + ", " + rollups);
        String table = String.join("\n",
                "| layout | readings | bytes with indexes | bytes per reading |",
                "| --- | ---: | ---: | ---: |",
                String.format("| before: text primary key, text columns, btree (line, variable, ts) | %d | %d | %.1f |",
                        n, before, before / (double) n),
                String.format("| after: partitioned by day, dictionary ids, unique (ts, hash(id)), btree (source, ts) "
                        + "| %d | %d | %.1f |", rows, after, after / (double) rows),
                "",
                String.format("rollups (minute and hour, kept longer): %d bytes, %.2f bytes per reading", rollups,
                        rollups / (double) rows),
                "indexes of the readings' partitions: " + indexes,
                String.format("ids like '%s'; %d variables, one step per second; pg_total_relation_size right after "
                        + "loading (no VACUUM), PostgreSQL %s; %s", id(line, 12345), VARIABLES, version(),
                        Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        System.out.println("\n==== Reading storage benchmark ====\n" + table + "\n");
        Path dir = Path.of(System.getProperty("poka.bench.results", "bench/results"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("storage-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()
                .replace(':', '-') + ".md"), table + "\n");
    }

    private static final String PARTITIONS = "select coalesce(sum(pg_total_relation_size(inhrelid)), 0) from pg_inherits "
            + "where inhparent = 'telemetry.reading_row'::regclass";
    private static final String ROLLUPS = "select pg_total_relation_size('telemetry.reading_rollup_minute') "
            + "+ pg_total_relation_size('telemetry.reading_rollup_hour')";

    private static String id(String line, int i) {
        return line + "-" + i / VARIABLES + "-" + i % VARIABLES;
    }

    private static String variable(int i) {
        return "XMEAS" + (i % VARIABLES + 1);
    }

    private static double value(int i) {
        return 2700 + Math.sin(i * 0.37) * 15 + (i % 13) * 0.001;
    }

    private static Instant ts(Instant start, int i) {
        return start.plusSeconds(i / VARIABLES);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
    }

    private static long size(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String version() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
