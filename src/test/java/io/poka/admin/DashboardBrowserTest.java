package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.alerts.AlertFixtures;
import io.poka.lots.LotFixtures;
import io.poka.platform.Roles;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The dashboard shows, from the modules' own data, what is out of control, what is held and how capable processes are. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DashboardBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aQaManagerSeesOpenAlertsHeldLotsOutOfControlProcessesAndCapabilityBands() {
        String line = AlertFixtures.lineWithWe1AndWe2Alerts();
        // A second variable of the line with a specification it cannot meet: sd 0.5 inside 9..11 gives Cpk about 0.67.
        TelemetryFixtures.defineVariable(line, "bore", "mm", ",\"lsl\":9,\"usl\":11,\"target\":10");
        Random random = new Random(7);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            values.add(10 + 0.5 * random.nextGaussian());
        }
        TelemetryFixtures.postValues(line, "bore", "mm", Instant.now().minus(2, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS), values);
        String lotNumber = LotFixtures.unique("DASH");
        String lotId = LotFixtures.as(Roles.INTEGRATION).body(LotFixtures.newLot("VALVE-9", lotNumber))
                .post("/api/v1/lots").then().statusCode(201).extract().path("id");
        LotFixtures.as(Roles.QA_MANAGER).body(Map.of("reason", "WE1 on " + line + " temp")).post("/api/v1/lots/" + lotId + "/hold")
                .then().statusCode(200);
        int openAlerts = Api.asAdmin().queryParam("limit", 1000).get("/api/v1/alerts").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.status != 'RESOLVED' }").size();
        String manager = AlertFixtures.user(Roles.QA_MANAGER);

        try (Browser browser = Browser.open(base)) {
            browser.signIn(manager, AlertFixtures.PASSWORD);
            browser.go("/ui");
            assertEquals(String.valueOf(openAlerts), browser.find(By.cssSelector("#tile-alerts .kpi")).getText(),
                    "open alerts as the alerts API counts them");

            WebElement process = row(browser, "#out-of-control-table", line);
            assertTrue(process.getText().contains("temp") && process.getText().contains("HIGH"), process.getText());
            assertTrue(process.findElement(By.cssSelector("a[href='/ui/charts/" + line + "/temp']")).getText()
                    .startsWith("Open chart"), "a link to the process's control chart");
            assertTrue(row(browser, "#alert-counts", line).getText().contains("HIGH"));

            WebElement held = row(browser, "#held-lots-table", lotNumber);
            assertTrue(held.getText().contains("On hold") && held.getText().contains("WE1 on " + line), held.getText());

            WebElement capability = row(browser, "#capability-table", line);
            assertTrue(capability.getText().contains("bore") && capability.getText().contains("Not capable (Cpk < 1.00)"),
                    capability.getText());
            assertTrue(capability.findElements(By.cssSelector(".badge.bad")).size() == 1, "band shown as a badge");
            browser.screenshot("03-dashboard");

            held.findElement(By.linkText(lotNumber)).click();
            browser.waitFor(ExpectedConditions.urlContains("/ui/lots/" + lotId));
        }
        try (Browser tablet = Browser.open(base, 820, 1180)) {
            tablet.signIn(manager, AlertFixtures.PASSWORD);
            tablet.find(By.id("tile-alerts"));
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) tablet.driver())
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, overflow, "nothing scrolls sideways on a tablet");
            tablet.screenshot("04-dashboard-tablet");
        }
    }

    private static WebElement row(Browser browser, String table, String text) {
        return browser.find(By.xpath("//*[@id='" + table.substring(1) + "']//tr[contains(., '" + text + "')]"));
    }
}
