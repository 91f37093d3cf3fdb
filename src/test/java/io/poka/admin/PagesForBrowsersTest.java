package io.poka.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.poka.lots.LotFixtures;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a browser gets from /ui that an API client does not: pages for errors, and a sign-in that remembers the page. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PagesForBrowsersTest {
    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static String signIn(String user, String password) {
        String cookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check")
                .then().statusCode(302).extract().cookie("quarkus-credential");
        assertNotNull(cookie);
        return cookie;
    }

    @Test
    void signingInReturnsToThePageThatWasAskedFor() {
        var asked = given().redirects().follow(false).accept(HTML).get("/ui/alerts?status=OPEN");
        asked.then().statusCode(303).header("Location", containsString("/ui/login"));
        String location = asked.getCookie("quarkus-redirect-location");
        assertNotNull(location, "the page asked for is remembered");
        given().redirects().follow(false).cookie("quarkus-redirect-location", location)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", Api.ADMIN_PASSWORD).post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/ui/alerts?status=OPEN"));
    }

    @Test
    void aPageThatFailsIsAnHtmlPageForTheBrowserAndProblemJsonForTheApi() {
        String cookie = signIn(LotFixtures.user(Roles.INSPECTOR), LotFixtures.PASSWORD);
        String missing = "/ui/lots/" + UUID.randomUUID();
        given().cookie("quarkus-credential", cookie).accept(HTML).get(missing).then().statusCode(404)
                .contentType(startsWith("text/html")).body(containsString("<h1 id=\"error-h\">"))
                .body(containsString("Back to the dashboard"));
        // the API stays problem+json whatever the client accepts
        given().cookie("quarkus-credential", cookie).accept(HTML).get("/api/v1/lots/" + UUID.randomUUID()).then()
                .statusCode(404).contentType(Problems.MEDIA_TYPE).body("type", equalTo(Problems.NOT_FOUND));
        given().cookie("quarkus-credential", cookie).accept(HTML).get("/ui/audit").then().statusCode(403)
                .contentType(startsWith("text/html")).body(containsString("error-detail"));
    }

    @Test
    void aTemporaryPasswordLeadsEveryPageToTheChangePasswordPage() {
        String user = "tmpui-" + UUID.randomUUID().toString().substring(0, 8);
        Api.asAdmin().body(java.util.Map.of("username", user, "displayName", user, "password", "set-by-the-admin",
                "roles", java.util.List.of(Roles.QA_MANAGER))).post("/api/v1/users").then().statusCode(201);
        String cookie = signIn(user, "set-by-the-admin");
        given().cookie("quarkus-credential", cookie).redirects().follow(false).accept(HTML).get("/ui/lots").then()
                .statusCode(303).header("Location", endsWith("/ui/password"));
        given().cookie("quarkus-credential", cookie).accept(HTML).get("/ui/password").then().statusCode(200)
                .body(containsString("id=\"password-required\""));
    }
}
