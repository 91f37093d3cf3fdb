package io.poka.backup.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The restore as a command, for a machine with only a JDK (docs/operations.md):
 * <pre>
 * java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' io.poka.backup.internal.RestoreCommand \
 *     poka-backup.zip --data-dir /new/poka-data        # a new embedded database in POKA_DATA_DIR's layout
 * java -cp ... io.poka.backup.internal.RestoreCommand poka-backup.zip --jdbc-url URL --user U --password P
 * </pre>
 * Exits 0 when the restored database verifies (row counts, checksums, audit chain), 1 otherwise.
 */
public final class RestoreCommand {
    private RestoreCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RestoreCommand BACKUP.zip (--data-dir DIR | --jdbc-url URL --user U"
                    + " --password P)");
            System.exit(2);
        }
        Path backup = Path.of(args[0]);
        String dataDir = option(args, "--data-dir");
        try {
            LogicalRestore.Report report;
            if (dataDir != null) {
                Path pgData = Path.of(dataDir).resolve("postgres");
                if (Files.exists(pgData) && Files.list(pgData).findAny().isPresent()) {
                    throw new IllegalStateException(pgData + " is not empty: restore into a new data directory");
                }
                Files.createDirectories(pgData);
                try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgData)
                        .setCleanDataDirectory(false).setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                        .start()) {
                    report = LogicalRestore.restore(backup, pg.getJdbcUrl("postgres", "postgres"), "postgres",
                            "postgres");
                }
            } else {
                report = LogicalRestore.restore(backup, option(args, "--jdbc-url"), option(args, "--user"),
                        option(args, "--password"));
            }
            System.out.printf("Restored backup %s of %s: %d tables, %d rows, schema version %s; audit chain verified"
                    + " (%d entries, head #%d)%n", report.manifest().backupId(), report.manifest().createdAt(),
                    report.rows().size(), report.manifest().totalRows(), report.manifest().flywayVersion(),
                    report.audit().entriesChecked(), report.audit().toSequence());
        } catch (RuntimeException e) {
            System.err.println("Restore failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String option(String[] args, String name) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
