package io.poka.backup.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.audit.AuditChainCheck;
import io.poka.audit.ChainVerification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * Restores a {@link LogicalBackup} into an empty database: Flyway creates the schema at the backup's version, then one
 * transaction (as a superuser: triggers, including the audit trail's append-only ones, are off for it) empties what the
 * migrations seeded, copies every table in foreign-key order checking each file's SHA-256 and row count against the
 * manifest, and sets the sequences. Afterwards the row counts are compared again and the audit chain is walked; any
 * difference fails the restore. Newer migrations then run as usual when Poka starts on the restored database.
 */
public final class LogicalRestore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What was restored and what verification found. */
    public record Report(BackupManifest manifest, Map<String, Long> rows, ChainVerification audit) {
    }

    private LogicalRestore() {
    }

    public static Report restore(Path backup, String jdbcUrl, String user, String password)
            throws IOException, SQLException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry manifestEntry = zip.getEntry("manifest.json");
            if (manifestEntry == null) {
                throw new IllegalArgumentException(backup + " is not a Poka backup: no manifest.json");
            }
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = JSON.readValue(in, BackupManifest.class);
            }
            if (!BackupManifest.FORMAT.equals(manifest.format())) {
                throw new IllegalArgumentException("Unknown backup format " + manifest.format());
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
                if (LogicalBackup.flywayVersion(c) != null || !Catalog.tables(c).isEmpty()) {
                    throw new IllegalStateException("The target database is not empty: restore only into a new one");
                }
            }
            Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration")
                    .target(manifest.flywayVersion()).load().migrate();
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
                copyIn(c, zip, manifest);
                Map<String, Long> rows = new LinkedHashMap<>();
                for (BackupManifest.Table t : manifest.tables()) {
                    rows.put(t.name(), count(c, t.name()));
                    if (rows.get(t.name()) != t.rows()) {
                        throw new IllegalStateException(t.name() + ": " + rows.get(t.name()) + " rows restored, "
                                + t.rows() + " backed up");
                    }
                }
                ChainVerification audit = AuditChainCheck.verify(c);
                if (!audit.valid() || audit.toSequence() != manifest.auditHeadSequence()) {
                    throw new IllegalStateException("The restored audit trail does not verify: " + audit);
                }
                return new Report(manifest, rows, audit);
            }
        }
    }

    private static void copyIn(Connection c, ZipFile zip, BackupManifest manifest) throws SQLException, IOException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set local session_replication_role = replica");
            Map<String, BackupManifest.Table> byName = new LinkedHashMap<>();
            manifest.tables().forEach(t -> byName.put(t.name(), t));
            List<String> present = Catalog.tables(c);
            List<String> missing = new ArrayList<>(byName.keySet());
            missing.removeAll(present);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Tables of the backup missing after migrating to "
                        + manifest.flywayVersion() + ": " + missing);
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : Catalog.dependencyOrder(c, new ArrayList<>(byName.keySet()))) {
                BackupManifest.Table t = byName.get(table);
                s.execute("delete from " + table);
                MessageDigest sha = LogicalBackup.sha256();
                ZipEntry entry = zip.getEntry(t.file());
                if (entry == null) {
                    throw new IllegalStateException("The backup lacks " + t.file());
                }
                long rows;
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
                    rows = copy.copyIn("copy " + table + " (" + String.join(", ", t.columns()) + ") from stdin", in);
                }
                String digest = HexFormat.of().formatHex(sha.digest());
                if (!digest.equals(t.sha256()) || rows != t.rows()) {
                    throw new IllegalStateException(table + ": the backup's data does not match its manifest (sha256 "
                            + digest + ", " + rows + " rows)");
                }
            }
            for (BackupManifest.Sequence q : manifest.sequences()) {
                try (PreparedStatement ps = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
                    ps.setString(1, q.name());
                    ps.setLong(2, q.lastValue());
                    ps.setBoolean(3, q.called());
                    ps.execute();
                }
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
