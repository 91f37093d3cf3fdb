package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.admin.internal.AttributeChartFeed;
import io.poka.alerts.AlertFixtures;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * An open attribute chart page follows samples posted over the REST API without a reload: the points are drawn
 * and a new stored violation is listed and announced. Limits: the 15 baseline samples of 100 hold 63 nonconforming
 * units, p-bar = 0.042, UCL = 0.042 + 3 sqrt(0.042 · 0.958 / 100) = 0.1022 (Montgomery, Introduction to
 * Statistical Quality Control, 7.2); 5 of 100 (0.05) is in control, 25 of 100 (0.25) beyond the UCL (WE1).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AttributeChartLiveBrowserTest {
    private static final List<Integer> BASELINE = List.of(4, 5, 3, 6, 4, 5, 2, 4, 5, 3, 6, 4, 5, 3, 4);

    @TestHTTPResource("/")
    URL base;

    @Inject
    AttributeChartFeed feed;

    @Test
    void samplesPostedWhileTheFrozenChartIsOpenAreDrawnAndANewViolationIsListedWithoutReload() {
        String name = "live-p-" + UUID.randomUUID().toString().substring(0, 8);
        String api = AttributeChartFixtures.api(name);
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        AttributeChartFixtures.postHourly(api, BASELINE, start);
        Api.asAdmin().body(Map.of("from", start.toString(), "to", start.plus(15, ChronoUnit.HOURS).toString()))
                .post(api + "/limits/phase-one").then().statusCode(201);

        // a tall laptop window, so the screenshot holds the chart, both tables and the live region
        try (Browser browser = Browser.open(base, 1366, 1700)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            browser.go("/ui/attribute-charts/" + name + "?from=" + start.toString().substring(0, 19));
            assertEquals("1", browser.find(By.id("limits-version")).getDomAttribute("data-version"));
            assertEquals("15", browser.find(By.id("main-chart")).getDomAttribute("data-points"));
            assertTrue(browser.find(By.id("live-status")).getText().contains("Live"));
            assertTrue(browser.find(By.id("stored-none")).isDisplayed(), "no violation stored yet");
            Awaitility.await("the open page follows the chart").atMost(Duration.ofSeconds(30))
                    .until(() -> feed.viewers() == 1);
            // a marker in the window object survives only if the page is not reloaded
            js(browser, "window.pokaNoReload = true;");

            AttributeChartFixtures.post(api, 5, start.plus(16, ChronoUnit.HOURS));
            browser.waitFor(d -> "16".equals(d.findElement(By.id("main-chart")).getDomAttribute("data-points")));
            assertTrue(browser.driver().findElements(By.cssSelector("#stored-body tr")).isEmpty(), "in control");

            Instant beyond = start.plus(17, ChronoUnit.HOURS);
            long sent = System.nanoTime();
            AttributeChartFixtures.post(api, 25, beyond);
            browser.waitFor(d -> "17".equals(d.findElement(By.id("main-chart")).getDomAttribute("data-points")));
            browser.waitFor(d -> !d.findElements(By.cssSelector("#stored-body tr")).isEmpty());
            System.out.printf("Live attribute chart update: sample posted -> listed in the open page in %d ms%n",
                    (System.nanoTime() - sent) / 1_000_000);
            WebElement stored = browser.find(By.cssSelector("#stored-body tr"));
            assertTrue(stored.getText().contains("WE1") && stored.getText().contains(beyond.toString())
                    && stored.getText().contains("v1"), stored.getText());
            assertTrue(browser.find(By.id("violations")).getText().contains("WE1"), "the point's rule is listed");
            assertTrue(browser.find(By.id("violations")).getText().contains("0.250"), "with its value 25/100");
            browser.find(By.cssSelector("#main-chart .rule-marker[data-rule~='WE1']"));
            assertTrue(browser.find(By.id("live-log")).getText().contains("WE1"), "announced in the live region");
            assertTrue(!browser.driver().findElement(By.id("stored-none")).isDisplayed(), "the empty note is hidden");
            assertEquals(Boolean.TRUE, js(browser, "return window.pokaNoReload;"));
            String id = Api.asAdmin().queryParam("from", start.toString()).get(api).then().statusCode(200)
                    .extract().path("violations.find { it.ruleId == 'WE1' }.violationId");
            assertEquals(id, stored.getDomAttribute("data-id"), "the page lists the violation the API stores");
            js(browser, "document.getElementById('main-chart').scrollIntoView(); window.scrollBy(0, -8);");
            browser.screenshot("18b-chart-attribute-live-update");
        }
        // closing the page ends its stream: no viewer is left behind on the server
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> feed.viewers() == 0);
    }

    @Test
    void aPhaseOnePreviewPageDrawsNewSamplesAgainstTheBaselineItWasRenderedWith() {
        String name = "live-preview-" + UUID.randomUUID().toString().substring(0, 8);
        String api = AttributeChartFixtures.api(name);
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        AttributeChartFixtures.postHourly(api, BASELINE.subList(0, 5), start);
        try (Browser browser = Browser.open(base)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            browser.go("/ui/attribute-charts/" + name + "?from=" + start.toString().substring(0, 19));
            assertEquals("", browser.find(By.id("limits-version")).getDomAttribute("data-version"));
            assertEquals("5", browser.find(By.id("main-chart")).getDomAttribute("data-points"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> feed.viewers() == 1);
            AttributeChartFixtures.post(api, 40, start.plus(5, ChronoUnit.HOURS));
            browser.waitFor(d -> "6".equals(d.findElement(By.id("main-chart")).getDomAttribute("data-points")));
            // the preview's baseline is the page's range, which now holds the new sample too, as a reload would show
            browser.waitFor(d -> d.findElement(By.id("violations")).getText().contains("WE1"));
            assertTrue(browser.find(By.id("live-log")).getText().contains("phase I preview"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> feed.viewers() == 0);
    }

    @Test
    void theStreamIsRefusedToARoleThatMayNotSeeThePage() {
        String integration = AlertFixtures.user("integration");
        try (Browser browser = Browser.open(base)) {
            browser.signIn(integration, AlertFixtures.PASSWORD);
            String session = browser.driver().manage().getCookieNamed("quarkus-credential").getValue();
            for (String path : List.of("/ui/attribute-charts/any",
                    "/ui/attribute-charts/any/stream?after=2026-01-01T00:00:00Z")) {
                io.restassured.RestAssured.given().cookie("quarkus-credential", session).redirects().follow(false)
                        .get(path).then().statusCode(403);
            }
        }
    }

    private static Object js(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}
