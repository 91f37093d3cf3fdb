package io.poka.alerts.internal;

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

/** Alerts raised by SPC rule violations: list, read, acknowledge, resolve with a root cause. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Out-of-control conditions")
public class AlertResource {

    /** Body of a resolution. */
    public record Resolution(String rootCause) {
    }

    private final AlertService alerts;
    private final SecurityIdentity identity;

    AlertResource(AlertService alerts, SecurityIdentity identity) {
        this.alerts = alerts;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("**")
    @Operation(summary = "Alerts, newest first; filter by status (OPEN, ACKNOWLEDGED, RESOLVED) and line")
    public List<AlertView> list(@QueryParam("status") String status, @QueryParam("line") String line,
            @QueryParam("limit") Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 1000) {
            throw new ValidationProblem("limit", "must be between 1 and 1000");
        }
        return alerts.list(status, line, n);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(summary = "One alert")
    public AlertView get(@PathParam("id") UUID id) {
        return alerts.alert(id).orElseThrow(() -> new NotFoundProblem(AlertService.ENTITY, id));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.QA_MANAGER, Roles.INSPECTOR, Roles.ADMIN})
    @Operation(summary = "Acknowledge an open alert (someone is looking at it)")
    public AlertView acknowledge(@PathParam("id") UUID id) {
        return alerts.acknowledge(id, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(summary = "Resolve an alert with its root cause; the next violation of the chart and rule raises a new one")
    public AlertView resolve(@PathParam("id") UUID id, Resolution body) {
        return alerts.resolve(id, body == null ? null : body.rootCause(), identity.getPrincipal().getName());
    }
}
