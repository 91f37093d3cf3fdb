package io.poka.platform.internal.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Authenticates HTTP Basic credentials against Poka's own user table. */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    /** Identity attribute holding the printed name, for audit entries and signatures. */
    public static final String DISPLAY_NAME = "poka.displayName";
    /** Identity attribute present (true) while the user's password is temporary and must be changed first. */
    public static final String PASSWORD_CHANGE_REQUIRED = "poka.passwordChangeRequired";

    private final LoginAttempts attempts;
    private final CredentialCache cache;

    DatabaseIdentityProvider(LoginAttempts attempts, CredentialCache cache) {
        this.attempts = attempts;
        this.cache = cache;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        char[] password = request.getPassword().getPassword();
        var remembered = cache.get(username, password);
        if (remembered.isPresent()) {
            return Uni.createFrom().item(identity(remembered.get()));
        }
        long generation = cache.generation();
        return context.runBlocking(() -> {
            LoginAttempts.Outcome outcome = attempts.attempt(username, password);
            if (!outcome.success()) {
                cache.forget(username);
                throw new AuthenticationFailedException(outcome.reason());
            }
            cache.put(username, password, outcome, generation);
            return identity(outcome);
        });
    }

    /** The identity of a successful login, flagged while its password is temporary. */
    static SecurityIdentity identity(LoginAttempts.Outcome outcome) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(outcome.username()))
                .addRoles(outcome.roles())
                .addAttribute(DISPLAY_NAME, outcome.displayName());
        if (outcome.passwordTemporary()) {
            builder.addAttribute(PASSWORD_CHANGE_REQUIRED, Boolean.TRUE);
        }
        return builder.build();
    }
}
