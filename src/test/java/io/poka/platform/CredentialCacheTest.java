package io.poka.platform;

import io.poka.notifications.NotificationsProfile;
import io.poka.testing.AdjustableClock;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verified-credentials cache that spares HTTP Basic clients a BCrypt check per request: a remembered login lasts
 * at most its time to live (poka.platform.login.credential-cache-ttl, 60 s by default), and a password change, a
 * reset by an admin, a disable or a lock ends it at once. (SecurityTest covers role changes, own password changes,
 * disabling and lockout of recently signed-in users as well.)
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
// the notification tests' profile: its clock is adjustable too, and sharing it spares an application start
@TestProfile(NotificationsProfile.class)
class CredentialCacheTest {
    private static final String PASSWORD = "correct-horse-battery";

    @Inject
    AdjustableClock clock;

    // the profile's other tests move the clock and leave it where it is: each test here starts at real time
    @BeforeEach
    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRememberedLoginLastsOnlyUntilItsTimeToLiveEnds() throws SQLException {
        String user = newUser();
        Api.as(user, PASSWORD).get("/api/v1/me").then().statusCode(200);
        // behind the application's back (no change event): only the time to live ends the remembered login
        setPasswordHash(user, BcryptUtil.bcryptHash("a-different-long-password", 4));
        Api.as(user, PASSWORD).get("/api/v1/me").then().statusCode(200);
        clock.advance(Duration.ofSeconds(61));
        Api.as(user, PASSWORD).get("/api/v1/me").then().statusCode(401);
        Api.as(user, "a-different-long-password").get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void anAdminPasswordResetEndsTheRememberedLoginAtOnce() {
        String user = newUser();
        Api.as(user, PASSWORD).get("/api/v1/me").then().statusCode(200);
        Api.asAdmin().body(Map.of("newPassword", "an-admin-set-password")).put("/api/v1/users/{u}/password", user)
                .then().statusCode(204);
        Api.as(user, PASSWORD).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void disablingOrLockingEndsTheRememberedLoginAtOnce() {
        String disabled = newUser();
        Api.as(disabled, PASSWORD).get("/api/v1/me").then().statusCode(200);
        Api.asAdmin().body(Map.of("enabled", false)).put("/api/v1/users/{u}/enabled", disabled).then()
                .statusCode(200);
        Api.as(disabled, PASSWORD).get("/api/v1/me").then().statusCode(401);

        String locked = newUser();
        Api.as(locked, PASSWORD).get("/api/v1/me").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            Api.as(locked, "wrong-password-" + i).get("/api/v1/me").then().statusCode(401);
        }
        Api.as(locked, PASSWORD).get("/api/v1/me").then().statusCode(401);
    }

    private static String newUser() {
        String name = "cached-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", name, "displayName", "Cached User", "password", PASSWORD,
                "roles", List.of(Roles.INTEGRATION)));
        return name;
    }

    private static void setPasswordHash(String user, String hash) throws SQLException {
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement(
                        "update platform.user_account set password_hash = ? where username = ?")) {
            ps.setString(1, hash);
            ps.setString(2, user);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no user " + user);
            }
        }
    }
}
