package io.poka.platform.internal.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns the web UI's session cookie (a user name that form sign-in verified and encrypted) back into an identity
 * on every request, from the account as it is now, so disabling a user or removing a role ends what the session
 * may do at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final LoginAttempts attempts;

    SessionIdentityProvider(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            LoginAttempts.Outcome outcome = attempts.current(request.getPrincipal());
            if (!outcome.success()) {
                throw new AuthenticationFailedException(outcome.reason());
            }
            return DatabaseIdentityProvider.identity(outcome);
        });
    }
}
