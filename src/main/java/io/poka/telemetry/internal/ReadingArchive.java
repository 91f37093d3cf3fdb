package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;

/**
 * Writes one daily partition of readings to a gzip CSV file with its manifest (rows, time range, SHA-256) and checks
 * what was written by reading it back, before the caller may drop the partition. Files are written under a temporary
 * name, forced to disk and then renamed, so a crash leaves either no archive or a whole one.
 */
final class ReadingArchive {
    private final ObjectMapper json;

    ReadingArchive(ObjectMapper json) {
        this.json = json;
    }

    static Path dataFile(Path dir, PartitionPlan.Day day) {
        return dir.resolve(day.name() + ".csv.gz");
    }

    static Path manifestFile(Path dir, PartitionPlan.Day day) {
        return dir.resolve(day.name() + ".manifest.json");
    }

    /** Copies the partition (through the caller's connection and transaction) into the archive and writes the manifest. */
    ArchiveManifest write(Connection c, PartitionPlan.Day day, Path dir, Instant now) throws SQLException, IOException {
        Files.createDirectories(dir);
        Path data = dataFile(dir, day);
        Path tmp = dir.resolve(data.getFileName() + ".tmp");
        MessageDigest sha = sha256();
        long rows;
        try (OutputStream file = Files.newOutputStream(tmp);
                DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), sha);
                GZIPOutputStream gzip = new GZIPOutputStream(digest, 1 << 16)) {
            rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select r.reading_id as \"readingId\", "
                    + "s.line, s.station, s.variable, r.value, s.unit, to_char(r.ts at time zone 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as timestamp, l.lot from telemetry." + day.name() + " r "
                    + "join telemetry.reading_source s on s.id = r.source_id left join telemetry.reading_lot l "
                    + "on l.id = r.lot_id order by r.ts, r.reading_id) to stdout with (format csv, header)", gzip);
        }
        force(tmp);
        Files.move(tmp, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        ArchiveManifest manifest = new ArchiveManifest(day.name(), day.from(), day.to(), rows, ArchiveManifest.FORMAT,
                List.of(new ArchiveManifest.File(data.getFileName().toString(), Files.size(data), rows,
                        HexFormat.of().formatHex(sha.digest()))), now);
        Path manifestFile = manifestFile(dir, day);
        Path manifestTmp = dir.resolve(manifestFile.getFileName() + ".tmp");
        Files.write(manifestTmp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        force(manifestTmp);
        Files.move(manifestTmp, manifestFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return manifest;
    }

    /**
     * Reads the manifest and its files back: each file's size and SHA-256 must match, and its CSV must hold the rows
     * the manifest says (plus the header). Returns the manifest read from disk, or throws saying what differs.
     */
    ArchiveManifest verify(Path dir, PartitionPlan.Day day) throws IOException {
        ArchiveManifest m = json.readValue(manifestFile(dir, day).toFile(), ArchiveManifest.class);
        long total = 0;
        for (ArchiveManifest.File f : m.files()) {
            Path p = dir.resolve(f.name());
            MessageDigest sha = sha256();
            long lines = 0;
            try (InputStream raw = new java.security.DigestInputStream(new BufferedInputStream(Files.newInputStream(p),
                    1 << 16), sha); InputStream in = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16)) {
                byte[] buf = new byte[1 << 16];
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            lines++;
                        }
                    }
                }
                raw.transferTo(OutputStream.nullOutputStream()); // anything after the gzip trailer counts in the hash
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(f.sha256()) || Files.size(p) != f.bytes() || lines - 1 != f.rows()) {
                throw new IOException("archive file " + p + " does not match its manifest: sha256 " + actual + " vs "
                        + f.sha256() + ", " + Files.size(p) + " vs " + f.bytes() + " bytes, " + (lines - 1) + " vs "
                        + f.rows() + " rows");
            }
            total += f.rows();
        }
        if (total != m.rows() || !m.partition().equals(day.name())) {
            throw new IOException("manifest " + manifestFile(dir, day) + " names " + m.partition() + " with " + m.rows()
                    + " rows, its files hold " + total);
        }
        return m;
    }

    private static void force(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
