package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.alerts.AlertFixtures;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A QA manager freezes an attribute chart's phase I limits from its page (through the spc REST API); the page then
 * shows the version, its origin and the violations stored for samples posted after freezing. Limits: the first 15
 * samples of 100 hold 63 nonconforming units, p-bar = 0.042, UCL = 0.042 + 3 sqrt(0.042 · 0.958 / 100) = 0.1022
 * (Montgomery, Introduction to Statistical Quality Control, 7.2).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AttributeChartLimitsBrowserTest {
    private static final List<Integer> COUNTS = List.of(4, 5, 3, 6, 4, 5, 2, 4, 5, 3, 6, 4, 5, 3, 4, 14);

    @TestHTTPResource("/")
    URL base;

    @Test
    void aQaManagerFreezesAttributeLimitsFromThePageAndLaterSamplesAreStoredViolations() {
        String name = "final-visual-" + UUID.randomUUID().toString().substring(0, 8);
        String api = AttributeChartFixtures.api(name);
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        AttributeChartFixtures.postHourly(api, COUNTS, start);
        String page = "/ui/attribute-charts/" + name + "?from=" + start.toString().substring(0, 19);
        String qa = AlertFixtures.user("qa-manager");
        try (Browser browser = Browser.open(base)) {
            browser.signIn(qa, AlertFixtures.PASSWORD);
            browser.go(page);
            assertEquals("", browser.find(By.id("limits-version")).getDomAttribute("data-version"));
            setInput(browser, "baseline-from", start);
            setInput(browser, "baseline-to", start.plus(15, ChronoUnit.HOURS));
            browser.find(By.cssSelector("#phase-one-form button[type=submit]")).click();
            browser.waitFor(d -> "1".equals(d.findElement(By.id("limits-version")).getDomAttribute("data-version")));
            assertTrue(browser.find(By.id("messages")).getText().contains("Limits v1 frozen from 15 points"));
            assertEquals("PHASE_I_ESTIMATE", browser.find(By.id("limits-version")).getDomAttribute("data-origin"));
            assertTrue(browser.find(By.id("limits-version")).getText().contains("by " + qa));
            assertTrue(browser.find(By.id("limits-version")).getText().contains("0.042"));

            // a sample beyond the frozen UCL, posted after freezing: stored, listed with its limits version
            Instant late = start.plus(16, ChronoUnit.HOURS);
            AttributeChartFixtures.post(api, 25, late);
            browser.go(page);
            String stored = browser.find(By.id("stored-violations")).getText();
            assertTrue(stored.contains("WE1") && stored.contains(late.toString()) && stored.contains("v1"), stored);
            browser.find(By.cssSelector("#main-chart .rule-marker[data-rule~='WE1']"));
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('main-chart').scrollIntoView(); window.scrollBy(0, -8);");
            browser.screenshot("19-chart-attribute-limits-frozen");

            // its alert leads back to the attribute chart
            String alertId = Api.asAdmin().queryParam("line", "attribute-charts").queryParam("limit", 1000)
                    .get("/api/v1/alerts").then().statusCode(200).extract()
                    .path("find { it.variable == '" + name + "' && it.ruleId == 'WE1' }.id");
            browser.go("/ui/alerts/" + alertId);
            assertTrue(browser.find(By.id("chart-link")).getDomAttribute("href")
                    .startsWith("/ui/attribute-charts/" + name + "?from="));
            browser.find(By.id("chart-link")).click();
            browser.waitFor(d -> "1".equals(d.findElement(By.id("limits-version")).getDomAttribute("data-version")));
        }
        Api.asAdmin().get(api + "/limits").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.contains(1))
                .body("frozenBy", org.hamcrest.Matchers.contains(qa))
                .body("baselineCount", org.hamcrest.Matchers.contains(15));

        // an inspector sees the version but is offered no freeze action
        String inspector = AlertFixtures.user("inspector");
        try (Browser tablet = Browser.open(base, 820, 1180)) {
            tablet.signIn(inspector, AlertFixtures.PASSWORD);
            tablet.go(page);
            assertEquals("1", tablet.find(By.id("limits-version")).getDomAttribute("data-version"));
            assertTrue(tablet.driver().findElements(By.id("phase-one-form")).isEmpty());
            tablet.screenshot("19b-chart-attribute-limits-inspector-tablet");
        }
    }

    private static void setInput(Browser browser, String id, Instant t) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id, t.toString().substring(0, 19));
    }
}
