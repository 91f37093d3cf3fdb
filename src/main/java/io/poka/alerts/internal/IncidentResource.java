package io.poka.alerts.internal;

import io.poka.alerts.AlertsApi;
import io.poka.alerts.IncidentDetail;
import io.poka.alerts.IncidentPage;
import io.poka.alerts.IncidentQuery;
import io.poka.alerts.IncidentView;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Incidents (the overlapping signals of one line): list them paged with totals, read one with its evidence, and act on
 * it (acknowledge, assign, resolve with a cause, mark false alarm; acknowledge many at once); actions apply to its alerts.
 */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Overlapping signals of one line, triaged as one")
public class IncidentResource {
    private static final String ILLEGAL = """
            {"type": "urn:poka:problem:alerts/illegal-incident-transition", "title": "Conflict", "status": 409,
             "detail": "cannot acknowledge incident 0d6c1f0e-8a0e-4c43-9d5e-6d1f8b0c2a11 in status RESOLVED"}""";
    private static final String UNKNOWN_ASSIGNEE = """
            {"type": "urn:poka:problem:alerts/unknown-assignee", "title": "Unknown assignee", "status": 422,
             "detail": "'pat' is not an enabled user; assign the incident to one", "assignee": "pat"}""";
    private static final String INVALID = """
            {"type": "urn:poka:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "cause: is required (at most 4000 characters)",
             "errors": [{"field": "cause", "message": "is required (at most 4000 characters)"}]}""";

    /** Body of an assignment: the user name of the assignee. */
    public record Assignment(@Size(max = 200) String assignee) {
    }

    /** Body of a resolution: the root cause found. */
    public record Resolution(@Size(max = 4000) String cause) {
    }

    /** Body of a false-alarm mark: why no assignable cause was found. */
    public record FalseAlarm(@Size(max = 4000) String note) {
    }

    /** Body of a bulk action: the ids (1 to 500). */
    public record Ids(@Schema(minItems = 1, maxItems = ActionInputs.MAX_IDS) List<UUID> ids) {
    }

    private final AlertsApi alerts;
    private final IncidentService incidents;
    private final SecurityIdentity identity;

