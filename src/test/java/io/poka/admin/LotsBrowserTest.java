package io.poka.admin;

import static io.poka.lots.LotFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.inspections.InspectedLots;
import io.poka.inspections.InspectedLots.Scenario;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A QA manager and an inspector work with lots in a real browser: search, detail with history, genealogy and the
 * inspection's verdicts, a hold with a reason, a release signed electronically; every action is checked on the page
 * and through the API.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LotsBrowserTest {
    private static final String PASSWORD = "lots-ui-password-1";
    private static final String PRINTED_NAME = "Quinn Quality-" + UUID.randomUUID().toString().substring(0, 6);
    private static String qaManager;
    private static String inspector;

    @TestHTTPResource("/")
    URL base;

    private static synchronized String qaManager() {
        if (qaManager == null) {
            qaManager = createUser("qa-ui-", PRINTED_NAME, "qa-manager");
        }
        return qaManager;
    }

    private static synchronized String inspector() {
        if (inspector == null) {
            inspector = createUser("insp-ui-", "Ina Inspector", "inspector");
        }
        return inspector;
    }

    private static String createUser(String prefix, String displayName, String role) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", name, "displayName", displayName, "password", PASSWORD,
                "roles", List.of(role)));
        return name;
    }

    private static JsonPath lot(String id) {
        return Api.asAdmin().get("/api/v1/lots/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static void scrollTo(Browser b, String id) {
        ((JavascriptExecutor) b.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView(); window.scrollBy(0, -80);", id);
    }

    private static void waitForStatus(Browser b, String word) {
        b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("lot-status"), word));
    }

    @Test
    void aQaManagerFindsALotAndSeesItsHistoryGenealogyAndInspection() {
        Scenario s = InspectedLots.readyForRelease();
        try (Browser b = Browser.open(base)) {
            b.signIn(qaManager(), PASSWORD);
            b.go("/ui/lots");
            b.find(By.id("q")).sendKeys(s.externalId().substring(4));
            b.find(By.id("product")).sendKeys(s.product());
            b.find(By.cssSelector("form[role=search] button[type=submit]")).click();
            WebElement link = b.find(By.linkText(s.externalId()));
            assertTrue(b.find(By.id("result-count")).getText().startsWith("1 lot found"));
            assertTrue(b.find(By.id("lots-table")).getText().contains("Ready for release"));
            b.screenshot("30-lots-search");

            link.click();
            b.waitFor(ExpectedConditions.urlContains("/ui/lots/" + s.lotId()));
            assertEquals("Ready for release", b.find(By.id("lot-status")).getText());
            String history = b.find(By.id("history")).getText();
            assertTrue(history.contains("Created") && history.contains("Awaiting inspection")
                    && history.contains("accepted the lot"), history);
            // ISO 2859-1:1999 Tables 1 and 2-A for a lot of 500 at level II (see InspectedLots)
            String verdicts = b.find(By.cssSelector("#inspections table.verdicts")).getText();
            assertTrue(verdicts.contains("MAJOR NORMAL H 1.0 50 1 2 0"), verdicts);
            assertTrue(verdicts.contains("MINOR NORMAL H 2.5 50 3 4 1"), verdicts);
            assertTrue(b.find(By.cssSelector("#inspections h3")).getText().contains("Accepted"));
            String plan = b.find(By.cssSelector("#inspections .plan")).getText();
            assertTrue(plan.contains("Incoming " + s.product() + " version 1 (ISO 2859-1 single sampling, inspection level II)"), plan);
            b.screenshot("31-lot-detail");

            WebElement upstream = b.find(By.cssSelector("#upstream a"));
            assertEquals(s.parentExternalId(), upstream.getText());
            assertTrue(b.find(By.id("upstream")).getText().contains("split"));
            assertEquals(s.childExternalId(), b.find(By.cssSelector("#downstream a")).getText());
            assertTrue(b.find(By.id("downstream")).getText().contains("consumed into"));
            scrollTo(b, "genealogy");
            b.screenshot("34-genealogy");

            // keyboard: the tree is made of links; focus the parent and follow it with Enter
            ((JavascriptExecutor) b.driver()).executeScript("arguments[0].focus()", upstream);
            b.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
            b.waitFor(ExpectedConditions.urlContains("/ui/lots/" + s.parentId()));
            assertEquals(s.externalId(), b.find(By.cssSelector("#downstream a")).getText(), "the parent's child is our lot");
        }
    }

    @Test
    void aQaManagerPutsALotOnHoldWithAReasonAndTheSearchShowsItHeld() {
        String product = unique("HOLD");
        String externalId = unique("LOT");
        String lotId = InspectedLots.create(product, externalId);
        try (Browser b = Browser.open(base)) {
            b.signIn(qaManager(), PASSWORD);
            b.go("/ui/lots/" + lotId);
            b.find(By.id("hold-reason")).sendKeys("burr found on first articles");
            b.find(By.id("hold-button")).click();
            waitForStatus(b, "On hold");
            assertTrue(b.find(By.id("hold-banner")).getText().contains("burr found on first articles"));
            assertTrue(b.find(By.id("messages")).getText().contains("Lot put on hold."));
            assertTrue(b.find(By.id("history")).getText().contains(qaManager()));

            b.go("/ui/lots");
            assertTrue(Long.parseLong(b.find(By.id("on-hold-count")).getText()) >= 1);
            new Select(b.find(By.id("status"))).selectByValue("ON_HOLD");
            b.find(By.id("product")).sendKeys(product);
            b.find(By.cssSelector("form[role=search] button[type=submit]")).click();
            WebElement row = b.find(By.cssSelector("#lots-table tbody tr"));
            assertTrue(row.getAttribute("class").contains("held-row"));
            assertTrue(row.getText().contains(externalId) && row.getText().contains("On hold")
                    && row.getText().contains("burr found on first articles"), row.getText());
            b.screenshot("37-lots-on-hold");
        }
        JsonPath after = lot(lotId);
        assertEquals("ON_HOLD", after.getString("status"));
        assertEquals("burr found on first articles", after.getString("hold.reason"));
        assertEquals(qaManager(), after.getString("hold.heldBy"));
    }

    @Test
    void aQaManagerReleasesALotWithAnElectronicSignatureAfterAWrongPasswordIsRefused() {
        Scenario s = InspectedLots.readyForRelease();
        long version = lot(s.lotId()).getLong("version");
        try (Browser b = Browser.open(base)) {
            b.signIn(qaManager(), PASSWORD);
            b.go("/ui/lots/" + s.lotId());
            b.find(By.id("release-button")).click();
            WebElement dialog = b.find(By.id("release-dialog"));
            assertTrue(dialog.getText().contains("electronic signature under 21 CFR Part 11"));
            b.find(By.id("release-dialog-reason")).sendKeys("inspection accepted, certificates complete");
            new Select(b.find(By.id("release-dialog-meaning"))).selectByValue("APPROVAL");
            b.find(By.id("release-dialog-password")).sendKeys("not-my-password");
            dialog.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement problem = b.find(By.cssSelector("#release-dialog .dialog-problem"));
            assertTrue(problem.getText().contains("Signature rejected"), problem.getText());
            assertTrue(problem.getText().contains("nothing was changed"), problem.getText());
            b.screenshot("32-lot-release-signature");
            JsonPath unchanged = lot(s.lotId());
            assertEquals("READY_FOR_RELEASE", unchanged.getString("status"));
            assertEquals(version, unchanged.getLong("version"));

            b.find(By.id("release-dialog-password")).sendKeys(PASSWORD);
            dialog.findElement(By.cssSelector("button[type=submit]")).click();
            waitForStatus(b, "Released");
            String history = b.find(By.id("history")).getText();
            assertTrue(history.contains("Signed by " + PRINTED_NAME + " (" + qaManager() + "), meaning approval"), history);
            assertTrue(b.driver().findElements(By.id("release-button")).isEmpty(), "a released lot is not offered a release");
            scrollTo(b, "history");
            b.screenshot("33-lot-released");
        }
        assertEquals("RELEASED", lot(s.lotId()).getString("status"));
        Api.asAdmin().get("/api/v1/lots/" + s.lotId() + "/history").then().statusCode(200)
                .body("[-1].to", equalTo("RELEASED"))
                .body("[-1].signature.printedName", equalTo(PRINTED_NAME))
                .body("[-1].signature.meaning", equalTo("APPROVAL"));
    }

    @Test
    void aPageReadBeforeSomeoneElseChangedTheLotCannotOverwriteTheChange() {
        String lotId = InspectedLots.create(unique("STALE"), unique("LOT"));
        try (Browser b = Browser.open(base)) {
            b.signIn(qaManager(), PASSWORD);
            b.go("/ui/lots/" + lotId);
            b.find(By.id("hold-reason")).sendKeys("second opinion");
            // meanwhile the MES moves the lot on: the page's If-Match ("0") is now stale
            Api.asAdmin().body(Map.of("to", "IN_PROCESS")).post("/api/v1/lots/" + lotId + "/moves").then().statusCode(200);
            b.find(By.id("hold-button")).click();
            WebElement problem = b.find(By.cssSelector("#messages .problem"));
            assertTrue(problem.getText().contains("Precondition failed"), problem.getText());
            assertEquals("Created", b.find(By.id("lot-status")).getText(), "the page was not reloaded");
        }
        JsonPath after = lot(lotId);
        assertEquals("IN_PROCESS", after.getString("status"));
        assertEquals(1, after.getInt("version"));
    }

    @Test
    void aQaManagerSendsAHeldLotToReworkWithASignedDisposition() {
        String lotId = InspectedLots.create(unique("DISP"), unique("LOT"));
        Api.asAdmin().body(Map.of("reason", "cracks on 3 units")).post("/api/v1/lots/" + lotId + "/quarantine").then()
                .statusCode(200);
        try (Browser b = Browser.open(base)) {
            b.signIn(qaManager(), PASSWORD);
            b.go("/ui/lots/" + lotId);
            assertEquals("Quarantined", b.find(By.id("lot-status")).getText());
            b.find(By.id("disposition-button")).click();
            new Select(b.find(By.id("disposition-decision"))).selectByValue("REWORK");
            b.find(By.id("disposition-dialog-reason")).sendKeys("deburr all units, re-inspect");
            new Select(b.find(By.id("disposition-dialog-meaning"))).selectByValue("RESPONSIBILITY");
            b.find(By.id("disposition-dialog-password")).sendKeys(PASSWORD);
            b.find(By.cssSelector("#disposition-dialog button[type=submit]")).click();
            waitForStatus(b, "In process");
            assertTrue(b.find(By.id("history")).getText().contains("disposition rework"));
        }
        assertEquals("IN_PROCESS", lot(lotId).getString("status"));
        Api.asAdmin().get("/api/v1/lots/" + lotId + "/dispositions").then().statusCode(200)
                .body("[0].decision", equalTo("REWORK")).body("[0].signature.meaning", equalTo("RESPONSIBILITY"))
                .body("[0].signature.printedName", equalTo(PRINTED_NAME));
    }

    @Test
    void anInspectorIsNotOfferedTheReleaseAndTheApiRefusesIt() {
        Scenario s = InspectedLots.readyForRelease();
        try (Browser b = Browser.open(base, 820, 1180)) {
            b.signIn(inspector(), PASSWORD);
            b.go("/ui/lots/" + s.lotId());
            assertEquals("Ready for release", b.find(By.id("lot-status")).getText());
            assertTrue(b.find(By.id("no-actions")).getText().contains("qa-manager"));
            assertTrue(b.driver().findElements(By.id("release-button")).isEmpty(), "no release button");
            assertTrue(b.driver().findElements(By.id("release-dialog")).isEmpty(), "no signature dialog");
            assertTrue(b.driver().findElements(By.id("hold-button")).isEmpty(), "holds are qa-manager/admin in the API");
            b.screenshot("35-lot-detail-tablet-inspector");
            b.go("/ui/lots?status=READY_FOR_RELEASE&product=" + s.product());
            b.find(By.linkText(s.externalId()));
            b.screenshot("36-lots-search-tablet");
        }
        Api.as(inspector(), PASSWORD).body(Map.of("reason", "looks fine", "signature",
                Map.of("password", PASSWORD, "meaning", "APPROVAL"))).post("/api/v1/lots/" + s.lotId() + "/release")
                .then().statusCode(403);
        assertEquals("READY_FOR_RELEASE", lot(s.lotId()).getString("status"));
    }
}
