package io.poka.platform.internal.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A person or machine client that signs in; the password is kept only as a BCrypt hash. */
@Entity
@Table(name = "user_account", schema = "platform")
public class UserAccount extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", schema = "platform", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false)
    public Set<String> roles = new HashSet<>();

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    public Instant passwordChangedAt;

    /** Set by someone other than the user (admin, first start, recovery): must be replaced before anything else. */
    @Column(name = "password_temporary", nullable = false)
    public boolean passwordTemporary;

    @Version
    public long version;

    public static Optional<UserAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
