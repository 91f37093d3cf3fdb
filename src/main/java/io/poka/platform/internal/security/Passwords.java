package io.poka.platform.internal.security;

import io.poka.platform.internal.PlatformConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;

/** Hashing and checking of passwords (BCrypt), and generation of random ones. */
@ApplicationScoped
public class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the user does not exist, so a probe cannot tell names apart by timing. */
    private final String decoyHash;
    private final int cost;

    Passwords(PlatformConfig config) {
        this.cost = config.login().bcryptCost();
        this.decoyHash = BcryptUtil.bcryptHash(randomPassword(), cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    void burnTime(String password) {
        BcryptUtil.matches(password, decoyHash);
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
