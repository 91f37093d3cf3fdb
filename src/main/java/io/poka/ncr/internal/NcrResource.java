package io.poka.ncr.internal;

import io.poka.ncr.NcrApi;
import io.poka.ncr.NcrApi.NcrPage;
import io.poka.ncr.NcrApi.NcrQuery;
import io.poka.ncr.NcrSource;
import io.poka.ncr.NcrStatus;
import io.poka.ncr.NcrView;
import io.poka.ncr.internal.NcrRequests.OpenNcr;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The nonconformance REST API: thin mapping of HTTP (ETags, Idempotency-Key) onto the module's services. */
@Path("/api/v1/ncrs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Nonconformance", description = "Nonconformance reports: opening from a source, containment, disposition, investigation")
public class NcrResource {

    static final String OPEN_EXAMPLE = """
            {"source": "INSPECTION", "inspectionId": "5a7d3c1e-2b4f-4e6a-9c8d-1f0e2d3c4b5a", "defectCode": "DIM-BURR",
             "owner": "qa.lead", "description": "burr above 0.2 mm on 3 of 80 units"}""";
    static final String NCR_EXAMPLE = """
            {"id": "9b2f6a10-4c1d-4e8b-a7f3-2d5e6c7b8a90", "number": "NCR-2026-0001", "status": "OPEN",
             "source": "INSPECTION", "sourceReference": "5a7d3c1e-2b4f-4e6a-9c8d-1f0e2d3c4b5a",
             "title": "Failed inspection of lot 4711-0001 (Final inspection)", "description": "burr above 0.2 mm on 3 of 80 units",
             "line": "L1", "product": "BRACKET-A7", "defectCode": "DIM-BURR", "severity": "MAJOR", "risk": null,
             "quantities": {"affected": 500, "nonconforming": 3, "unit": "pcs"}, "cost": 0, "currency": "EUR",
             "owner": "qa.lead", "dueDate": "2026-12-19", "openedAt": "2026-12-05T07:10:00Z", "openedBy": "inspector.kim",
             "closedAt": null, "rootCauseCategory": null, "version": 0}""";

    static final String SIGNED = "\"signature\": {\"password\": \"the signer's own password\", \"meaning\": \"APPROVAL\"}";

    private final NcrService service;
    private final NcrApi api;
    private final NcrConfig config;
    private final NcrDetails details;
    private final ContainmentService containment;
    private final MaterialReviewService review;
    private final InvestigationService investigation;
    private final AttachmentService attachments;

    NcrResource(NcrService service, NcrApi api, NcrConfig config, NcrDetails details, ContainmentService containment,
            MaterialReviewService review, InvestigationService investigation, AttachmentService attachments) {
        this.service = service;
        this.api = api;
        this.config = config;
        this.details = details;
        this.containment = containment;
        this.review = review;
        this.investigation = investigation;
        this.attachments = attachments;
    }

