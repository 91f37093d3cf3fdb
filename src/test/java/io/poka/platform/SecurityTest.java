package io.poka.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SecurityTest {

    private static String newUser(String role) {
        String name = role.replace("-", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", name, "displayName", "Test " + role, "password", "correct-horse-battery",
                "roles", List.of(role)));
        return name;
    }

    @Test
    void unauthenticatedCallGets401AsProblemJsonWithBasicChallenge() {
        given().get("/api/v1/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("type", equalTo(Problems.UNAUTHORIZED))
                .body("status", equalTo(401));
    }

    @Test
    void firstAdminSignsInWithTheConfiguredPassword() {
        Api.asAdmin().get("/api/v1/me").then()
                .statusCode(200)
                .body("username", equalTo("admin"))
                .body("roles", hasItem("admin"));
    }

    @Test
    void wrongPasswordGets401() {
        Api.as("admin", "not-the-password").get("/api/v1/me").then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void roleWithoutPermissionGets403AsProblemJson() {
        String inspector = newUser(Roles.INSPECTOR);
        Api.as(inspector, "correct-horse-battery").get("/api/v1/users").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(Problems.FORBIDDEN));
    }

    @Test
    void fiveFailedLoginsLockTheAccountEvenAgainstTheRightPassword() {
        String user = newUser(Roles.QA_MANAGER);
        Api.as(user, "correct-horse-battery").get("/api/v1/me").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            Api.as(user, "wrong-password-" + i).get("/api/v1/me").then().statusCode(401);
        }
        Api.as(user, "correct-horse-battery").get("/api/v1/me").then().statusCode(401);
        Api.asAdmin().get("/api/v1/users/" + user).then().statusCode(200).body("locked", equalTo(true));

        Api.asAdmin().post("/api/v1/users/" + user + "/unlock").then().statusCode(200).body("locked", equalTo(false));
        Api.as(user, "correct-horse-battery").get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void successfulLoginResetsTheFailureCount() {
        String user = newUser(Roles.AUDITOR);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                Api.as(user, "nope").get("/api/v1/me").then().statusCode(401);
            }
            Api.as(user, "correct-horse-battery").get("/api/v1/me").then().statusCode(200);
        }
    }

    @Test
    void invalidUserIsRejectedWithFieldErrorsAndNothingIsCreated() {
        String name = "short-pw-" + UUID.randomUUID().toString().substring(0, 6);
        Api.asAdmin().body(Map.of("username", name, "displayName", "X", "password", "short", "roles", List.of("wizard")))
                .post("/api/v1/users").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(Problems.VALIDATION))
                .body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("roles"));
        Api.asAdmin().get("/api/v1/users/" + name).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(Problems.NOT_FOUND));
    }

    @Test
    void duplicateUserNameIsAConflict() {
        String user = newUser(Roles.INSPECTOR);
        Api.asAdmin().body(Map.of("username", user, "displayName", "Again", "password", "correct-horse-battery",
                "roles", List.of("inspector"))).post("/api/v1/users").then()
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsA400Problem() {
        Api.asAdmin().body("{\"username\": ").post("/api/v1/users").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void adminChangesRolesAndTheNewRoleTakesEffect() {
        String user = newUser(Roles.INSPECTOR);
        Api.as(user, "correct-horse-battery").get("/api/v1/users").then().statusCode(403);
        Api.asAdmin().body(Map.of("roles", List.of("admin", "inspector"))).put("/api/v1/users/" + user + "/roles")
                .then().statusCode(200).body("roles", hasItem("admin"));
        Api.as(user, "correct-horse-battery").get("/api/v1/users").then().statusCode(200);
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemoted() {
        List<String> otherAdmins = Api.asAdmin().get("/api/v1/users").jsonPath()
                .getList("findAll { it.roles.contains('admin') && it.enabled && it.username != 'admin' }.username");
        otherAdmins.forEach(u -> Api.asAdmin().body(Map.of("enabled", false)).put("/api/v1/users/" + u + "/enabled")
                .then().statusCode(200));
        Api.asAdmin().body(Map.of("enabled", false)).put("/api/v1/users/admin/enabled").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(Problems.type("platform/last-admin")));
        Api.asAdmin().body(Map.of("roles", List.of("auditor"))).put("/api/v1/users/admin/roles").then().statusCode(409);
        Api.asAdmin().get("/api/v1/me").then().statusCode(200).body("roles", hasItem("admin"));
    }

    @Test
    void disabledUserCannotSignIn() {
        String user = newUser(Roles.INTEGRATION);
        Api.as(user, "correct-horse-battery").get("/api/v1/me").then().statusCode(200);
        Api.asAdmin().body(Map.of("enabled", false)).put("/api/v1/users/" + user + "/enabled").then().statusCode(200);
        Api.as(user, "correct-horse-battery").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void usersChangeTheirOwnPasswordOnlyWithTheCurrentOne() {
        String user = newUser(Roles.INSPECTOR);
        Api.as(user, "correct-horse-battery")
                .body(Map.of("currentPassword", "guess", "newPassword", "a-much-longer-secret"))
                .put("/api/v1/users/" + user + "/password").then().statusCode(400);
        Api.as(user, "correct-horse-battery")
                .body(Map.of("currentPassword", "correct-horse-battery", "newPassword", "a-much-longer-secret"))
                .put("/api/v1/users/" + user + "/password").then().statusCode(204);
        Api.as(user, "a-much-longer-secret").get("/api/v1/me").then().statusCode(200);
        Api.as(user, "correct-horse-battery").get("/api/v1/me").then().statusCode(401);
        Api.as(user, "a-much-longer-secret")
                .body(Map.of("currentPassword", "a-much-longer-secret", "newPassword", "another-long-secret"))
                .put("/api/v1/users/admin/password").then().statusCode(403);
    }

    @Test
    void aRoleRemovedFromARecentlySignedInUserIsDeniedAtOnce() {
        String user = newUser(Roles.QA_MANAGER);
        Api.asAdmin().body(Map.of("roles", List.of("qa-manager", "admin"))).put("/api/v1/users/" + user + "/roles")
                .then().statusCode(200);
        Api.as(user, "correct-horse-battery").get("/api/v1/users").then().statusCode(200);
        Api.as(user, "correct-horse-battery").get("/api/v1/users").then().statusCode(200);
        Api.asAdmin().body(Map.of("roles", List.of("qa-manager"))).put("/api/v1/users/" + user + "/roles")
                .then().statusCode(200);
        Api.as(user, "correct-horse-battery").get("/api/v1/users").then().statusCode(403);
    }

    @Test
    void listingUsersNeverRevealsPasswordHashes() {
        Api.asAdmin().get("/api/v1/users").then().statusCode(200)
                .body(not(containsString("$2a$")))
                .body(not(containsString("passwordHash")));
    }
}
