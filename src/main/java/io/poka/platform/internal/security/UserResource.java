package io.poka.platform.internal.security;

import io.poka.platform.Problems;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admins manage users and roles; every user can read their own identity and change their own password (the only
 * thing a user with a temporary password may do, see {@link PasswordChangeRequired}).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Users, roles and passwords")
public class UserResource {

    /** Body of a role change. */
    public record RolesBody(Set<String> roles) {
    }

    /** Body of an enable/disable. */
    public record EnabledBody(Boolean enabled) {
    }

    /** Body of a password change; currentPassword is required when users change their own. */
    public record PasswordBody(String currentPassword, String newPassword) {
    }

    /** The signed-in user. */
    public record Me(String username, Set<String> roles) {
    }

    private final UserService users;
    private final SecurityIdentity identity;

    UserResource(UserService users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    @GET
    @Path("/me")
    @RolesAllowed("**")
    @Operation(operationId = "getCurrentUser", summary = "The signed-in user and their roles")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.getRoles());
    }

    @GET
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listUsers", summary = "List users")
    public List<UserService.UserView> list() {
        return users.list();
    }

    @GET
    @Path("/users/{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getUser", summary = "One user")
    public UserService.UserView get(@PathParam("username") String username) {
        return users.get(username);
    }

    @POST
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createUser", summary = "Create a user", description = "Password at least 12 characters; roles from admin, qa-manager, inspector, auditor, integration.")
    @APIResponse(responseCode = "201", description = "Created", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserService.UserView.class)))
    public Response create(UserService.NewUser body, @jakarta.ws.rs.core.Context UriInfo uri) {
        if (body == null) {
            throw new ValidationProblem("body", "a JSON object with username, displayName, password and roles");
        }
        UserService.UserView created = users.create(body, true);
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build()).entity(created).build();
    }

    @PUT
    @Path("/users/{username}/roles")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setUserRoles", summary = "Replace a user's roles")
    public UserService.UserView setRoles(@PathParam("username") String username, RolesBody body) {
        return users.setRoles(username, body == null ? null : body.roles());
    }

    @PUT
    @Path("/users/{username}/enabled")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setUserEnabled", summary = "Enable or disable a user")
    public UserService.UserView setEnabled(@PathParam("username") String username, EnabledBody body) {
        if (body == null || body.enabled() == null) {
            throw new ValidationProblem("enabled", "must be true or false");
        }
        return users.setEnabled(username, body.enabled());
    }

    @POST
    @Path("/users/{username}/unlock")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "unlockUser", summary = "Lift a lock set by repeated failed logins")
    public UserService.UserView unlock(@PathParam("username") String username) {
        return users.unlock(username);
    }

    @PUT
    @Path("/me/password")
    @RolesAllowed("**")
    @Operation(operationId = "changeOwnPassword", summary = "Change your own password",
            description = "With the current password (also a temporary one set by an admin); the new one must differ. "
                    + "This is the only request a user with a temporary password may make.")
    @APIResponse(responseCode = "204", description = "Changed")
    // a 204 has no body: a client that accepts only problem+json (its errors) must not get 406
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response changeOwnPassword(PasswordBody body) {
        if (body == null) {
            throw new ValidationProblem("newPassword", "must be given");
        }
        users.changeOwnPassword(identity.getPrincipal().getName(), body.currentPassword(), body.newPassword());
        return Response.noContent().build();
    }

    @PUT
    @Path("/users/{username}/password")
    @RolesAllowed("**")
    @Operation(operationId = "changeUserPassword", summary = "Change a password", description = "Users change their own with their current password. "
            + "Admins may set another user's password without it; that password is temporary: the user must "
            + "replace it at the next sign-in and cannot sign electronically until then.")
    @APIResponse(responseCode = "204", description = "Changed")
    // a 204 has no body: a client that accepts only problem+json (its errors) must not get 406
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response changePassword(@PathParam("username") String username, PasswordBody body) {
        if (body == null) {
            throw new ValidationProblem("newPassword", "must be given");
        }
        if (identity.getPrincipal().getName().equals(username)) {
            users.changeOwnPassword(username, body.currentPassword(), body.newPassword());
        } else if (identity.hasRole(Roles.ADMIN)) {
            users.resetPassword(username, body.newPassword());
        } else {
            throw new io.quarkus.security.ForbiddenException("Only admins can change another user's password");
        }
        return Response.noContent().build();
    }
}
