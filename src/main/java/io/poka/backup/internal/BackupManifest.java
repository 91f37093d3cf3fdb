package io.poka.backup.internal;

import java.util.List;

/**
 * What a backup holds, written as manifest.json into its ZIP: the schema version, every table with its columns, row
 * count and the SHA-256 of its COPY data, the sequences' positions, and the audit chain head of the snapshot.
 */
public record BackupManifest(String format, String backupId, String createdAt, String flywayVersion,
        String postgresVersion, long auditHeadSequence, String auditHeadHash, List<Table> tables,
        List<Sequence> sequences) {
    public static final String FORMAT = "poka-backup/1";

    /** One table: {@code file} in the ZIP holds its rows in PostgreSQL COPY text format, ordered by primary key. */
    public record Table(String name, List<String> columns, String file, long rows, long bytes, String sha256) {
    }

    /** A sequence and the value the next nextval() continues from. */
    public record Sequence(String name, long lastValue, boolean called) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
