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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

    private final NcrService service;
    private final NcrApi api;
    private final NcrConfig config;

    NcrResource(NcrService service, NcrApi api, NcrConfig config) {
        this.service = service;
        this.api = api;
        this.config = config;
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NcrPage.class)))
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