    @POST
    @RolesAllowed({Roles.QA_MANAGER, Roles.INSPECTOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "openNcr", summary = "Open a nonconformance report", description = "From a failed inspection"
            + " (inspectionId), an incident (incidentId), an anomaly (incidentId + anomalyId), a customer complaint or"
            + " supplier issue (sourceReference, from ERP) or by hand. Line, product, quantities, severity, signal window"
            + " and evidence are taken from the source; the suspect lots are proposed at once. With an Idempotency-Key"
            + " header a retry with the same body answers the first response again; the same key with another body 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OpenNcr.class),
            examples = @ExampleObject(name = "from a failed inspection", value = OPEN_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Opened", headers = {@Header(name = "ETag"), @Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NcrView.class),
                    examples = @ExampleObject(name = "opened", value = NCR_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid request (unknown defect code, owner or source record)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response open(@NotNull OpenNcr body,
            @Parameter(description = "Client-chosen key that makes retries safe", example = "crm-complaint-CC-2026-0042")
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        NcrService.Created created = service.open(body, idempotencyKey);
        if (created.replayedBody() != null) {
            return Response.status(created.status()).entity(created.replayedBody()).type(MediaType.APPLICATION_JSON)
                    .header("Idempotent-Replayed", "true").build();
        }
        NcrView n = created.ncr();
        return Response.status(201).entity(n).tag(etag(n))
                .location(uri.getBaseUriBuilder().path("api/v1/ncrs").path(n.id().toString()).build()).build();
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listNcrs", summary = "List nonconformance reports, filtered and paged, newest first",
            description = "defectCode matches the code and its sub-codes; the opened range is [openedFrom, openedTo); page counts from 0.")
    @APIResponse(responseCode = "200", description = "One page and the total",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NcrPage.class),
                    examples = @ExampleObject(name = "one page", value = "{\"items\": [" + NCR_EXAMPLE + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    public NcrPage list(@QueryParam("q") String text, @QueryParam("status") List<NcrStatus> statuses,
            @QueryParam("source") NcrSource source, @QueryParam("defectCode") String defectCode,
            @QueryParam("product") String product, @QueryParam("line") String line,
            @Parameter(example = "2026-12-01T00:00:00Z") @QueryParam("openedFrom") Instant openedFrom,
            @QueryParam("openedTo") Instant openedTo,
            @Parameter(example = "0") @QueryParam("page") Integer page,
            @Parameter(example = "20") @QueryParam("size") Integer size) {
        return api.search(new NcrQuery(text, statuses == null ? null : Set.copyOf(statuses), source, defectCode,
                product, line, openedFrom, openedTo, page == null ? 0 : page,
                size == null ? config.defaultPageSize() : size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(operationId = "getNcr", summary = "One nonconformance report; the ETag carries its version for If-Match")
    @APIResponse(responseCode = "200", description = "The report", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NcrView.class),
                    examples = @ExampleObject(name = "report", value = NCR_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such report", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response get(@PathParam("id") UUID id) {
        NcrView n = service.get(id);
        return Response.ok(n).tag(etag(n)).build();
    }

    @GET
    @Path("/{id}/detail")
    @RolesAllowed("**")
    @Operation(operationId = "getNcrDetail", summary = "A report with its evidence, suspect lots, containments,"
            + " dispositions, investigation, attachments, history, allowed actions and similar earlier reports")
    @APIResponse(responseCode = "200", description = "The report in full",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NcrDetail.class),
                    examples = @ExampleObject(name = "opened by hand", value = "{\"ncr\": " + NCR_EXAMPLE + ", \"evidence\": null,"
                            + " \"variables\": [], \"suspectLots\": [], \"containments\": [], \"dispositions\": [],"
                            + " \"investigation\": null, \"attachments\": [], \"history\": [{\"from\": null, \"to\": \"OPEN\","
                            + " \"reason\": \"opened from MANUAL\", \"actor\": \"qa.lead\", \"at\": \"2026-12-05T07:10:00Z\"}],"
                            + " \"allowedActions\": [\"CANCEL\", \"CONTAIN\", \"INVESTIGATE\"], \"similar\": []}")))
    @APIResponse(responseCode = "404", description = "No such report", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public NcrDetail detail(@PathParam("id") UUID id) {
        return details.detail(id);
    }

    @POST
    @Path("/{id}/containment")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "containNcr", summary = "Hold the suspect lots (one electronic signature)", description = "Holds"
            + " the given suspect lots, or all not yet held, each hold naming the report; lots already RELEASED are"
            + " flagged for recall review. A wrong password answers 403 and holds nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NcrRequests.ContainRequest.class),
            examples = @ExampleObject(name = "hold all suspects", value = "{\"reason\": \"suspect burr\", " + SIGNED + "}")))
    @APIResponse(responseCode = "200", description = "The report after the containment", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NcrView.class),
                    examples = @ExampleObject(name = "contained", value = NCR_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not allowed in this status, or nothing left to hold",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response contain(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull NcrRequests.ContainRequest body) {
        return ok(containment.contain(id, optionalVersion(ifMatch), body));
    }

    @POST
    @Path("/{id}/dispositions")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "recordNcrDisposition", summary = "Record the material review (one electronic signature)",
            description = "Per held suspect lot one or more lines (USE_AS_IS, REWORK, SCRAP, RETURN_TO_SUPPLIER, REGRADE);"
            + " the quantities of a lot must add up to its suspect quantity (422 otherwise, naming the lots). Each lot"
            + " moves through the lots status machine by the decision covering most of it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NcrRequests.DispositionRequest.class),
            examples = @ExampleObject(name = "split decision", value = "{\"lines\": [{\"lotId\": \"0d6c1f0e-8a0e-4c43-9d5e-6d1f8b0c2a11\","
                    + " \"decision\": \"REWORK\", \"quantity\": 120}, {\"lotId\": \"0d6c1f0e-8a0e-4c43-9d5e-6d1f8b0c2a11\","
                    + " \"decision\": \"USE_AS_IS\", \"quantity\": 380}], \"reason\": \"100 % check\", " + SIGNED + "}")))
    @APIResponse(responseCode = "200", description = "The report after the disposition", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NcrView.class),
                    examples = @ExampleObject(name = "dispositioned", value = NCR_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Quantities do not reconcile", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response disposition(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull NcrRequests.DispositionRequest body) {
        return ok(review.disposition(id, optionalVersion(ifMatch), body));
    }

    @PUT
    @Path("/{id}/investigation")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "saveNcrInvestigation", summary = "Save the investigation (8D, 5-why or Ishikawa) and root cause",
            description = "The first save of an OPEN or CONTAINED report moves it UNDER_INVESTIGATION.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InvestigationContent.class),
            examples = @ExampleObject(name = "five whys", value = "{\"method\": \"FIVE_WHY\", \"whys\": [\"burr on edge\","
                    + " \"punch worn\", \"no tool-life limit\"], \"rootCauseCategory\": \"MACHINE\","
                    + " \"rootCause\": \"punch worn beyond its life\"}")))
    @APIResponse(responseCode = "200", description = "The report after the change", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NcrView.class),
                    examples = @ExampleObject(name = "under investigation", value = NCR_EXAMPLE)))
    public Response investigate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull InvestigationContent body) {
        return ok(investigation.save(id, optionalVersion(ifMatch), body));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "closeNcr", summary = "Close a report (electronic signature)", description = "Needs the root"
            + " cause and its category, and every held lot dispositioned (409 naming what is missing).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NcrRequests.CloseRequest.class),
            examples = @ExampleObject(name = "close", value = "{\"reason\": \"cause removed, material dispositioned\", " + SIGNED + "}")))
    @APIResponse(responseCode = "200", description = "The closed report", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NcrView.class),
                    examples = @ExampleObject(name = "closed", value = NCR_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not allowed now", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull NcrRequests.CloseRequest body) {
        return ok(investigation.close(id, optionalVersion(ifMatch), body));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "cancelNcr", summary = "Cancel a report opened in error", description = "Only before any disposition.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NcrRequests.CancelRequest.class),
            examples = @ExampleObject(name = "duplicate", value = "{\"reason\": \"duplicate of NCR-2026-0007\"}")))
    @APIResponse(responseCode = "200", description = "The cancelled report", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NcrView.class),
                    examples = @ExampleObject(name = "cancelled", value = NCR_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not allowed now", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull NcrRequests.CancelRequest body) {
        return ok(investigation.cancel(id, optionalVersion(ifMatch), body));
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"})
    @RolesAllowed({Roles.QA_MANAGER, Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "attachToNcr", summary = "Attach a photo or document", description = "The raw bytes as the"
            + " body; the type is judged by the content (PNG, JPEG, GIF, WebP, PDF) and must agree with Content-Type"
            + " unless that is application/octet-stream (415 otherwise); at most poka.ncr.max-attachment-bytes (413).")
    @RequestBody(content = {
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/gif", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Stored", headers = @Header(name = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NcrDetail.AttachmentView.class),
                    examples = @ExampleObject(name = "photo", value = "{\"id\": \"2c9e1a4b-5d6f-4a7b-8c9d-0e1f2a3b4c5d\","
                            + " \"fileName\": \"burr.jpg\", \"mediaType\": \"image/jpeg\", \"sizeBytes\": 48213,"
                            + " \"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                            + " \"uploadedBy\": \"inspector.kim\", \"uploadedAt\": \"2026-12-05T07:12:00Z\"}")))
    @APIResponse(responseCode = "413", description = "Too large", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Type not allowed or not as declared", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response attach(@PathParam("id") UUID id,
            @Parameter(required = true, example = "burr.jpg") @QueryParam("fileName") String fileName,
            @HeaderParam("Content-Type") String contentType, java.io.InputStream body, @Context UriInfo uri) {
        NcrDetail.AttachmentView a = attachments.attach(id, fileName, contentType, body);
        return Response.status(201).entity(a).type(MediaType.APPLICATION_JSON)
                .location(uri.getBaseUriBuilder().path("api/v1/ncrs").path(id.toString()).path("attachments")
                        .path(a.id().toString()).build()).build();
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed("**")
    @Operation(operationId = "getNcrAttachment", summary = "Download an attachment", description = "Served with its"
            + " detected type, as a download, with its SHA-256 in the Digest header.")
    @APIResponse(responseCode = "200", description = "The bytes", headers = @Header(name = "Digest"),
            content = @Content(mediaType = "application/octet-stream",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such attachment", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response attachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        AttachmentService.Content c = attachments.content(id, attachmentId);
        return Response.ok(c.bytes(), c.mediaType()).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"" + c.fileName().replace("\"", "") + "\"")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(
                        java.util.HexFormat.of().parseHex(c.sha256()))).build();
    }

    private static Response ok(NcrView n) {
        return Response.ok(n).tag(etag(n)).build();
    }

    static EntityTag etag(NcrView n) {
        return new EntityTag(String.valueOf(n.version()));
    }

    /** Parses If-Match ("3", W/"3"); absent or "*" means no check. */
    static Long optionalVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        try {
            return Long.parseLong(v.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new NcrProblems.StaleVersion(-1, ifMatch);
        }
    }
}
