package io.poka.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.backup.internal.BackupManifest;
import io.poka.backup.internal.LogicalBackup;
import io.poka.backup.internal.LogicalRestore;
import io.poka.backup.internal.RestoreCommand;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken over REST while readings keep arriving is one consistent snapshot, restores into a fresh embedded
 * PostgreSQL with equal row counts and checksums and a verifying audit trail, and is itself audited.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class BackupRestoreTest {
    private static final int BATCH = 20;

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileReadingsArriveRestoresIntoAFreshDatabaseEqualAndVerified() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "flow", "l/min", "");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger batches = new AtomicInteger();
        Instant start = Instant.now().minusSeconds(3600);
        Thread writer = new Thread(() -> {
            for (int k = 0; k < 3000 && !stop.get(); k++) {
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < BATCH; i++) {
                    body.append(i == 0 ? "" : ",").append(TelemetryFixtures.reading(line + "-" + k + "-" + i, line,
                            "flow", "l/min", 10 + i % 3, start.plusMillis(k * BATCH + i)));
                }
                Api.asAdmin().body(body.append(']').toString()).post("/api/v1/telemetry/readings").then()
                        .statusCode(200);
                batches.incrementAndGet();
            }
        });
        writer.start();
        try {
            awaitBatches(batches, 5);
            var response = Api.asAdmin().post("/api/v1/backups").then().statusCode(200)
                    .contentType("application/zip").extract();
            Files.write(dir.resolve("backup.zip"), response.asByteArray());
            String backupId = response.header("X-Backup-Id");
            awaitBatches(batches, batches.get() + 3);

            List<Map<String, Object>> audited = Api.asAdmin().get("/api/v1/audit/entities/DatabaseBackup/{id}/history",
                    backupId).then().statusCode(200).extract().jsonPath().getList("$");
            assertEquals("CREATED", audited.get(0).get("action"));
            assertEquals("admin", audited.get(0).get("userId"));
        } finally {
            stop.set(true);
            writer.join();
        }

        try (EmbeddedPostgres fresh = EmbeddedPostgres.builder().start()) {
            String url = fresh.getJdbcUrl("postgres", "postgres");
            LogicalRestore.Report report = LogicalRestore.restore(dir.resolve("backup.zip"), url, "postgres",
                    "postgres");
            BackupManifest original = report.manifest();
            assertTrue(report.audit().valid(), report.audit().toString());
            assertEquals(original.auditHeadSequence(), report.audit().entriesChecked());
            assertNotNull(original.flywayVersion());
            assertTrue(original.tables().stream().anyMatch(t -> t.name().equals("audit.entry") && t.rows() > 0));
            assertTrue(original.tables().stream().anyMatch(t -> t.name().equals("telemetry.reading_row")
                    && t.rows() > 0));

            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                BackupManifest again = LogicalBackup.write(c, OutputStream.nullOutputStream(), Instant.now());
                assertEquals(checksums(original), checksums(again), "every table restored byte for byte");
                assertEquals(rows(original), rows(again));
                assertEquals(original.flywayVersion(), again.flywayVersion());
                assertEquals(original.sequences(), again.sequences());
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select split_part(reading_id,"
                        + " '-', array_length(string_to_array(reading_id, '-'), 1) - 1) as batch, count(*) from"
                        + " telemetry.reading where line = '" + line + "' group by 1")) {
                    int seen = 0;
                    while (rs.next()) {
                        assertEquals(BATCH, rs.getInt(2), "batch " + rs.getString(1) + " is whole in the snapshot");
                        seen++;
                    }
                    assertTrue(seen >= 5, "the snapshot holds the batches stored before it: " + seen);
                }
            }
            assertThrows(IllegalStateException.class, () -> LogicalRestore.restore(dir.resolve("backup.zip"), url,
                    "postgres", "postgres"), "a restore never writes over a database that has data");
        }
    }

    @Test
    void theRestoreCommandBuildsANewEmbeddedDataDirectoryThatPokaCanStartOn() throws Exception {
        byte[] zip = Api.asAdmin().post("/api/v1/backups").then().statusCode(200).extract().asByteArray();
        Files.write(dir.resolve("backup.zip"), zip);
        Path data = dir.resolve("restored");
        RestoreCommand.main(new String[] { dir.resolve("backup.zip").toString(), "--data-dir", data.toString() });

        long backedUp;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(dir.resolve("backup.zip").toFile())) {
            backedUp = new com.fasterxml.jackson.databind.ObjectMapper().readTree(z.getInputStream(
                    z.getEntry("manifest.json"))).get("auditHeadSequence").asLong();
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).start();
                Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres",
                        "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select last_sequence from audit.chain_head")) {
            assertTrue(rs.next());
            assertEquals(backedUp, rs.getLong(1), "the data directory holds the restored trail");
        }
        io.poka.lots.LotFixtures.as(io.poka.platform.Roles.AUDITOR).post("/api/v1/backups").then().statusCode(403);
    }

    private static Map<String, String> checksums(BackupManifest m) {
        return m.tables().stream().collect(Collectors.toMap(BackupManifest.Table::name, BackupManifest.Table::sha256));
    }

    private static Map<String, Long> rows(BackupManifest m) {
        return m.tables().stream().collect(Collectors.toMap(BackupManifest.Table::name, BackupManifest.Table::rows));
    }

    private static void awaitBatches(AtomicInteger batches, int atLeast) throws InterruptedException {
        for (int i = 0; i < 600 && batches.get() < atLeast; i++) {
            Thread.sleep(100);
        }
        assertTrue(batches.get() >= atLeast, "the writer stored " + batches.get() + " batches");
    }
}
