package io.poka.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Form sign-in for the web UI: the session cookie carries the user, and the account is re-checked on every request. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class BrowserSessionTest {
    private static final String PASSWORD = "session-password-1";

    @Test
    void aSessionCookieAuthenticatesTheApiWithTheUsersCurrentRoles() {
        String user = newUser("qa-manager");
        String cookie = signIn(user);
        given().cookie("quarkus-credential", cookie).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo(user));
        Api.asAdmin().body(Map.of("roles", List.of("auditor"))).put("/api/v1/users/" + user + "/roles").then()
                .statusCode(200);
        given().cookie("quarkus-credential", cookie).get("/api/v1/me").then().statusCode(200)
                .body("roles", equalTo(List.of("auditor")));
    }

    @Test
    void disablingAUserEndsTheirSessionAtOnce() {
        String user = newUser("inspector");
        String cookie = signIn(user);
        given().cookie("quarkus-credential", cookie).get("/api/v1/me").then().statusCode(200);
        Api.asAdmin().body(Map.of("enabled", false)).put("/api/v1/users/" + user + "/enabled").then().statusCode(200);
        given().cookie("quarkus-credential", cookie).accept("application/json").get("/api/v1/me").then().statusCode(401);
        given().cookie("quarkus-credential", cookie).redirects().follow(false).get("/ui").then().statusCode(303)
                .header("Location", containsString("/ui/login"));
    }

    @Test
    void aWrongPasswordSendsTheBrowserBackToTheFormAndSetsNoSession() {
        String user = newUser("inspector");
        var answer = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", "wrong-password-1").post("/j_security_check");
        answer.then().statusCode(303).header("Location", containsString("/ui/login?error=true"));
        org.junit.jupiter.api.Assertions.assertNull(answer.getCookie("quarkus-credential"));
    }

    @Test
    void anAnonymousPageRequestIsSentToTheSignInForm() {
        given().redirects().follow(false).get("/ui").then().statusCode(303)
                .header("Location", containsString("/ui/login"));
        given().get("/ui/login").then().statusCode(200).body(containsString("j_security_check"));
    }

    private static String newUser(String role) {
        String user = "sess-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", user, "displayName", "Session " + user, "password", PASSWORD,
                "roles", List.of(role)));
        return user;
    }

    private static String signIn(String user) {
        String cookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", PASSWORD).post("/j_security_check")
                .then().statusCode(302).extract().cookie("quarkus-credential");
        assertNotNull(cookie, "form sign-in sets the session cookie");
        return cookie;
    }
}
