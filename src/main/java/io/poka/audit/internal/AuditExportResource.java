package io.poka.audit.internal;

import io.poka.audit.internal.keys.ServerSigningKey;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signed audit exports for auditors and the public key that verifies them offline. */
@Path("/api/v1/audit")
@Tag(name = "Audit")
public class AuditExportResource {
    private final AuditExports exports;
    private final ServerSigningKey key;

    AuditExportResource(AuditExports exports, ServerSigningKey key) {
        this.exports = exports;
        this.key = key;
    }

    @POST
    @Path("/exports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("application/zip")
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Export audit entries as a signed ZIP", description = "Body: from, to (ISO instants), entityType, entityId, lot, user, formats (csv, json, pdf). The ZIP holds the files, SHA256SUMS, manifest.json and its Ed25519 signature manifest.sig; docs/audit.md shows the offline check.")
    public Response export(ExportRequest request) {
        if (request == null) {
            throw new ValidationProblem("body", "a JSON object (all criteria optional), e.g. {\"lot\":\"L-1\"}");
        }
        AuditExports.Bundle bundle = exports.export(request);
        return Response.ok(bundle.zip(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + bundle.fileName() + "\"")
                .header("X-Manifest-SHA256", bundle.manifestSha256()).build();
    }

    @GET
    @Path("/public-key")
    @Produces("application/x-pem-file")
    @RolesAllowed("**")
    @Operation(summary = "The server's Ed25519 public key (PEM) that verifies export manifests")
    public String publicKey() {
        return key.publicKeyPem();
    }
}