    IncidentResource(AlertsApi alerts, IncidentService incidents, SecurityIdentity identity) {
        this.alerts = alerts;
        this.incidents = incidents;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listIncidents", summary = "Incidents, newest last signal first, paged with the total",
            description = "Filters: line, status (OPEN, ACKNOWLEDGED, RESOLVED, or UNRESOLVED = open or acknowledged), "
                    + "severity (HIGH, MEDIUM, LOW), from/to (incidents whose signals overlap [from, to)); "
                    + "order=severity puts HIGH first. page counts from 0, size 1..500 (default 50).")
    @APIResponse(responseCode = "400", description = "A bad filter, page or size", content = @Content(
            mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "bad status", value = """
                    {"type": "urn:poka:problem:validation", "title": "Invalid request", "status": 400,
                     "detail": "invalid incident query", "errors": [{"field": "status",
                     "message": "must be one of OPEN, ACKNOWLEDGED, RESOLVED, UNRESOLVED"}]}""")))
    @APIResponse(responseCode = "200", description = "One page of incidents with the total", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentPage.class)))
    public IncidentPage list(@QueryParam("line") String line, @QueryParam("status") String status,
            @QueryParam("severity") String severity,
            @Parameter(example = "2026-12-05T00:00:00Z") @QueryParam("from") Instant from,
            @QueryParam("to") Instant to, @QueryParam("order") String order,
            @Parameter(example = "0") @QueryParam("page") Integer page,
            @Parameter(example = "50") @QueryParam("size") Integer size) {
        if (order != null && !order.equals("newest") && !order.equals("severity")) {
            throw new ValidationProblem("order", "must be newest or severity");
        }
        return alerts.incidents(new IncidentQuery(line, status, severity, from, to, "severity".equals(order),
                page == null ? 0 : page, size == null ? 50 : size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(operationId = "getIncident", summary = "One incident with its evidence",
            description = "The variables ranked by contribution, its alerts (most severe first, at most 200; all with "
                    + "GET /api/v1/alerts?incident=ID) and its newest anomaly detections (at most 50).")
    @APIResponse(responseCode = "404", description = "No such incident", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The incident with its evidence", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentDetail.class)))
    public IncidentDetail get(@PathParam("id") UUID id) {
        return alerts.incidentDetail(id).orElseThrow(() -> new NotFoundProblem(IncidentService.ENTITY, id));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.QA_MANAGER, Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "acknowledgeIncident", summary = "Acknowledge an open incident and its open alerts")
    @APIResponse(responseCode = "409", description = "Not OPEN", content = @Content(mediaType = Problems.MEDIA_TYPE,
            examples = @ExampleObject(name = "illegal transition", value = ILLEGAL)))
    @APIResponse(responseCode = "404", description = "No such incident", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The acknowledged incident", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentView.class)))
    public IncidentView acknowledge(@PathParam("id") UUID id) {
        return incidents.acknowledge(id, user());
    }

    @POST
    @Path("/acknowledge")
    @RolesAllowed({Roles.QA_MANAGER, Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "acknowledgeIncidents", summary = "Acknowledge several open incidents and their alerts",
            description = "All or nothing: an unknown id answers 404, one not OPEN 409, and then none is acknowledged.")
    @APIResponse(responseCode = "400", description = "No ids, or more than 500", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "One is not OPEN", content = @Content(
            mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "illegal transition", value = ILLEGAL)))
    @APIResponse(responseCode = "404", description = "An unknown id", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The acknowledged incidents", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = IncidentView.class)))
    public List<IncidentView> acknowledgeAll(Ids body) {
        return incidents.acknowledgeAll(body == null ? null : body.ids(), user());
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "assignIncident", summary = "Assign an unresolved incident to a user")
    @APIResponse(responseCode = "400", description = "No assignee", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Resolved", content = @Content(mediaType = Problems.MEDIA_TYPE,
            examples = @ExampleObject(name = "illegal transition", value = ILLEGAL)))
    @APIResponse(responseCode = "422", description = "The assignee is no enabled user", content = @Content(
            mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "unknown assignee", value = UNKNOWN_ASSIGNEE)))
    @APIResponse(responseCode = "404", description = "No such incident", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The assigned incident", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentView.class)))
    public IncidentView assign(@PathParam("id") UUID id, @Valid Assignment body) {
        return incidents.assign(id, body == null ? null : body.assignee(), user());
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "resolveIncident", summary = "Resolve an incident and its alerts with the root cause",
            description = "Labels the incident and its unresolved alerts TRUE_POSITIVE; the cause is required.")
    @APIResponse(responseCode = "400", description = "No cause", content = @Content(mediaType = Problems.MEDIA_TYPE,
            examples = @ExampleObject(name = "no cause", value = INVALID)))
    @APIResponse(responseCode = "409", description = "Already resolved", content = @Content(
            mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "illegal transition", value = ILLEGAL)))
    @APIResponse(responseCode = "404", description = "No such incident", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The resolved incident", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentView.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Resolution.class),
            examples = @ExampleObject(name = "root cause", value = "{\"cause\": \"worn nozzle on press 3, replaced at 14:10\"}")))
    public IncidentView resolve(@PathParam("id") UUID id, @Valid Resolution body) {
        return incidents.resolve(id, body == null ? null : body.cause(), false, user());
    }

    @POST
    @Path("/{id}/false-alarm")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "markIncidentFalseAlarm", summary = "Mark an incident and its alerts as a false alarm",
            description = "Resolves them with label FALSE_ALARM (feedback for retraining); the note says why.")
    @APIResponse(responseCode = "400", description = "No note", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already resolved", content = @Content(
            mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "illegal transition", value = ILLEGAL)))
    @APIResponse(responseCode = "404", description = "No such incident", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The incident, resolved as a false alarm", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentView.class)))
    public IncidentView falseAlarm(@PathParam("id") UUID id, @Valid FalseAlarm body) {
        return incidents.resolve(id, body == null ? null : body.note(), true, user());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
