package io.poka.notifications.internal;

import io.poka.platform.Problems;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who is told about incidents: subscriptions per line and minimum severity, by e-mail or signed webhook. */
@Path("/api/v1/notifications/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
@Tag(name = "Notifications", description = "Incident notifications by e-mail and webhook, with escalation")
public class SubscriptionResource {
    static final int MAX_PAGE_SIZE = 200;

    private final SubscriptionService subscriptions;
    private final SecurityIdentity identity;

    SubscriptionResource(SubscriptionService subscriptions, SecurityIdentity identity) {
        this.subscriptions = subscriptions;
        this.identity = identity;
    }

    @POST
    @Operation(operationId = "createNotificationSubscription", summary = "Subscribe an e-mail address or a webhook "
            + "to the incidents of a line (or all lines) from a minimum severity",
            description = "A webhook needs a secret (16 to 256 characters): every call carries Poka-Signature: "
                    + "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">. The secret is never returned.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionRequest.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid subscription (one entry per field in errors)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response create(SubscriptionRequest body, @Context UriInfo uri) {
        SubscriptionView created = subscriptions.create(body, user());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created)
                .build();
    }

    @GET
    @Operation(operationId = "listNotificationSubscriptions", summary = "Subscriptions, oldest first, paged with "
            + "the total; filter by line")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionService.Page.class)))
    public SubscriptionService.Page list(@QueryParam("line") String line, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return subscriptions.list(line, page(page), size(size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getNotificationSubscription", summary = "One subscription (without its secret)")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public SubscriptionView get(@PathParam("id") UUID id) {
        return subscriptions.get(id);
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "replaceNotificationSubscription", summary = "Replace a subscription",
            description = "Leaving out the secret of a webhook keeps the current one.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionRequest.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid subscription",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public SubscriptionView replace(@PathParam("id") UUID id, SubscriptionRequest body) {
        return subscriptions.replace(id, body, user());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteNotificationSubscription", summary = "Delete a subscription; its pending "
            + "deliveries are cancelled, its sent ones kept")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    // a 204 has no body: a client that accepts only problem+json (its errors) must not get 406
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(id, user());
        return Response.noContent().build();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    static int page(Integer page) {
        if (page != null && page < 0) {
            throw new ValidationProblem("page", "must be 0 or more");
        }
        return page == null ? 0 : page;
    }

    static int size(Integer size) {
        if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
            throw new ValidationProblem("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return size == null ? 50 : size;
    }
}
