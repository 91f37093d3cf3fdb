package io.poka.platform.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the platform module (prefix {@code poka.platform}). */
@ConfigMapping(prefix = "poka.platform")
public interface PlatformConfig {

    /** Directory of the embedded PostgreSQL and Kafka data (env POKA_DATA_DIR); unused when both are external. */
    @WithDefault("${user.home}/.poka")
    String dataDir();

    /** Password of the first admin, set on first start only (env POKA_ADMIN_PASSWORD); unset: a random one is logged once. */
    Optional<String> adminPassword();

    /**
     * User name of an administrator to recover at start (env POKA_RECOVER_ADMIN): created, or enabled, unlocked and
     * made admin again, with a new temporary password; audited. Remove it once signed in.
     */
    Optional<String> recoverAdmin();

    /** Temporary password for {@link #recoverAdmin} (env POKA_RECOVER_ADMIN_PASSWORD); unset: generated and logged once. */
    Optional<String> recoverAdminPassword();

    /** Login protection. */
    Login login();

    /** Outbox relay to the quality-events topic. */
    Outbox outbox();

    /**
     * This replica's name in lease rows and logs (env POKA_PLATFORM_INSTANCE_ID, e.g. the pod name); unset: host name,
     * process id and a random part. Two running replicas must never share one.
     */
    Optional<String> instanceId();

    /** Leases of the work that runs once across replicas (docs/replicas.md). */
    Lease lease();

    interface Lease {
        /** How long a lease lasts unrenewed: the work of a replica that died moves to another after at most this. */
        @WithDefault("PT15S")
        Duration ttl();

        /** How often a replica renews the leases it holds; well under the time to live (a third or less). */
        @WithDefault("PT5S")
        Duration heartbeat();
    }

    /** The job runner of every module (io.poka.platform.jobs). */
    Jobs jobs();

    interface Jobs {
        /**
         * A QUEUED or RUNNING job whose replica renewed it longer ago is failed (the replica died); several times
         * poka.platform.lease.heartbeat. Scoring keeps its own poka.scoring.job-heartbeat-timeout.
         */
        @WithDefault("PT30S")
        Duration heartbeatTimeout();
    }

    /** Limits of incoming HTTP requests, answered as problem+json (the body limit is quarkus.http.limits.max-body-size). */
    Requests requests();

    interface Requests {
        /** Longest request line target (path and query) in characters; longer answers 414. */
        @WithDefault("8192")
        int maxUriLength();

        /** Largest sum of header names and values in characters; larger answers 431. */
        @WithDefault("16384")
        int maxHeaderSize();
    }

    /** Browser protections of the web UI's session. */
    Web web();

    interface Login {
        /** Consecutive failed logins after which an account is locked. */
        @WithDefault("5")
        int maxFailedAttempts();

        /** How long a locked account stays locked. */
        @WithDefault("PT15M")
        Duration lockDuration();

        /** How long a successful HTTP Basic login is remembered (salted hash, cleared on any user change); PT0S = never. */
        @WithDefault("PT60S")
        Duration credentialCacheTtl();

        /** BCrypt cost factor of new password hashes (2^cost rounds). */
        @WithDefault("11")
        int bcryptCost();
    }

    interface Web {
        /**
         * Mark the session cookie Secure, so browsers send it over HTTPS only (http://localhost counts as secure in
         * Chrome and Firefox); false only to sign in over plain HTTP on a trusted network. Off in dev and tests.
         */
        @WithDefault("true")
        boolean secureSessionCookie();

        /**
         * Origins (scheme://host[:port]) besides the server's own whose pages may send state-changing requests with
         * the session cookie, e.g. when a proxy rewrites the Host header; unset: only the server's own.
         */
        Optional<java.util.List<String>> trustedOrigins();
    }

    interface Outbox {
        /** Maximum number of events relayed per run. */
        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for the broker to acknowledge one batch. */
        @WithDefault("PT10S")
        Duration sendTimeout();
    }
}
