package io.poka.platform.internal.security;

import io.poka.platform.KnownUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** {@link KnownUsers} over the user accounts table. */
@ApplicationScoped
class AccountKnownUsers implements KnownUsers {
    @Override
    @Transactional
    public boolean isEnabledUser(String username) {
        return username != null && UserAccount.findByUsername(username).map(u -> u.enabled).orElse(false);
    }
}
