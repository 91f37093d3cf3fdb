package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.admin.internal.ChartFeed;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A QA manager's control chart screens in a real browser: a variable with a frozen phase I baseline and a reading
 * beyond its limits shows the rule on the chart and in the list; readings sent while the page is open appear
 * without a reload; a range is zoomed by the inputs and by dragging; EWMA, CUSUM and a p chart are drawn.
 * Limits: the baseline below has mean 10.0 and MR-bar 0.3, so sigma = 0.3 / 1.128 = 0.266 and UCL = 10.798,
 * LCL = 9.202 (Montgomery's I-MR formulas, as in ControlChartsEndToEndTest).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ControlChartsBrowserTest {
    private static final List<Double> BASELINE = List.of(10.0, 10.2, 9.8, 10.1, 9.9, 10.0, 10.3, 9.7, 10.1, 9.9);

    @TestHTTPResource("/")
    URL base;

    @Inject
    ChartFeed feed;

    @Test
    void aViolationIsMarkedAndListedAndNewReadingsArriveLiveAndTheRangeZooms() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "diameter", "mm",
                ",\"lsl\":9,\"usl\":11,\"target\":10,\"description\":\"Shaft diameter\"");
        Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            baseline.addAll(BASELINE);
        }
        TelemetryFixtures.postValues(line, "diameter", "mm", start, baseline);
        freezePhaseOne(line, "diameter", start, start.plusSeconds(30));
        // phase II: in control, then 11.2 beyond the UCL 10.798 (WE1), then in control again
        TelemetryFixtures.postValues(line, "diameter", "mm", start.plusSeconds(60),
                List.of(10.0, 10.1, 9.9, 11.2, 10.0, 9.9, 10.1));

        try (Browser browser = Browser.open(base)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            browser.go("/ui/charts");
            new Select(browser.find(By.id("chart-pick"))).selectByVisibleText(
                    line + " / diameter — Shaft diameter (IMR)");
            WebElement row = browser.find(By.xpath("//tr[td[1][text()='" + line + "']]"));
            String rowText = row.getText();
            assertTrue(rowText.contains("v1"), rowText);
            browser.screenshot("10-charts-picker");
            browser.driver().findElement(By.cssSelector("form[action='/ui/charts/open'] button")).click();
            browser.waitFor(ExpectedConditions.urlContains("/ui/charts/" + line + "/diameter"));

            WebElement marker = browser.find(By.cssSelector("#main-chart .rule-marker[data-rule~='WE1']"));
            assertTrue(marker.getText().contains("WE1"), "the marker names the rule: " + marker.getText());
            assertEquals(start.plusSeconds(63).toString(), marker.getDomAttribute("data-time"));
            assertEquals("37", browser.find(By.id("main-chart")).getDomAttribute("data-points"));
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#violations-body tr"));
            assertTrue(rows.stream().anyMatch(r -> r.getText().contains("WE1")
                    && r.getText().contains(start.plusSeconds(63).toString())), "WE1 listed with its time");
            int listed = rows.size();
            assertEquals(listed, violationsFromApi(line, start));
            assertTrue(browser.find(By.id("phase")).getText().contains("Phase I"));
            assertEquals("1", browser.find(By.id("limits-version")).getDomAttribute("data-version"));
            assertTrue(browser.find(By.id("capability-table")).getText().contains("Cpk"));
            // all 37 readings are the newest 100 and the page's range: the picker's Cpk is the panel's Cpk
            assertTrue(rowText.contains(browser.find(By.id("cpk")).getText()), rowText);
            assertTrue(List.of("GOOD", "WARN", "BAD").contains(
                    browser.find(By.id("cpk-band")).getDomAttribute("data-band")));
            showChart(browser);
            browser.screenshot("11-chart-imr-violation");

            org.awaitility.Awaitility.await("the open page follows the chart")
                    .atMost(java.time.Duration.ofSeconds(30)).until(() -> feed.viewers() == 1);
            // live: a marker in the window object survives only if the page is not reloaded
            ((JavascriptExecutor) browser.driver()).executeScript("window.pokaNoReload = true;");
            long sent = System.nanoTime();
            TelemetryFixtures.postValues(line, "diameter", "mm", start.plusSeconds(90),
                    List.of(10.0, 8.6, 10.1));
            browser.waitFor(d -> "40".equals(d.findElement(By.id("main-chart")).getDomAttribute("data-points")));
            System.out.printf("Live chart update: readings posted -> drawn in the open page in %d ms%n",
                    (System.nanoTime() - sent) / 1_000_000);
            browser.waitFor(d -> d.findElements(By.cssSelector("#violations-body tr")).size() > listed);
            browser.find(By.cssSelector("#main-chart .rule-marker.down[data-rule~='WE1']"));
            assertTrue(browser.find(By.id("live-log")).getText().contains("WE1"), "announced in the live region");
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser.driver()).executeScript("return window.pokaNoReload;"));
            assertEquals(browser.driver().findElements(By.cssSelector("#violations-body tr")).size(),
                    violationsFromApi(line, start), "the page lists what the API stores");
            showChart(browser);
            browser.screenshot("12-chart-imr-live-update");

            // zoom by dragging across the plot: the address keeps the range
            WebElement over = browser.find(By.cssSelector("#main-plot .u-over"));
            int width = over.getSize().getWidth();
            new Actions(browser.driver()).moveToElement(over, -width / 4, 0).clickAndHold()
                    .moveByOffset(width / 3, 0).release().perform();
            browser.waitFor(ExpectedConditions.urlContains("to="));
            String zoomed = browser.driver().getCurrentUrl();
            assertTrue(zoomed.contains("from="), zoomed);
            browser.go(zoomed.substring(zoomed.indexOf("/ui/")));
            int shared = Integer.parseInt(browser.find(By.id("main-chart")).getDomAttribute("data-points"));
            assertTrue(shared > 0 && shared < 40, "the shared address shows the zoomed range: " + shared);

            // zoom by the range inputs (UTC): the 7 phase II readings from start+60 s
            browser.go("/ui/charts/" + line + "/diameter");
            setInput(browser, "range-from", start.plusSeconds(60));
            setInput(browser, "range-to", start.plusSeconds(67));
            browser.driver().findElement(By.cssSelector("form.range-form button[type=submit]")).click();
            browser.waitFor(ExpectedConditions.urlContains("to="));
            browser.waitFor(d -> "7".equals(d.findElement(By.id("main-chart")).getDomAttribute("data-points")));
            assertEquals(1, browser.driver().findElements(By.cssSelector("#main-chart .rule-marker")).size());
            showChart(browser);
            browser.screenshot("13-chart-zoomed-range");
        }

        // closing the page ends its stream: no viewer is left behind on the server
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> feed.viewers() == 0);

        try (Browser tablet = Browser.open(base, 820, 1180)) {
            tablet.signIn("admin", Api.ADMIN_PASSWORD);
            tablet.go("/ui/charts/" + line + "/diameter?from=" + start);
            tablet.find(By.cssSelector("#main-chart .rule-marker[data-rule~='WE1']"));
            tablet.find(By.id("cpk-band"));
            tablet.screenshot("17-chart-tablet");
        }
    }

    @Test
    void ewmaCusumAndXbarChartsMarkTheShiftTheyDetect() {
        String line = TelemetryFixtures.newLine();
        Instant start = Instant.now().minus(40, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        for (String type : List.of("EWMA", "CUSUM", "XBAR_R")) {
            String variable = type.toLowerCase() + "-temp";
            TelemetryFixtures.defineVariable(line, variable, "degC",
                    ",\"lsl\":8,\"usl\":12,\"chartType\":\"" + type + "\""
                            + (type.equals("XBAR_R") ? ",\"subgroupSize\":5" : ""));
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                values.addAll(BASELINE);
            }
            TelemetryFixtures.postValues(line, variable, "degC", start, values);
            freezePhaseOne(line, variable, start, start.plusSeconds(30));
            // a sustained shift of about 1.5 sigma (0.4 on sigma 0.266): small for a Shewhart chart, caught here
            List<Double> shifted = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                shifted.add(10.4 + (i % 2 == 0 ? 0.05 : -0.05));
            }
            TelemetryFixtures.postValues(line, variable, "degC", start.plusSeconds(60), shifted);
        }
        try (Browser browser = Browser.open(base)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            browser.go("/ui/charts/" + line + "/ewma-temp");
            assertEquals("EWMA", browser.find(By.id("main-chart")).getDomAttribute("data-chart"));
            browser.find(By.cssSelector("#main-chart .rule-marker"));
            assertTrue(browser.driver().findElements(By.id("companion-chart")).isEmpty(), "EWMA has no companion");
            showChart(browser);
            browser.screenshot("14-chart-ewma");
            browser.go("/ui/charts/" + line + "/cusum-temp");
            assertEquals("CUSUM", browser.find(By.id("main-chart")).getDomAttribute("data-chart"));
            WebElement marker = browser.find(By.cssSelector("#main-chart .rule-marker[data-rule~='CUSUM_UPPER']"));
            assertTrue(marker.getText().contains("C+"), marker.getText());
            assertTrue(browser.find(By.id("violations-body")).getText().contains("CUSUM_UPPER"));
            showChart(browser);
            browser.screenshot("15-chart-cusum");
            // subgroups of 5 consecutive readings: means of 10.4 lie beyond UCL = 10 + 3 sigma / sqrt(5)
            browser.go("/ui/charts/" + line + "/xbar_r-temp");
            assertEquals("XBAR", browser.find(By.id("main-chart")).getDomAttribute("data-chart"));
            assertEquals("RANGE", browser.find(By.id("companion-chart")).getDomAttribute("data-chart"));
            browser.find(By.cssSelector("#main-chart .rule-marker[data-rule~='WE1']"));
            assertFalse(browser.find(By.id("main-chart")).getDomAttribute("data-lsl") != null,
                    "specification limits are for individual values, not subgroup means");
            showChart(browser);
            browser.screenshot("18-chart-xbar-r");
        }
    }

    @Test
    void aPChartOfInspectionCountsMarksTheSampleBeyondItsLimit() {
        String name = "final-visual-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // p-bar over these 16 samples of 100 = 77 / 1600 = 0.048; UCL = 0.048 + 3 sqrt(0.048 * 0.952 / 100) = 0.112
        List<Integer> counts = List.of(4, 5, 3, 6, 4, 5, 2, 4, 5, 3, 6, 4, 5, 3, 4, 14);
        for (int i = 0; i < counts.size(); i++) {
            Api.asAdmin().body(Map.of("chartType", "P", "count", counts.get(i), "size", 100,
                    "sampledAt", start.plus(i, ChronoUnit.HOURS).toString()))
                    .post("/api/v1/spc/attribute-charts/" + name + "/samples").then().statusCode(201);
        }
        try (Browser browser = Browser.open(base)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            browser.go("/ui/charts");
            assertFalse(browser.driver().findElements(By.linkText(name)).isEmpty(), "listed among attribute charts");
            browser.driver().findElement(By.linkText(name)).click();
            assertEquals("P", browser.find(By.id("main-chart")).getDomAttribute("data-chart"));
            assertEquals("16", browser.find(By.id("main-chart")).getDomAttribute("data-points"));
            WebElement marker = browser.find(By.cssSelector("#main-chart .rule-marker[data-rule~='WE1']"));
            assertEquals(start.plus(15, ChronoUnit.HOURS).toString(), marker.getDomAttribute("data-time"));
            assertTrue(browser.find(By.id("violations-body")).getText().contains("0.140"));
            showChart(browser);
            browser.screenshot("16-chart-attribute-p");
        }
    }

    /** Scrolls the chart to the top of the window so the screenshot shows it (and the capability panel beside it). */
    private static void showChart(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('main-chart').scrollIntoView(); window.scrollBy(0, -8);");
    }

    @Test
    void aQaManagerFreezesPhaseOneLimitsFromThePageThroughTheApi() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "diameter", "mm", ",\"lsl\":9,\"usl\":11");
        Instant start = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        TelemetryFixtures.postValues(line, "diameter", "mm", start, BASELINE);
        try (Browser browser = Browser.open(base)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            browser.go("/ui/charts/" + line + "/diameter");
            assertEquals("", browser.find(By.id("limits-version")).getDomAttribute("data-version"));
            setInput(browser, "baseline-from", start);
            setInput(browser, "baseline-to", start.plusSeconds(10));
            browser.find(By.cssSelector("#phase-one-form button[type=submit]")).click();
            browser.waitFor(d -> "1".equals(d.findElement(By.id("limits-version")).getDomAttribute("data-version")));
            assertTrue(browser.find(By.id("messages")).getText().contains("Limits v1 frozen from 10 points"));
            assertEquals("10", browser.find(By.id("main-chart")).getDomAttribute("data-points"));
        }
        // the API has the version, frozen by the signed-in user: center 10.0 and sigma 0.3 / 1.128 (as above)
        io.restassured.path.json.JsonPath limits = Api.asAdmin().get("/api/v1/spc/charts/" + line + "/diameter/limits")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, limits.getList("$").size());
        assertEquals("admin", limits.getString("[0].frozenBy"));
        assertEquals(10, limits.getInt("[0].baselineCount"));
        assertEquals(10.0, limits.getDouble("[0].center"), 1e-6);
        assertEquals(0.3 / 1.128, limits.getDouble("[0].sigma"), 1e-6);
    }

    @Test
    void theLiveStreamIsForChartReadersOnly() {
        String user = "erp-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", user, "displayName", user, "password", "a-long-password-1",
                "roles", List.of("integration")));
        try (Browser browser = Browser.open(base)) {
            browser.signIn(user, "a-long-password-1");
            Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "fetch('/ui/charts/some-line/some-variable/stream', {headers: {Accept: 'text/event-stream'}})"
                            + ".then(r => arguments[0](r.status));");
            assertEquals(403L, status, "an integration account may not follow charts");
        }
        io.restassured.RestAssured.given().redirects().follow(false).accept("text/event-stream")
                .get("/ui/charts/some-line/some-variable/stream").then().statusCode(303);
    }

    private static void freezePhaseOne(String line, String variable, Instant from, Instant to) {
        Api.asAdmin().body(Map.of("from", from.toString(), "to", to.toString()))
                .post("/api/v1/spc/charts/" + line + "/" + variable + "/limits/phase-one").then().statusCode(201);
    }

    private static int violationsFromApi(String line, Instant start) {
        return Api.asAdmin().queryParam("from", start.toString())
                .get("/api/v1/spc/charts/" + line + "/diameter").then().statusCode(200)
                .extract().jsonPath().getList("violations").size();
    }

    /** Types a UTC time into a datetime-local input through the page (keyboard entry depends on the locale). */
    private static void setInput(Browser browser, String id, Instant t) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id, t.toString().substring(0, 19));
    }
}
