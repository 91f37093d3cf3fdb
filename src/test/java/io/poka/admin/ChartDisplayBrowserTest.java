package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * What the control chart shows when there is a lot to show: every violation of a long fault marked (the newest
 * first, coinciding ones collapsed into one marker listing its rules), value-axis ticks written in full, and notes
 * written on the chart drawn at their time.
 * Limits are entered from a study (center, sigma), so the rule firings follow from the values alone.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ChartDisplayBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void valueAxisTicksAreWrittenInFullAndNotesAreDrawnAtTheirTime() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "temperature", "degC", "");
        TelemetryFixtures.enterLimits(line, "temperature", 120.45, 0.02);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            values.add(120.45 + 0.01 * Math.sin(i));
        }
        Instant start = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        TelemetryFixtures.postValues(line, "temperature", "degC", start, values);
        Api.asAdmin().body(Map.of("at", start.plusSeconds(10).toString(), "text", "changed the nozzle"))
                .post("/api/v1/spc/charts/" + line + "/temperature/annotations").then().statusCode(201);
        try (Browser browser = Browser.open(base)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            browser.go("/ui/charts/" + line + "/temperature");
            browser.waitFor(d -> d.findElement(By.id("main-chart")).getDomAttribute("data-y-ticks") != null);
            @SuppressWarnings("unchecked")
            List<Object> ticks = (List<Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
                    const fig = document.getElementById('main-chart');
                    const ctx = document.createElement('canvas').getContext('2d');
                    ctx.font = fig.dataset.yFont;
                    const room = Number(fig.dataset.yRoom);
                    return JSON.parse(fig.dataset.yTicks).map(t => [t, ctx.measureText(t).width / devicePixelRatio, room]);
                    """);
            assertFalse(ticks.isEmpty());
            for (Object o : ticks) {
                List<?> t = (List<?>) o;
                String text = (String) t.get(0);
                double width = ((Number) t.get(1)).doubleValue();
                double room = ((Number) t.get(2)).doubleValue();
                // 120.45 ± 3 sigma (0.06) and a 15 % margin: ticks of up to three decimals with three integer digits
                assertTrue(text.matches("120\\.\\d{1,3}"), "a whole value, not clipped: " + text);
                assertTrue(width <= room, "tick '" + text + "' is " + width + " px wide, the axis leaves " + room + " px");
            }
            browser.screenshot("19-chart-axis-ticks");

            // a note written over the API is on the chart at its time; one written in the page is stored
            WebElement note = browser.find(By.cssSelector("#main-chart .chart-note"));
            assertEquals(start.plusSeconds(10).toString(), note.getDomAttribute("data-time"));
            assertTrue(note.getText().contains("changed the nozzle"), note.getText());
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('note-at').value = arguments[0];", start.plusSeconds(20).toString().substring(0, 19));
            browser.find(By.id("note-text")).sendKeys("shift B took over");
            browser.find(By.cssSelector("#note-form button[type=submit]")).click();
            browser.waitFor(d -> d.findElements(By.cssSelector("#main-chart .chart-note")).size() == 2);
            assertTrue(browser.find(By.id("notes-list")).getText().contains("shift B took over"));
            browser.screenshot("19c-chart-notes");
        }
    }

    @Test
    void everyViolationOfALongFaultIsMarkedNewestFirst() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "pressure", "bar", ",\"lsl\":9,\"usl\":11");
        TelemetryFixtures.enterLimits(line, "pressure", 10.0, 0.1);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            values.add(i < 20 ? 10.0 + (i % 2 == 0 ? 0.05 : -0.05) : 10.5 + 0.01 * (i % 3)); // a step of 5 sigma
        }
        Instant start = Instant.now().minus(40, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        TelemetryFixtures.postValues(line, "pressure", "bar", start, values);
        List<Map<String, Object>> points = Api.asAdmin().queryParam("from", start.toString())
                .get("/api/v1/spc/charts/" + line + "/pressure").then().statusCode(200)
                .extract().jsonPath().getList("points.INDIVIDUALS");
        List<Map<String, Object>> fired = points.stream().filter(p -> !((List<?>) p.get("rules")).isEmpty()).toList();
        assertTrue(fired.size() > 400, "more violating points than the old 400-marker cap: " + fired.size());
        String newest = (String) fired.get(fired.size() - 1).get("time");

        try (Browser browser = Browser.open(base)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            browser.go("/ui/charts/" + line + "/pressure?from=" + start);
            List<WebElement> markers = browser.waitFor(d -> {
                List<WebElement> m = d.findElements(By.cssSelector("#main-chart .rule-marker"));
                return m.isEmpty() ? null : m;
            });
            assertEquals(newest, markers.get(0).getDomAttribute("data-time"), "the newest violation is drawn first");
            int covered = markers.stream().mapToInt(m -> Integer.parseInt(m.getDomAttribute("data-count"))).sum();
            assertEquals(fired.size(), covered, "every violating point is in a marker");
            assertTrue(markers.size() < fired.size(), "coinciding points share a marker: " + markers.size());
            String tooltip = markers.get(0).getDomAttribute("title");
            assertTrue(tooltip.contains(newest) && tooltip.contains("WE1"), tooltip);
            long labels = browser.driver().findElements(By.cssSelector("#main-chart .rule-marker .label")).size();
            assertTrue(labels >= 1 && labels < markers.size(), "labels that would cover each other are left out: " + labels);
            browser.screenshot("19b-chart-many-violations");
        }
    }
}
