package io.poka.platform.internal.security;

import io.poka.platform.internal.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Checks a user name and password and keeps the failed-attempt count: after too many consecutive failures the
 * account is locked for a while, even against the right password.
 */
@ApplicationScoped
public class LoginAttempts implements io.poka.platform.Reauthentication {
    private static final Logger LOG = Logger.getLogger(LoginAttempts.class);

    /**
     * Outcome of one attempt; roles are set only on success. {@code passwordTemporary}: the password was set by
     * someone else and must be changed before the user may do anything else.
     */
    public record Outcome(boolean success, String username, String displayName, Set<String> roles, String reason,
            boolean passwordTemporary) {
        static Outcome failed(String username, String reason) {
            return new Outcome(false, username, null, Set.of(), reason, false);
        }

        static Outcome of(UserAccount user) {
            return new Outcome(true, user.username, user.displayName, Set.copyOf(user.roles), null,
                    user.passwordTemporary);
        }
    }

    private final Passwords passwords;
    private final PlatformConfig config;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<io.poka.platform.RecordChanged> changes;
    private final CredentialCache credentials;

    LoginAttempts(Passwords passwords, PlatformConfig config, Clock clock,
            jakarta.enterprise.event.Event<io.poka.platform.RecordChanged> changes, CredentialCache credentials) {
        this.passwords = passwords;
        this.config = config;
        this.clock = clock;
        this.changes = changes;
        this.credentials = credentials;
    }

    @Override
    public boolean verify(String username, char[] password) {
        return attempt(username, password).success();
    }

    @Override
    @Transactional
    public String printedName(String username) {
        return UserAccount.findByUsername(username).map(u -> u.displayName)
                .orElseThrow(() -> new io.poka.platform.NotFoundProblem("User", username));
    }

    /**
     * Same as {@link #attempt} in a transaction of its own, so a failed signature's count survives the rollback
     * of the business change it was meant to sign.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome attemptInNewTransaction(String username, char[] password) {
        return attempt(username, password);
    }

    /**
     * The account as it stands now, for a browser session that signed in earlier: a disabled or locked account, or
     * one whose roles changed, takes effect on the session's next request.
     */
    @Transactional
    public Outcome current(String username) {
        UserAccount user = UserAccount.findByUsername(username).orElse(null);
        if (user == null || !user.enabled) {
            return Outcome.failed(username, "account unknown or disabled");
        }
        if (user.isLocked(clock.instant())) {
            return Outcome.failed(username, "account locked until " + user.lockedUntil);
        }
        return Outcome.of(user);
    }

    @Transactional
    public Outcome attempt(String username, char[] password) {
        String pw = new String(password);
        UserAccount user = UserAccount.findByUsername(username).orElse(null);
        if (user == null) {
            passwords.burnTime(pw);
            return Outcome.failed(username, "unknown user");
        }
        Instant now = clock.instant();
        if (!user.enabled) {
            return Outcome.failed(username, "account disabled");
        }
        if (user.isLocked(now)) {
            return Outcome.failed(username, "account locked until " + user.lockedUntil);
        }
        if (!passwords.matches(pw, user.passwordHash)) {
            user.failedAttempts++;
            if (user.failedAttempts >= config.login().maxFailedAttempts()) {
                user.lockedUntil = now.plus(config.login().lockDuration());
                user.failedAttempts = 0;
                credentials.clear();
                changes.fire(new io.poka.platform.RecordChanged("User", username, "LOCKED", null,
                        java.util.Map.of("lockedUntil", user.lockedUntil.toString()),
                        config.login().maxFailedAttempts() + " consecutive failed logins"));
                LOG.warnf("Account '%s' locked until %s after %d failed logins", username, user.lockedUntil,
                        config.login().maxFailedAttempts());
            }
            return Outcome.failed(username, "wrong password");
        }
        if (user.failedAttempts != 0 || user.lockedUntil != null) {
            user.failedAttempts = 0;
            user.lockedUntil = null;
        }
        return Outcome.of(user);
    }
}
