package io.poka.platform.internal.security;

import io.poka.platform.Roles;
import io.poka.platform.internal.PlatformConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Creates the first admin on first start so a new installation can be reached without a fixed default password:
 * the password comes from POKA_ADMIN_PASSWORD or is random, printed once and temporary.
 */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";

    private final UserService users;
    private final PlatformConfig config;

    AdminBootstrap(UserService users, PlatformConfig config) {
        this.users = users;
        this.config = config;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (UserAccount.count() > 0) {
            return;
        }
        String password = config.adminPassword().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = Passwords.randomPassword();
        }
        // A generated password has been in the log, so it is temporary; POKA_ADMIN_PASSWORD is the installing
        // administrator's own choice (kept in their secret store) and is not.
        users.create(new UserService.NewUser(ADMIN, "Administrator", password, Set.of(Roles.ADMIN)), generated);
        if (generated) {
            LOG.warnf("%n========================================================================%n"
                    + " First start: created user 'admin' with the one-time password%n%n     %s%n%n"
                    + " It is printed only this once and must be changed at the first sign-in%n"
                    + " (web UI, or PUT /api/v1/me/password).%n"
                    + "========================================================================", password);
        } else {
            LOG.info("First start: created user 'admin' with the password from POKA_ADMIN_PASSWORD");
        }
    }
}
