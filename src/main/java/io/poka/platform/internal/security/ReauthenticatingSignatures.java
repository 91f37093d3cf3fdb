package io.poka.platform.internal.security;

import io.poka.platform.Signature;
import io.poka.platform.Signatures;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Signs as the current user after checking the re-entered password against the user store; never with a temporary
 * password, which an administrator knows (21 CFR 11.100(a), 11.300).
 */
@ApplicationScoped
public class ReauthenticatingSignatures implements Signatures {
    private final LoginAttempts logins;
    private final SecurityIdentity identity;
    private final Clock clock;

    ReauthenticatingSignatures(LoginAttempts logins, SecurityIdentity identity, Clock clock) {
        this.logins = logins;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public Signature sign(String password, Signature.Meaning meaning) {
        if (identity.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        String username = identity.getPrincipal().getName();
        if (password == null || meaning == null) {
            throw new io.poka.platform.ValidationProblem("signature",
                    "an electronic signature needs the signer's password and its meaning");
        }
        LoginAttempts.Outcome outcome = logins.attemptInNewTransaction(username, password.toCharArray());
        if (!outcome.success()) {
            throw new SignatureRejected(username);
        }
        if (outcome.passwordTemporary()) {
            // A password someone else set is not the signer's own: no signature until the user replaces it.
            throw new PasswordChangeRequired(username);
        }
        return new Signature(username, outcome.displayName(), meaning, clock.instant());
    }
}
