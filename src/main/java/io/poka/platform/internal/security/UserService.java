package io.poka.platform.internal.security;

import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** User administration: the rules (valid names, strong enough passwords, at least one admin) live here. */
@ApplicationScoped
public class UserService {
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    /** What an admin supplies to create a user. */
    public record NewUser(String username, String displayName, String password, Set<String> roles) {
    }

    /** A user as the API shows it: never the hash. */
    public record UserView(String username, String displayName, Set<String> roles, boolean enabled, boolean locked,
            Instant lockedUntil, Instant createdAt, Instant passwordChangedAt) {
    }

    private final Passwords passwords;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<RecordChanged> changes;
    private final CredentialCache credentials;

    UserService(Passwords passwords, Clock clock, jakarta.enterprise.event.Event<RecordChanged> changes,
            CredentialCache credentials) {
        this.passwords = passwords;
        this.clock = clock;
        this.changes = changes;
        this.credentials = credentials;
    }

    private UserView changed(String action, UserView before, UserAccount user, String reason) {
        credentials.clear(); // and again after commit, through the RecordChanged observer
        UserView after = view(user);
        changes.fire(new RecordChanged("User", user.username, action, before, after, reason));
        return after;
    }

    @Transactional
    public List<UserView> list() {
        return UserAccount.<UserAccount>listAll(io.quarkus.panache.common.Sort.by("username")).stream()
                .map(this::view).toList();
    }

    @Transactional
    public UserView get(String username) {
        return view(find(username));
    }

    @Transactional
    public UserView create(NewUser request, String actor) {
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            errors.add(new ValidationProblem.FieldError("username",
                    "2-64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (request.displayName() == null || request.displayName().isBlank()) {
            errors.add(new ValidationProblem.FieldError("displayName", "must not be blank"));
        }
        passwordError(request.password()).ifPresent(errors::add);
        rolesError(request.roles()).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new ValidationProblem("The user cannot be created", errors);
        }
        if (UserAccount.findByUsername(request.username()).isPresent()) {
            throw new ConflictProblem("platform/user-exists", "User '" + request.username() + "' already exists");
        }
        Instant now = clock.instant();
        UserAccount user = new UserAccount();
        user.id = UUID.randomUUID();
        user.username = request.username();
        user.displayName = request.displayName().strip();
        user.passwordHash = passwords.hash(request.password());
        user.roles = new HashSet<>(request.roles());
        user.createdAt = now;
        user.passwordChangedAt = now;
        user.persist();
        return changed("CREATED", null, user, null);
    }

    @Transactional
    public UserView setRoles(String username, Set<String> roles) {
        rolesError(roles).ifPresent(e -> {
            throw new ValidationProblem(e.field() + ": " + e.message(), List.of(e));
        });
        UserAccount user = find(username);
        if (user.roles.contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN)) {
            requireAnotherAdmin(user);
        }
        UserView before = view(user);
        user.roles.clear();
        user.roles.addAll(roles);
        return changed("ROLES_CHANGED", before, user, null);
    }

    @Transactional
    public UserView setEnabled(String username, boolean enabled) {
        UserAccount user = find(username);
        if (!enabled && user.roles.contains(Roles.ADMIN)) {
            requireAnotherAdmin(user);
        }
        UserView before = view(user);
        user.enabled = enabled;
        return changed(enabled ? "ENABLED" : "DISABLED", before, user, null);
    }

    @Transactional
    public UserView unlock(String username) {
        UserAccount user = find(username);
        UserView before = view(user);
        user.lockedUntil = null;
        user.failedAttempts = 0;
        return changed("UNLOCKED", before, user, null);
    }

    @Transactional
    public void changePassword(String username, String newPassword) {
        passwordError(newPassword).ifPresent(e -> {
            throw new ValidationProblem(e.field() + ": " + e.message(), List.of(e));
        });
        UserAccount user = find(username);
        UserView before = view(user);
        user.passwordHash = passwords.hash(newPassword);
        user.passwordChangedAt = clock.instant();
        changed("PASSWORD_CHANGED", before, user, null);
    }

    /** Checks a user's current password without counting failures (used before self-service changes). */
    @Transactional
    public boolean passwordMatches(String username, String password) {
        return password != null && passwords.matches(password, find(username).passwordHash);
    }

    private void requireAnotherAdmin(UserAccount user) {
        long otherAdmins = UserAccount.count(
                "select count(u) from UserAccount u join u.roles r where r = ?1 and u.enabled = true and u.id <> ?2",
                Roles.ADMIN, user.id);
        if (otherAdmins == 0) {
            throw new ConflictProblem("platform/last-admin",
                    "'" + user.username + "' is the last enabled admin; make another user admin first");
        }
    }

    private static UserAccount find(String username) {
        return UserAccount.findByUsername(username).orElseThrow(() -> new NotFoundProblem("User", username));
    }

    private static java.util.Optional<ValidationProblem.FieldError> passwordError(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return java.util.Optional.of(new ValidationProblem.FieldError("password",
                    "must have at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<ValidationProblem.FieldError> rolesError(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
            return java.util.Optional.of(new ValidationProblem.FieldError("roles",
                    "one or more of " + new java.util.TreeSet<>(Roles.ALL)));
        }
        return java.util.Optional.empty();
    }

    private UserView view(UserAccount u) {
        boolean locked = u.isLocked(clock.instant());
        return new UserView(u.username, u.displayName, Set.copyOf(u.roles), u.enabled, locked,
                locked ? u.lockedUntil : null, u.createdAt, u.passwordChangedAt);
    }
}
