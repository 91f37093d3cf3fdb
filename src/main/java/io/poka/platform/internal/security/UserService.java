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

    /**
     * A user as the API shows it: never the hash. {@code passwordTemporary}: the password was set by someone else
     * and the user must replace it before anything else.
     */
    public record UserView(String username, String displayName, Set<String> roles, boolean enabled, boolean locked,
            Instant lockedUntil, Instant createdAt, Instant passwordChangedAt, boolean passwordTemporary) {
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

    /**
     * @param passwordTemporary true when the password was chosen by someone other than the new user (an admin, the
     *        generated first-admin password): the user must replace it at the next sign-in
     */
    @Transactional
    public UserView create(NewUser request, boolean passwordTemporary) {
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
        user.passwordTemporary = passwordTemporary;
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

    /**
     * An administrator sets another user's password: the administrator knows it, so it is temporary and the user
     * must replace it before signing anything (21 CFR 11.300).
     */
    @Transactional
    public void resetPassword(String username, String newPassword) {
        requireValidPassword(newPassword);
        UserAccount user = find(username);
        UserView before = view(user);
        setPassword(user, newPassword, true);
        changed("PASSWORD_RESET", before, user, "set by an administrator; to be changed by the user at next sign-in");
    }

    /**
     * Users replace their own password, proving the current one (which may be temporary); the new one must differ,
     * since a temporary password is known to whoever set it.
     */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount user = find(username);
        if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash)) {
            throw new ValidationProblem("currentPassword", "does not match");
        }
        requireValidPassword(newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new ValidationProblem("newPassword", "must differ from the current password");
        }
        UserView before = view(user);
        setPassword(user, newPassword, false);
        changed("PASSWORD_CHANGED", before, user, "changed by the user");
    }

    /**
     * Start-up recovery of an administrator (POKA_RECOVER_ADMIN): creates the user or makes it an enabled, unlocked
     * admin again, with a new temporary password, so a lone admin locked out cannot lose the installation.
     */
    @Transactional
    public UserView recoverAdmin(String username, String temporaryPassword, String reason) {
        requireValidPassword(temporaryPassword);
        UserAccount user = UserAccount.findByUsername(username).orElse(null);
        if (user == null) {
            create(new NewUser(username, "Administrator", temporaryPassword, Set.of(Roles.ADMIN)), true);
            user = find(username);
        }
        UserView before = view(user);
        user.enabled = true;
        user.lockedUntil = null;
        user.failedAttempts = 0;
        user.roles.add(Roles.ADMIN);
        setPassword(user, temporaryPassword, true);
        return changed("ADMIN_RECOVERED", before, user, reason);
    }

    private void setPassword(UserAccount user, String password, boolean temporary) {
        user.passwordHash = passwords.hash(password);
        user.passwordChangedAt = clock.instant();
        user.passwordTemporary = temporary;
    }

    private static void requireValidPassword(String password) {
        passwordError(password).ifPresent(e -> {
            throw new ValidationProblem(e.field() + ": " + e.message(), List.of(e));
        });
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
                locked ? u.lockedUntil : null, u.createdAt, u.passwordChangedAt, u.passwordTemporary);
    }
}
