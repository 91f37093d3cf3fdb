package io.poka.alerts.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.poka.alerts.AlertPage;
import io.poka.alerts.AlertQuery;
import io.poka.alerts.AlertView;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alerts raised by SPC rule violations: list, read, acknowledge, resolve with a root cause or as a false alarm. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Out-of-control conditions")
public class AlertResource {

    /** Body of a resolution; {@code falseAlarm: true} labels the alert FALSE_ALARM (else TRUE_POSITIVE). */
    public record Resolution(@Size(max = 4000) String rootCause, Boolean falseAlarm) {
    }

    /** Body of a false-alarm mark: why no assignable cause was found. */
    public record FalseAlarm(@Size(max = 4000) String note) {
    }

    private final AlertService alerts;
    private final SecurityIdentity identity;

    AlertResource(AlertService alerts, SecurityIdentity identity) {
        this.alerts = alerts;
        this.identity = identity;
    }

    /** Body of a bulk action: the ids (1 to 500). */
    public record Ids(@Schema(minItems = 1, maxItems = ActionInputs.MAX_IDS) List<UUID> ids) {
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listAlerts", summary = "Alerts, newest first (order=severity: HIGH first, then newest); filter by status (OPEN, UNRESOLVED, "
            + "ACKNOWLEDGED, RESOLVED), line, severity (HIGH, MEDIUM, LOW), label (FALSE_ALARM, TRUE_POSITIVE) and "
            + "incident; paged", description = "page counts from 0; limit (or size) is the page size, 1..1000, default "
            + "100. The total of matching alerts is in the X-Total-Count header; Link names the next, previous, first "
            + "and last pages (RFC 8288).")
    @APIResponse(responseCode = "200", description = "One page of alerts", headers = {
            @Header(name = "X-Total-Count", description = "alerts matching the filters in all"),
            @Header(name = "Link", description = "rel=first, prev, next, last pages")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AlertView.class)))
    public RestResponse<List<AlertView>> list(@QueryParam("status") String status, @QueryParam("line") String line,
            @QueryParam("severity") String severity, @QueryParam("label") String label,
            @QueryParam("order") String order, @QueryParam("limit") Integer limit,
            @QueryParam("size") Integer size, @Parameter(example = "0") @QueryParam("page") Integer page,
            @QueryParam("incident") UUID incident, @Context UriInfo uri) {
        if (order != null && !order.equals("newest") && !order.equals("severity")) {
            throw new ValidationProblem("order", "must be newest or severity");
        }
        int pageSize = size != null ? size : limit == null ? 100 : limit;
        AlertPage found = alerts.alertPage(new AlertQuery(status, line, severity, label, "severity".equals(order),
                pageSize, incident, page == null ? 0 : page));
        return RestResponse.ResponseBuilder.ok(found.items()).header("X-Total-Count", found.total())
                .header("Link", PageLinks.of(uri, found.page(), found.size(), found.total())).build();
    }

    @POST
    @Path("/acknowledge")
    @RolesAllowed({Roles.QA_MANAGER, Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "acknowledgeAlerts", summary = "Acknowledge several open alerts",
            description = "All or nothing: an unknown id answers 404, one not OPEN 409, and then none is acknowledged.")
    @APIResponse(responseCode = "400", description = "No ids, or more than 500", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "One is not OPEN", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "An unknown id", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The acknowledged alerts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AlertView.class)))
    public List<AlertView> acknowledgeAll(Ids body) {
        return alerts.acknowledgeAll(body == null ? null : body.ids(), identity.getPrincipal().getName());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(operationId = "getAlert", summary = "One alert")
    public AlertView get(@PathParam("id") UUID id) {
        return alerts.alert(id).orElseThrow(() -> new NotFoundProblem(AlertService.ENTITY, id));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.QA_MANAGER, Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an open alert (someone is looking at it)")
    public AlertView acknowledge(@PathParam("id") UUID id) {
        return alerts.acknowledge(id, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "resolveAlert", summary = "Resolve an alert with its root cause; the next violation of the chart and rule raises a new one",
            description = "Labels the alert TRUE_POSITIVE, or FALSE_ALARM with falseAlarm: true (the root cause is then "
                    + "the note why); the label feeds retraining (GET ?label=FALSE_ALARM).")
    public AlertView resolve(@PathParam("id") UUID id, @Valid Resolution body) {
        return alerts.resolve(id, body == null ? null : body.rootCause(),
                body != null && Boolean.TRUE.equals(body.falseAlarm()), identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id}/false-alarm")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "markAlertFalseAlarm", summary = "Mark an open or acknowledged alert as a false alarm (resolves it, label FALSE_ALARM)",
            description = "Same as resolve with falseAlarm: true; the note (required) says why no assignable cause was found.")
    public AlertView falseAlarm(@PathParam("id") UUID id, @Valid FalseAlarm body) {
        return alerts.resolve(id, body == null ? null : body.note(), true, identity.getPrincipal().getName());
    }
}
