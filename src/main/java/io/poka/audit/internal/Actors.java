package io.poka.audit.internal;

import io.poka.platform.Reauthentication;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Finds who is making the current change. It reads only an identity that is already established on the HTTP request:
 * asking the injected SecurityIdentity would start authentication, which deadlocks when the change happens during
 * authentication itself (an account lockout), so anything without an established identity is {@link Actor#SYSTEM}.
 */
@ApplicationScoped
class Actors {
    /** Identity attribute the platform's identity provider fills with the printed name. */
    static final String DISPLAY_NAME = "poka.displayName";

    private final Instance<CurrentVertxRequest> request;
    private final Reauthentication users;

    Actors(Instance<CurrentVertxRequest> request, Reauthentication users) {
        this.request = request;
        this.users = users;
    }

    Actor current() {
        if (!Arc.container().requestContext().isActive()) {
            return Actor.SYSTEM;
        }
        RoutingContext rc = request.get().getCurrent();
        if (rc == null || !(rc.user() instanceof QuarkusHttpUser user)) {
            return Actor.SYSTEM;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return Actor.SYSTEM;
        }
        String name = identity.getPrincipal().getName();
        Object printed = identity.getAttribute(DISPLAY_NAME);
        return new Actor(name, printed != null ? printed.toString() : printedName(name));
    }

    private String printedName(String username) {
        try {
            return users.printedName(username);
        } catch (RuntimeException unknown) {
            return username;
        }
    }
}
