package io.poka.platform.internal.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets a user whose password is temporary do nothing but replace it: the API answers 403
 * {@code urn:poka:problem:password-change-required}, and web UI pages lead to the change-password page.
 */
public class TemporaryPasswordFilter {
    static final String UI_PAGE = "/ui/password";

    private final CurrentIdentityAssociation identities;

    TemporaryPasswordFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> requireOwnPassword(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("/ui/login") || path.equals("/ui/logout")) {
            return Uni.createFrom().nullItem();
        }
        // A failed authentication is left to the endpoint's own security check (401 with its challenge).
        return identities.getDeferredIdentity().onFailure().recoverWithNull().map(identity -> {
            if (identity == null || identity.isAnonymous()
                    || identity.getAttribute(DatabaseIdentityProvider.PASSWORD_CHANGE_REQUIRED) == null
                    || allowed(request.getMethod(), path, identity)) {
                return null;
            }
            if (path.equals("/ui") || path.startsWith("/ui/")) {
                return Response.seeOther(URI.create(UI_PAGE)).build();
            }
            throw new PasswordChangeRequired(identity.getPrincipal().getName());
        });
    }

    private static boolean allowed(String method, String path, SecurityIdentity identity) {
        return path.equals(UI_PAGE)
                || "PUT".equals(method) && (path.equals("/api/v1/me/password")
                        || path.equals("/api/v1/users/" + identity.getPrincipal().getName() + "/password"));
    }
}
