package io.poka.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SignInBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPageNeedsSignInAndTheFormSignsInWithTheFoundationsUsers() {
        try (Browser browser = Browser.open(base)) {
            browser.go("/ui");
            browser.waitFor(ExpectedConditions.urlContains("/ui/login"));
            browser.screenshot("01-sign-in");
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            assertEquals("admin", browser.find(By.cssSelector("form.who span")).getText());
            browser.screenshot("02-dashboard");
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() {
        try (Browser browser = Browser.open(base)) {
            browser.go("/ui/login");
            browser.driver().findElement(By.id("j_username")).sendKeys("admin");
            browser.driver().findElement(By.id("j_password")).sendKeys("not-the-password");
            browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
            assertTrue(browser.find(By.cssSelector(".problem")).getText().contains("wrong"));
            assertTrue(browser.driver().findElements(By.cssSelector("form.who")).isEmpty(), "not signed in");
        }
    }

    @Test
    void anAuditorIsOfferedTheAuditPageAndAnInspectorIsNot() {
        String auditor = "aud-" + UUID.randomUUID().toString().substring(0, 8);
        String inspector = "insp-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(auditor, "auditor");
        createUser(inspector, "inspector");
        try (Browser browser = Browser.open(base)) {
            browser.signIn(auditor, "a-long-password-1");
            assertEquals(1, browser.driver().findElements(By.cssSelector("nav a[href='/ui/audit']")).size());
            browser.driver().findElement(By.cssSelector("form.who button")).click();
            browser.waitFor(ExpectedConditions.urlContains("signed-out"));
            browser.signIn(inspector, "a-long-password-1");
            assertTrue(browser.driver().findElements(By.cssSelector("nav a[href='/ui/audit']")).isEmpty(), "no audit link");
        }
    }

    @Test
    void aUserWithAnAdminSetPasswordChoosesTheirOwnAtFirstSignInAndReturnsToTheDashboard() {
        String user = "first-" + UUID.randomUUID().toString().substring(0, 8);
        Api.asAdmin().body(Map.of("username", user, "displayName", user, "password", "set-by-the-admin",
                "roles", List.of("qa-manager"))).post("/api/v1/users").then().statusCode(201);
        try (Browser browser = Browser.open(base)) {
            browser.signIn(user, "set-by-the-admin");
            browser.waitFor(ExpectedConditions.urlContains("/ui/password"));
            assertTrue(browser.find(By.id("password-required")).getText().contains("set by an administrator"));
            browser.screenshot("03-change-temporary-password");
            browser.find(By.id("current-password")).sendKeys("set-by-the-admin");
            browser.find(By.id("new-password")).sendKeys("my-own-password-1");
            browser.find(By.id("confirm-password")).sendKeys("my-own-password-2");
            browser.find(By.cssSelector("#password-form button[type=submit]")).click();
            assertTrue(browser.find(By.cssSelector("#messages .problem")).getText().contains("differ"));
            browser.find(By.id("confirm-password")).clear();
            browser.find(By.id("confirm-password")).sendKeys("my-own-password-1");
            browser.find(By.cssSelector("#password-form button[type=submit]")).click();
            browser.waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/ui/password")));
            browser.go("/ui/lots");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/ui/lots"), browser.driver().getCurrentUrl());
        }
        Api.as(user, "my-own-password-1").get("/api/v1/lots").then().statusCode(200);
    }

    @Test
    void signingInAfterFollowingALinkOpensThatPage() {
        try (Browser browser = Browser.open(base)) {
            browser.go("/ui/alerts");
            browser.waitFor(ExpectedConditions.urlContains("/ui/login"));
            browser.driver().findElement(By.id("j_username")).sendKeys("admin");
            browser.driver().findElement(By.id("j_password")).sendKeys(Api.ADMIN_PASSWORD);
            browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitFor(ExpectedConditions.urlContains("/ui/alerts"));
            assertTrue(browser.driver().findElements(By.cssSelector("form.who")).size() == 1, "signed in");
        }
    }

    @Test
    void theApiStillAnswers401WithABasicChallengeToMachines() {
        given().accept("application/json").get("/api/v1/lots").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("Basic"));
    }

    private static void createUser(String name, String role) {
        Api.createUser(Map.of("username", name, "displayName", name, "password", "a-long-password-1",
                "roles", List.of(role)));
    }
}
