package io.poka.telemetry.internal;

import java.time.Instant;
import java.util.List;

/**
 * What the archive of one daily partition holds: its time range [from, to), its row count and, for each gzip CSV file,
 * its size, row count and SHA-256, so a restore (or an auditor) can check the files before trusting them.
 */
public record ArchiveManifest(String partition, Instant from, Instant to, long rows, String format, List<File> files,
        Instant archivedAt) {

    /** CSV with a header of the poka.reading/v1 field names, one reading per line, gzip-compressed. */
    public static final String FORMAT = "poka.reading/v1 CSV (RFC 4180, header row), gzip";

    /** One archive file, named relative to the manifest's directory. */
    public record File(String name, long bytes, long rows, String sha256) {
    }
}
