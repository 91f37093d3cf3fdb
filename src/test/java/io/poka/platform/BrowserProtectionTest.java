package io.poka.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.poka.lots.LotFixtures;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a browser's session must not allow: another site's page making the signed-in user's browser change data
 * (CSRF), framing, sniffing and inline script; HTTP Basic clients are not exposed and keep working unchanged.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class BrowserProtectionTest {
    private static final String LOTS = "/api/v1/lots";

    @TestHTTPResource("/")
    URL base;

    private String ownOrigin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    private static String awaitingLot() {
        String lot = LotFixtures.as(Roles.INTEGRATION).body(LotFixtures.newLot(LotFixtures.unique("P"),
                LotFixtures.unique("EXT"))).post(LOTS).then().statusCode(201).extract().path("id");
        LotFixtures.as(Roles.INTEGRATION).body(Map.of("to", "AWAITING_INSPECTION")).post(LOTS + "/" + lot + "/moves")
                .then().statusCode(200);
        return lot;
    }

    private String signIn() {
        String cookie = given().redirects().follow(false).header("Origin", ownOrigin())
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", LotFixtures.user(Roles.QA_MANAGER)).formParam("j_password", LotFixtures.PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().cookie("quarkus-credential");
        assertNotNull(cookie);
        return cookie;
    }

    @Test
    void aCrossOriginPostWithTheSessionCookieIsRefusedAndChangesNothing() {
        String lot = awaitingLot();
        String cookie = signIn();
        given().cookie("quarkus-credential", cookie).header("Origin", "https://evil.example")
                .contentType("application/json").body(Map.of("reason", "csrf")).post(LOTS + "/" + lot + "/hold")
                .then().statusCode(403).contentType(Problems.MEDIA_TYPE).body("type", equalTo(Problems.CROSS_ORIGIN));
        given().cookie("quarkus-credential", cookie).header("Referer", "https://evil.example/page")
                .contentType("application/json").body(Map.of("reason", "csrf")).post(LOTS + "/" + lot + "/hold")
                .then().statusCode(403).body("type", equalTo(Problems.CROSS_ORIGIN));
        given().cookie("quarkus-credential", cookie)
                .contentType("application/json").body(Map.of("reason", "csrf")).post(LOTS + "/" + lot + "/hold")
                .then().statusCode(403).body("type", equalTo(Problems.CROSS_ORIGIN));
        Api.asAdmin().get(LOTS + "/" + lot).then().body("status", equalTo("AWAITING_INSPECTION"));
    }

    @Test
    void aSameOriginPostWithTheSessionCookieIsAccepted() {
        String lot = awaitingLot();
        given().cookie("quarkus-credential", signIn()).header("Origin", ownOrigin())
                .contentType("application/json").body(Map.of("reason", "same site")).post(LOTS + "/" + lot + "/hold")
                .then().statusCode(200).body("status", equalTo("ON_HOLD"));
    }

    @Test
    void httpBasicClientsNeedNoOrigin() {
        String lot = awaitingLot();
        LotFixtures.as(Roles.QA_MANAGER).header("Origin", "https://erp.example").body(Map.of("reason", "erp"))
                .post(LOTS + "/" + lot + "/hold").then().statusCode(200);
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() {
        given().redirects().follow(false).header("Origin", "https://evil.example")
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", LotFixtures.user(Roles.QA_MANAGER)).formParam("j_password", LotFixtures.PASSWORD)
                .post("/j_security_check").then().statusCode(403).header("Set-Cookie", nullValue());
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScriptAndCannotBeFramed() {
        given().get("/ui/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Strict-Transport-Security", nullValue());
        Api.asAdmin().get("/api/v1/me").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }
}
