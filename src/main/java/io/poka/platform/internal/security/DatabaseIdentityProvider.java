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

/**
 * Authenticates HTTP Basic credentials against Poka's own user table. Concurrent requests with the same credentials
 * that the cache cannot answer share one check: a client with many connections whose remembered login just expired
 * would otherwise start one BCrypt check per connection at once, each holding a database connection, and exhaust
 * the pool for the whole application.
 */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    /** Identity attribute holding the printed name, for audit entries and signatures. */
    public static final String DISPLAY_NAME = "poka.displayName";
    /** Identity attribute present (true) while the user's password is temporary and must be changed first. */
    public static final String PASSWORD_CHANGE_REQUIRED = "poka.passwordChangeRequired";

    private final LoginAttempts attempts;
    private final CredentialCache cache;
    /** Checks running now, by credential key; only a success is shared, a failure is checked again by each waiter. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<
            LoginAttempts.Outcome>> running = new java.util.concurrent.ConcurrentHashMap<>();

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
        String key = cache.key(username, password);
        var flight = new java.util.concurrent.CompletableFuture<LoginAttempts.Outcome>();
        var leader = running.putIfAbsent(key, flight);
        if (leader != null) {
            return Uni.createFrom().completionStage(leader).onFailure().recoverWithNull().onItem()
                    .transformToUni(outcome -> outcome != null && outcome.success()
                            ? Uni.createFrom().item(identity(outcome)) : check(username, password, context, null, null));
        }
        return check(username, password, context, key, flight).onTermination().invoke(() -> {
            // also when the request was cancelled before its check ran: never leave waiters behind
            running.remove(key, flight);
            flight.completeExceptionally(new AuthenticationFailedException("check abandoned"));
        });
    }

    /** Checks the password against the database; completes {@code flight} (when given) for the requests waiting. */
    private Uni<SecurityIdentity> check(String username, char[] password, AuthenticationRequestContext context,
            String key, java.util.concurrent.CompletableFuture<LoginAttempts.Outcome> flight) {
        long generation = cache.generation();
        return context.runBlocking(() -> {
            LoginAttempts.Outcome outcome;
            try {
                outcome = attempts.attempt(username, password);
            } catch (RuntimeException e) {
                if (flight != null) {
                    running.remove(key, flight);
                    flight.completeExceptionally(e);
                }
                throw e;
            }
            if (outcome.success()) {
                cache.put(username, password, outcome, generation);
            } else {
                cache.forget(username);
            }
            if (flight != null) {
                running.remove(key, flight);
                flight.complete(outcome);
            }
            if (!outcome.success()) {
                throw new AuthenticationFailedException(outcome.reason());
            }
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
