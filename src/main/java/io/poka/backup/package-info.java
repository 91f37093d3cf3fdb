/**
 * Backup and restore of the whole Poka database without PostgreSQL client tools: a logical backup taken from Java in
 * one REPEATABLE READ, READ ONLY snapshot (COPY of every table of every module schema into a ZIP with a manifest), and
 * a restore into an empty database (Flyway to the same version, COPY in dependency order, sequences, then row counts,
 * checksums and the audit chain verified). Depends on the audit module to verify the restored trail.
 */
package io.poka.backup;
