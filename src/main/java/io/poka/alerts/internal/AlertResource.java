package io.poka.alerts.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.poka.alerts.AlertQuery;
import io.poka.alerts.AlertView;
import io.poka.platform.NotFoundProblem;
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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listAlerts", summary = "Alerts, newest first (order=severity: HIGH first, then newest); filter by status (OPEN, "
            + "ACKNOWLEDGED, RESOLVED), line, severity (HIGH, MEDIUM, LOW) and label (FALSE_ALARM, TRUE_POSITIVE)")
    public List<AlertView> list(@QueryParam("status") String status, @QueryParam("line") String line,
            @QueryParam("severity") String severity, @QueryParam("label") String label,
            @QueryParam("order") String order, @QueryParam("limit") Integer limit) {
        if (order != null && !order.equals("newest") && !order.equals("severity")) {
            throw new ValidationProblem("order", "must be newest or severity");
        }
        return alerts.alerts(new AlertQuery(status, line, severity, label, "severity".equals(order),
                limit == null ? 100 : limit));
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
