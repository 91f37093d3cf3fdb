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
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * Alert triage in a real browser: alerts raised by real readings are listed most severe first, acknowledged, resolved
 * with a root cause and marked as a false alarm by clicking; an inspector may acknowledge but is not offered the
 * resolution. Each action is checked on the page and through the alerts API.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AlertsBrowserTest {
    private static final String PASSWORD = AlertFixtures.PASSWORD;

    @TestHTTPResource("/")
    URL base;

    String line;
    String we1;
    String we2;

    /** WE1 (HIGH) and WE2 (MEDIUM) raised by real readings on a new line (see AlertFixtures). */
    @BeforeEach
    void raiseAlertsFromReadings() {
        line = AlertFixtures.lineWithWe1AndWe2Alerts();
        we1 = AlertFixtures.alertId(line, "WE1");
        we2 = AlertFixtures.alertId(line, "WE2");
    }

    @Test
    void aQaManagerAcknowledgesResolvesAndMarksAFalseAlarmByClicking() {
        String manager = AlertFixtures.user("qa-manager");
        try (Browser b = Browser.open(base)) {
            b.signIn(manager, PASSWORD);
            b.go("/ui/alerts?line=" + line);
            List<WebElement> rows = b.driver().findElements(By.cssSelector("#alerts tbody tr"));
            assertEquals(List.of(we1, we2), rows.stream().map(r -> r.getAttribute("data-alert")).toList(),
                    "most severe first");
            assertTrue(rows.get(0).getText().contains("high"), rows.get(0).getText());
            assertTrue(rows.get(0).getText().contains("WE1: 1 point beyond the 3-sigma limits"), rows.get(0).getText());
            assertTrue(rows.get(1).getText().contains("medium"), rows.get(1).getText());
            b.screenshot("20-alerts-list");

            b.find(By.cssSelector("tr[data-alert='" + we1 + "'] button.acknowledge")).click();
            b.waitFor(shows(By.cssSelector("tr[data-alert='" + we1 + "'] .status"), "Acknowledged"));
            assertTrue(b.find(By.cssSelector("tr[data-alert='" + we1 + "']")).getText().contains(manager));
            assertTrue(b.find(By.id("messages")).getText().contains("Alert acknowledged"));
            b.screenshot("22-alert-acknowledged");
            JsonPath acknowledged = alert(we1);
            assertEquals("ACKNOWLEDGED", acknowledged.getString("status"));
            assertEquals(manager, acknowledged.getString("acknowledgedBy"));

            b.find(By.cssSelector("tr[data-alert='" + we1 + "'] a[href='/ui/alerts/" + we1 + "']")).click();
            String chartLink = b.find(By.id("chart-link")).getAttribute("href");
            assertTrue(chartLink.contains("/ui/charts/" + line + "/temp?from="), chartLink);
            assertTrue(chartLink.contains("&to="), chartLink);
            b.screenshot("21-alert-detail");
            b.find(By.id("root-cause-input")).sendKeys("Heater relay stuck on; relay replaced");
            b.find(By.id("resolve")).click();
            b.waitFor(shows(By.id("status"), "Resolved"));
            assertEquals("Heater relay stuck on; relay replaced", b.find(By.id("root-cause")).getText());
            assertTrue(b.find(By.id("resolved")).getText().contains("True positive"));
            String trail = b.find(By.id("history")).getText();
            assertTrue(trail.contains("RAISED") && trail.contains("ACKNOWLEDGED") && trail.contains("RESOLVED")
                    && trail.contains("Heater relay stuck on"), trail);
            b.screenshot("23-alert-resolved");
            JsonPath resolved = alert(we1);
            assertEquals("RESOLVED", resolved.getString("status"));
            assertEquals("TRUE_POSITIVE", resolved.getString("label"));
            assertEquals(manager, resolved.getString("resolvedBy"));

            b.go("/ui/alerts/" + we2);
            b.find(By.id("false-alarm-note")).sendKeys("Probe calibration run, no process change");
            b.find(By.id("false-alarm")).click();
            b.waitFor(shows(By.id("resolved"), "False alarm"));
            b.screenshot("24-alert-false-alarm");
            JsonPath falseAlarm = alert(we2);
            assertEquals("FALSE_ALARM", falseAlarm.getString("label"));
            assertEquals("Probe calibration run, no process change", falseAlarm.getString("rootCause"));

            b.go("/ui/alerts?status=ANY&label=FALSE_ALARM&line=" + line);
            assertEquals(List.of(we2), b.driver().findElements(By.cssSelector("#alerts tbody tr")).stream()
                    .map(r -> r.getAttribute("data-alert")).toList());
        }
    }

    @Test
    void anInspectorMayAcknowledgeButIsNotOfferedResolutionOnATablet() {
        String inspector = AlertFixtures.user("inspector");
        try (Browser b = Browser.open(base, 820, 1180)) {
            b.signIn(inspector, PASSWORD);
            b.go("/ui/alerts/" + we1);
            assertTrue(b.driver().findElements(By.id("resolve")).isEmpty(), "no resolve for an inspector");
            assertTrue(b.driver().findElements(By.id("false-alarm")).isEmpty(), "no false alarm for an inspector");
            assertTrue(b.driver().findElements(By.id("history")).isEmpty(), "the audit trail is not the inspector's");
            b.screenshot("25-alert-detail-inspector-tablet");
            b.find(By.id("acknowledge")).click();
            b.waitFor(shows(By.id("status"), "Acknowledged"));
            assertTrue(b.find(By.id("acknowledged")).getText().contains(inspector));
            assertEquals(inspector, alert(we1).getString("acknowledgedBy"));
            assertTrue(b.driver().findElements(By.id("acknowledge")).isEmpty(), "nothing left to do for an inspector");
            b.go("/ui/alerts?line=" + line);
            b.screenshot("26-alerts-list-inspector-tablet");
        }
    }

    /**
     * The element shows the text; while an action reloads the page the element may belong to the old document, which
     * Chromium reports as a plain WebDriverException: keep waiting then.
     */
    static ExpectedCondition<Boolean> shows(By by, String text) {
        return d -> {
            try {
                return d.findElement(by).getText().contains(text);
            } catch (WebDriverException e) {
                return false;
            }
        };
    }

    private static JsonPath alert(String id) {
        return Api.asAdmin().get("/api/v1/alerts/" + id).then().statusCode(200).extract().jsonPath();
    }
}
