package io.poka.notifications.internal;

import io.poka.platform.Problems;
import io.poka.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Whether notifications went out: every delivery with its status, attempts and last error, and a manual retry. */
@Path("/api/v1/notifications/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class DeliveryResource {
    private final DeliveryService deliveries;

    DeliveryResource(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "listNotificationDeliveries", summary = "Deliveries, newest first, paged with the total",
            description = "Filter by status (PENDING, SENT, FAILED, SKIPPED, CANCELLED), incidentId, subscriptionId "
                    + "and kind (OPENED, ACKNOWLEDGED, ASSIGNED, RESOLVED, FALSE_ALARM, ESCALATED).")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryService.Page.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    public DeliveryService.Page list(@QueryParam("status") String status, @QueryParam("incidentId") UUID incidentId,
            @QueryParam("subscriptionId") UUID subscriptionId, @QueryParam("kind") String kind,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return deliveries.list(new DeliveryStore.Filter(status, incidentId, subscriptionId, kind),
                SubscriptionResource.page(page), SubscriptionResource.size(size));
    }

    /** An e-mail that told the line's quality engineer about a new incident (hand-written; values as the server writes them). */
    static final String DELIVERY_EXAMPLE = "{\"id\": \"5f0c7f8e-3b1a-4c55-9a3e-2d7c1b9e4a10\", "
            + "\"subscriptionId\": \"0b6e2f4d-8c3a-4e1f-b2d5-7a9c3e6f1d20\", "
            + "\"incidentId\": \"c3d9a1e7-6f2b-4a8c-9e5d-1b7f3a2c8e40\", \"line\": \"L1\", \"kind\": \"OPENED\", "
            + "\"channel\": \"EMAIL\", \"recipient\": \"quality-l1@example.com\", \"status\": \"SENT\", \"attempts\": 1, "
            + "\"nextAttemptAt\": null, \"lastAttemptAt\": \"2026-12-01T08:15:02Z\", \"lastError\": null, "
            + "\"sentAt\": \"2026-12-01T08:15:02Z\", \"createdAt\": \"2026-12-01T08:15:01Z\"}";

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "getNotificationDelivery", summary = "One delivery")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class),
            examples = @ExampleObject(name = "sent", value = DELIVERY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such delivery", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    public DeliveryView get(@PathParam("id") UUID id) {
        return deliveries.get(id);
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "retryNotificationDelivery", summary = "Send a dead-lettered (FAILED) delivery again, "
            + "with a fresh set of attempts")
    @APIResponse(responseCode = "200", description = "Pending again", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The delivery is not dead-lettered", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    public DeliveryView retry(@PathParam("id") UUID id) {
        return deliveries.retry(id);
    }
}
