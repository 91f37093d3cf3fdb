package io.poka.backup.internal;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.agroal.api.AgroalDataSource;
import io.poka.platform.RecordChanged;
import io.poka.platform.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A consistent backup of the running database for administrators, as a ZIP (docs/operations.md). The backup is
 * written to a temporary file first, then recorded in the audit trail (DatabaseBackup CREATED, with the manifest's
 * figures), then sent.
 */
@Path("/api/v1/backups")
@Tag(name = "Backup", description = "Consistent logical backup of the whole database while Poka runs")
public class BackupResource {
    private final AgroalDataSource dataSource;
    private final BackupConfig config;
    private final Event<RecordChanged> changes;
    private final Clock clock;

    BackupResource(AgroalDataSource dataSource, BackupConfig config, Event<RecordChanged> changes, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.changes = changes;
        this.clock = clock;
    }

    @POST
    @Produces("application/zip")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createBackup", summary = "Back up the whole database now", description = "One REPEATABLE READ, READ ONLY snapshot: every table of every module schema as COPY data, with manifest.json (schema version, row counts, SHA-256 per table, sequences, audit chain head). Restore with io.poka.backup.internal.RestoreCommand into an empty database.")
    @APIResponse(responseCode = "200", description = "The backup ZIP", headers = {@Header(name = "Content-Disposition"), @Header(name = "X-Backup-Id")},
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response backup() throws IOException, SQLException {
        java.nio.file.Path dir = Files.createDirectories(java.nio.file.Path.of(
                config.directory().orElse(System.getProperty("java.io.tmpdir"))));
        java.nio.file.Path file = Files.createTempFile(dir, "poka-backup-", ".zip");
        BackupManifest manifest;
        try (Connection c = dataSource.getConnection(); OutputStream out = Files.newOutputStream(file)) {
            manifest = LogicalBackup.write(c, out, clock.instant());
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("flywayVersion", manifest.flywayVersion());
        audited.put("tables", manifest.tables().size());
        audited.put("rows", manifest.totalRows());
        audited.put("auditHeadSequence", manifest.auditHeadSequence());
        audited.put("sha256", sha256(file));
        QuarkusTransaction.requiringNew().run(() -> changes.fire(new RecordChanged("DatabaseBackup",
                manifest.backupId(), "CREATED", null, audited, null)));
        StreamingOutput body = out -> {
            try {
                Files.copy(file, out);
            } finally {
                Files.deleteIfExists(file);
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"poka-backup-" + manifest.backupId() + ".zip\"")
                .header("X-Backup-Id", manifest.backupId()).build();
    }

    private static String sha256(java.nio.file.Path file) {
        try (var in = new java.security.DigestInputStream(Files.newInputStream(file), LogicalBackup.sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
