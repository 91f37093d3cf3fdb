package io.poka.platform.internal.security;

import io.poka.platform.internal.PlatformConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The way back when the only admin is locked out (five wrong signature passwords) or forgotten: whoever can start
 * the server sets POKA_RECOVER_ADMIN=&lt;user&gt;, and that user becomes an enabled, unlocked admin with a temporary
 * password. The recovery is a user change like any other, so the audit trail records it.
 */
@ApplicationScoped
public class AdminRecovery {
    private static final Logger LOG = Logger.getLogger(AdminRecovery.class);

    private final UserService users;
    private final PlatformConfig config;

    AdminRecovery(UserService users, PlatformConfig config) {
        this.users = users;
        this.config = config;
    }

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 10) StartupEvent event) {
        config.recoverAdmin().filter(u -> !u.isBlank())
                .ifPresent(username -> recover(username.strip(), config.recoverAdminPassword()));
    }

    /**
     * @param password the temporary password to set; empty: a random one, logged once
     * @return the temporary password the user signs in with (and must change)
     */
    public String recover(String username, Optional<String> password) {
        String temporary = password.filter(p -> !p.isBlank()).orElseGet(Passwords::randomPassword);
        String reason = "start-up recovery (POKA_RECOVER_ADMIN) by OS user '" + System.getProperty("user.name") + "'";
        users.recoverAdmin(username, temporary, reason);
        if (password.filter(p -> !p.isBlank()).isPresent()) {
            LOG.warnf("Recovered admin '%s' with the temporary password from POKA_RECOVER_ADMIN_PASSWORD; "
                    + "it must be changed at sign-in. Remove POKA_RECOVER_ADMIN now.", username);
        } else {
            LOG.warnf("%n========================================================================%n"
                    + " Recovered admin '%s' (enabled, unlocked) with the temporary password%n%n     %s%n%n"
                    + " It must be changed at sign-in. Remove POKA_RECOVER_ADMIN now:%n"
                    + " every start with it set recovers the account again.%n"
                    + "========================================================================", username, temporary);
        }
        return temporary;
    }
}
