package io.poka.platform.internal.security;

import io.poka.platform.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** {@link Users} over the platform's user accounts, so other modules can check a name without seeing the table. */
@ApplicationScoped
class UserDirectory implements Users {

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isActive(String username) {
        return username != null && UserAccount.findByUsername(username).map(u -> u.enabled).orElse(false);
    }
}
