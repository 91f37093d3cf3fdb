package io.poka.audit.internal;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.poka.audit.internal.keys.ServerSigningKey;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signed audit exports for auditors (in the request for small ones, as jobs for long ones) and the public key. */
@Path("/api/v1/audit")
@Tag(name = "Audit")
public class AuditExportResource {
    private final AuditExports exports;
    private final ExportJobs jobs;
    private final ServerSigningKey key;
    private final AuditConfig config;
    private final SecurityIdentity identity;

    AuditExportResource(AuditExports exports, ExportJobs jobs, ServerSigningKey key, AuditConfig config,
            SecurityIdentity identity) {
        this.exports = exports;
        this.jobs = jobs;
        this.key = key;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Path("/exports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ "application/zip", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "exportAuditEntries", summary = "Export audit entries as a signed ZIP", description = "Body: from, to (ISO instants), entityType, entityId, lot, user, formats (csv, json, pdf). The ZIP holds the files, SHA256SUMS, manifest.json and its Ed25519 signature manifest.sig; docs/audit.md shows the offline check. Up to poka.audit.export-sync-max-rows entries the ZIP is the answer (200); a larger selection, or the header Prefer: respond-async, starts an export job instead (202, Location = its status).")
    @APIResponse(responseCode = "200", description = "The signed ZIP", headers = {@Header(name = "Content-Disposition"), @Header(name = "X-Manifest-SHA256")},
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "202", description = "Too many entries for one answer, or Prefer: respond-async: an export job was started", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportJobs.Status.class)))
    public Response export(ExportRequest request, @HeaderParam("Prefer") String prefer) {
        AuditExports.Plan plan = exports.plan(required(request));
        if (plan.rows() > config.exportSyncMaxRows() || prefer != null && prefer.contains("respond-async")) {
            return accepted(plan);
        }
        AuditExports.Bundle bundle = exports.write(plan, jobs.directory(), n -> { });
        exports.record(plan, "EXPORTED", bundle);
        StreamingOutput body = out -> {
            try {
                Files.copy(bundle.zip(), out);
            } finally {
                Files.deleteIfExists(bundle.zip());
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + bundle.fileName() + "\"")
                .header("X-Manifest-SHA256", bundle.manifestSha256()).build();
    }

    @POST
    @Path("/export-jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "startAuditExportJob", summary = "Start an export job", description = "Same body as POST /exports. Answers 202 with the job's status and its address in Location; poll it, then GET its zip.")
    @APIResponse(responseCode = "202", description = "Started", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportJobs.Status.class)))
    public Response startJob(ExportRequest request) {
        return accepted(exports.plan(required(request)));
    }

    @GET
    @Path("/export-jobs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getAuditExportJob", summary = "An export job's state and progress", description = "state QUEUED, RUNNING, SUCCEEDED or FAILED; entriesWritten of entriesTotal; download once SUCCEEDED. Visible to its requester and admins.")
    public ExportJobs.Status job(@PathParam("id") String id) {
        return jobs.status(id, user(), identity.hasRole(Roles.ADMIN));
    }

    @GET
    @Path("/export-jobs/{id}/zip")
    @Produces({ "application/zip", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "downloadAuditExportJobZip", summary = "The signed ZIP of a finished export job", description = "409 audit/export-not-ready until the job has SUCCEEDED.")
    @APIResponse(responseCode = "200", description = "The signed ZIP", headers = {@Header(name = "Content-Disposition"), @Header(name = "X-Manifest-SHA256")},
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "409", description = "The job has not SUCCEEDED yet (audit/export-not-ready)")
    public Response jobZip(@PathParam("id") String id) {
        AuditExports.Bundle bundle = jobs.result(id, user(), identity.hasRole(Roles.ADMIN));
        return Response.ok((StreamingOutput) out -> Files.copy(bundle.zip(), out), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + bundle.fileName() + "\"")
                .header("X-Manifest-SHA256", bundle.manifestSha256()).build();
    }

    @GET
    @Path("/public-key")
    @Produces("application/x-pem-file")
    @RolesAllowed("**")
    @Operation(operationId = "getAuditPublicKey", summary = "The server's Ed25519 public key (PEM) that verifies export manifests and chain checkpoints")
    // The example is the Ed25519 public key of RFC 8410, section 10.1 (a real key's PEM has the same shape).
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/x-pem-file",
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "rfc8410", value =
                    "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
                    + "-----END PUBLIC KEY-----\n")))
    public String publicKey() {
        return key.publicKeyPem();
    }

    private Response accepted(AuditExports.Plan plan) {
        ExportJobs.Status status = jobs.submit(plan);
        return Response.accepted(status).type(MediaType.APPLICATION_JSON)
                .location(URI.create("/api/v1/audit/export-jobs/" + status.id())).build();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static ExportRequest required(ExportRequest request) {
        if (request == null) {
            throw new ValidationProblem("body", "a JSON object (all criteria optional), e.g. {\"lot\":\"L-1\"}");
        }
        return request;
    }
}
