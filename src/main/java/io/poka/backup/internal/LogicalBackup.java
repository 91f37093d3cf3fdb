package io.poka.backup.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a consistent logical backup of the whole database while it is in use: one REPEATABLE READ, READ ONLY
 * transaction sees a single snapshot, and each table is copied out of it (COPY ... TO STDOUT, ordered by primary key so
 * equal contents give equal bytes) into a ZIP entry, with the manifest last. Needs no pg_dump: zonky's embedded
 * binaries ship only initdb, pg_ctl and postgres.
 */
public final class LogicalBackup {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LogicalBackup() {
    }

    /** Writes the ZIP to {@code out} (left open) and returns its manifest; the connection is left as it was. */
    public static BackupManifest write(Connection c, OutputStream out, Instant now) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            ZipOutputStream zip = new ZipOutputStream(out);
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (String table : Catalog.tables(c)) {
                List<String> columns = Catalog.columns(c, table);
                List<String> key = Catalog.primaryKey(c, table);
                String order = key.isEmpty() ? IntStream.rangeClosed(1, columns.size()).mapToObj(Integer::toString)
                        .collect(Collectors.joining(", ")) : String.join(", ", key);
                String file = "data/" + table + ".copy";
                zip.putNextEntry(new ZipEntry(file));
                MessageDigest sha = sha256();
                Counting counted = new Counting(new DigestOutputStream(uncloseable(zip), sha));
                long rows = copy.copyOut("copy (select " + String.join(", ", columns) + " from " + table
                        + " order by " + order + ") to stdout", counted);
                counted.flush();
                zip.closeEntry();
                tables.add(new BackupManifest.Table(table, columns, file, rows, counted.count,
                        HexFormat.of().formatHex(sha.digest())));
            }
            List<BackupManifest.Sequence> sequences = new ArrayList<>();
            for (String sequence : Catalog.sequences(c)) {
                try (ResultSet rs = s.executeQuery("select last_value, is_called from " + sequence)) {
                    rs.next();
                    sequences.add(new BackupManifest.Sequence(sequence, rs.getLong(1), rs.getBoolean(2)));
                }
            }
            long headSequence = 0;
            String headHash = null;
            try (PreparedStatement ps = c.prepareStatement("select last_sequence, last_hash from audit.chain_head");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    headSequence = rs.getLong(1);
                    headHash = rs.getString(2);
                }
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, UUID.randomUUID().toString(),
                    now.toString(), flywayVersion(c), Catalog.one(c, "show server_version"), headSequence, headHash,
                    tables, sequences);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            zip.flush();
            c.commit();
            return manifest;
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    static String flywayVersion(Connection c) throws SQLException {
        if (Catalog.one(c, "select to_regclass('public.flyway_schema_history')::text") == null) {
            return null;
        }
        return Catalog.one(c, "select version from public.flyway_schema_history where success and version is not null"
                + " order by installed_rank desc limit 1");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutputStream uncloseable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Counts the bytes that pass. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
