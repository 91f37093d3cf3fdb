package io.poka.platform.internal.security;

import io.poka.platform.internal.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful logins for a short while, so an ERP client sending HTTP Basic on every call does not pay a
 * BCrypt check (about 180 ms at cost 11 on these machines) per request. Only successes are kept, under a salted
 * SHA-256 of user name and password (the password itself is never stored), one per user; a failed attempt forgets
 * that user's entry (so the next good login goes to the database and resets the failure count), and any change to
 * any user (roles, password, disable, lock) empties the cache, so such changes take effect at once.
 */
@ApplicationScoped
public class CredentialCache {
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String credentialHash, LoginAttempts.Outcome outcome, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every clear, so a login that read the user before a change cannot cache the old state after it. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final byte[] salt = new byte[32];
    private final Duration ttl;
    private final Clock clock;

    CredentialCache(PlatformConfig config, Clock clock) {
        new SecureRandom().nextBytes(salt);
        this.ttl = config.login().credentialCacheTtl();
        this.clock = clock;
    }

    Optional<LoginAttempts.Outcome> get(String username, char[] password) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        Entry e = entries.get(username);
        if (e == null || e.expires().isBefore(clock.instant()) || !e.credentialHash().equals(key(username, password))) {
            return Optional.empty();
        }
        return Optional.of(e.outcome());
    }

    /** The generation to pass to {@link #put}: read it before checking the password against the database. */
    long generation() {
        return generation.get();
    }

    void put(String username, char[] password, LoginAttempts.Outcome outcome, long seenGeneration) {
        if (ttl.isZero() || !outcome.success() || generation.get() != seenGeneration) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(username, new Entry(key(username, password), outcome, clock.instant().plus(ttl)));
    }

    /** Forgets a user's remembered login, e.g. after a failed attempt. */
    void forget(String username) {
        entries.remove(username);
    }

    /** Forgets every remembered login once a change to a user has committed or rolled back. */
    void onUserChanged(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_COMPLETION)
            io.poka.platform.RecordChanged change) {
        if ("User".equals(change.entityType())) {
            clear();
        }
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Salted SHA-256 of user name and password: what identifies a credential here, never the password itself. */
    String key(String username, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
