package io.poka.admin;

import static io.poka.admin.AlertsBrowserTest.shows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.alerts.AlertFixtures;
import io.poka.spc.RuleViolated;
import io.poka.spc.RuleViolations;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Incident triage in a real browser: the dashboard and the alert list lead with incidents, the incident page shows its
 * evidence and takes the actions (acknowledge, assign, resolve with a cause; a false alarm), incidents and alerts are
 * acknowledged in bulk, and the alert list pages beyond 200 rows with its total. Each action is checked on the page
 * and through the API.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class IncidentsBrowserTest {
    private static final String PASSWORD = AlertFixtures.PASSWORD;

    @TestHTTPResource("/")
    URL base;

    @Inject
    Event<RuleViolations> violations;

    @Test
    void aQaManagerTriagesAnIncidentFromTheDashboardToItsResolution() {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String line = AlertFixtures.lineWithWe1AndWe2Alerts(start);
        TelemetryFixtures.defineVariable(line, "pressure", "bar", "");
        TelemetryFixtures.enterLimits(line, "pressure", 0, 1);
        TelemetryFixtures.postValues(line, "pressure", "bar", start.plusSeconds(1), List.of(5.0));
        String id = incidents(line).getString("items[0].id");
        String manager = AlertFixtures.user("qa-manager");
        String pat = AlertFixtures.user("inspector");
        try (Browser b = Browser.open(base)) {
            b.signIn(manager, PASSWORD);
            b.go("/ui");
            WebElement row = b.find(By.cssSelector("#incidents-table tr[data-incident='" + id + "']"));
            assertTrue(row.getText().contains("temp, pressure"), row.getText());
            assertTrue(row.getText().contains("HIGH"), row.getText());
            b.screenshot("60-dashboard-incidents");

            b.go("/ui/alerts?line=" + line);
            assertTrue(b.find(By.cssSelector("#incident-summaries li[data-incident='" + id + "']")).getText()
                    .contains("HIGH on " + line + ": temp, pressure"));
            b.find(By.cssSelector("#incident-summaries li[data-incident='" + id + "'] a")).click();

            assertEquals("HIGH on " + line + ": temp, pressure", b.find(By.id("summary")).getText());
            assertEquals(List.of("temp", "pressure"), b.driver().findElements(By.cssSelector("#variables tbody tr td:first-child"))
                    .stream().map(WebElement::getText).toList());
            assertEquals(3, b.driver().findElements(By.cssSelector("#incident-alerts tbody tr")).size(),
                    "WE1 and WE2 on temp, WE1 on pressure");
            b.screenshot("61-incident-detail");

            b.find(By.id("acknowledge")).click();
            b.waitFor(shows(By.id("status"), "ACKNOWLEDGED"));
            assertTrue(b.find(By.id("acknowledged")).getText().contains(manager));
            assertTrue(b.driver().findElements(By.cssSelector("#incident-alerts .status")).stream()
                    .allMatch(e -> e.getText().equals("ACKNOWLEDGED")), "its alerts are acknowledged too");

            b.find(By.id("assignee-input")).sendKeys("nobody-" + id);
            b.find(By.id("assign")).click();
            b.waitFor(shows(By.id("messages"), "is not an enabled user"));
            assertTrue(b.find(By.id("assignee")).getText().contains("nobody"), "nothing assigned");
            b.find(By.id("assignee-input")).clear();
            b.find(By.id("assignee-input")).sendKeys(pat);
            b.find(By.id("assign")).click();
            b.waitFor(shows(By.id("assignee"), pat));

            b.find(By.id("cause-input")).sendKeys("Cooling water valve stuck; freed and greased");
            b.find(By.id("resolve")).click();
            b.waitFor(shows(By.id("status"), "RESOLVED"));
            assertEquals("Cooling water valve stuck; freed and greased", b.find(By.id("cause")).getText());
            assertTrue(b.find(By.id("resolved")).getText().contains("True positive"));
            String trail = b.find(By.id("history")).getText();
            assertTrue(trail.contains("OPENED") && trail.contains("ACKNOWLEDGED") && trail.contains("ASSIGNED")
                    && trail.contains("RESOLVED") && trail.contains("Cooling water valve stuck"), trail);
            b.screenshot("62-incident-resolved");
        }
        JsonPath resolved = Api.asAdmin().get("/api/v1/incidents/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("RESOLVED", resolved.getString("incident.status"));
        assertEquals(pat, resolved.getString("incident.assignee"));
        assertEquals(List.of("RESOLVED", "RESOLVED", "RESOLVED"), resolved.getList("alerts.status"));
        assertEquals(List.of("TRUE_POSITIVE", "TRUE_POSITIVE", "TRUE_POSITIVE"), resolved.getList("alerts.label"));
    }

    @Test
    void anInspectorAcknowledgesSelectedIncidentsAtOnce() {
        String line = TelemetryFixtures.newLine();
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        fire(line, List.of("a"), start);
        fire(line, List.of("b"), start.plus(1, ChronoUnit.HOURS));
        fire(line, List.of("c"), start.plus(2, ChronoUnit.HOURS));
        List<String> ids = incidents(line).getList("items.id");
        assertEquals(3, ids.size());
        String inspector = AlertFixtures.user("inspector");
        try (Browser b = Browser.open(base)) {
            b.signIn(inspector, PASSWORD);
            b.go("/ui/incidents?line=" + line);
            assertEquals(ids, b.driver().findElements(By.cssSelector("#incidents tbody tr")).stream()
                    .map(r -> r.getAttribute("data-incident")).toList());
            b.find(By.cssSelector("tr[data-incident='" + ids.get(0) + "'] input.select")).click();
            b.find(By.cssSelector("tr[data-incident='" + ids.get(2) + "'] input.select")).click();
            b.screenshot("63-incidents-selected");
            b.find(By.id("acknowledge-selected")).click();
            b.waitFor(shows(By.id("messages"), "Incidents acknowledged. (2)"));
            b.screenshot("64-incidents-bulk-acknowledged");
            List<String> statuses = b.driver().findElements(By.cssSelector("#incidents tbody tr .status")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("ACKNOWLEDGED", "OPEN", "ACKNOWLEDGED"), statuses);
        }
        assertEquals(List.of("ACKNOWLEDGED", "OPEN", "ACKNOWLEDGED"), incidents(line).getList("items.status"));
        assertEquals(inspector, incidents(line).getString("items[0].acknowledgedBy"));
    }

    @Test
    void theAlertListPagesBeyond200RowsWithItsTotalAndAcknowledgesAPageAtOnce() {
        String line = TelemetryFixtures.newLine();
        List<String> variables = IntStream.range(0, 205).mapToObj(i -> String.format("v%03d", i)).toList();
        fire(line, variables, Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS));
        String manager = AlertFixtures.user("qa-manager");
        try (Browser b = Browser.open(base)) {
            b.signIn(manager, PASSWORD);
            b.go("/ui/alerts?line=" + line);
            assertTrue(b.find(By.id("alerts-heading")).getText().startsWith("205 alerts"),
                    b.find(By.id("alerts-heading")).getText());
            assertTrue(b.find(By.id("alerts-paging")).getText().contains("Showing 1–200 of 205 (page 1 of 2)"),
                    b.find(By.id("alerts-paging")).getText());
            assertEquals(200, b.driver().findElements(By.cssSelector("#alerts tbody tr")).size());
            b.find(By.id("next-page")).click();
            b.waitFor(shows(By.id("alerts-paging"), "Showing 201–205 of 205 (page 2 of 2)"));
            assertEquals(5, b.driver().findElements(By.cssSelector("#alerts tbody tr")).size());
            b.screenshot("65-alerts-page-2");

            b.find(By.id("select-all")).click();
            b.find(By.id("acknowledge-selected")).click();
            b.waitFor(shows(By.id("messages"), "Alerts acknowledged. (5)"));
            b.screenshot("66-alerts-page-acknowledged");
        }
        Api.asAdmin().queryParam("line", line).queryParam("status", "ACKNOWLEDGED").get("/api/v1/alerts").then()
                .header("X-Total-Count", "5");
        Api.asAdmin().queryParam("line", line).queryParam("status", "OPEN").get("/api/v1/alerts").then()
                .header("X-Total-Count", "200");
    }

    /** One WE1 violation per variable at {@code at}, fired as spc fires them, in a transaction of its own. */
    private void fire(String line, List<String> variables, Instant at) {
        List<RuleViolated> batch = variables.stream().map(v -> new RuleViolated(UUID.randomUUID(), line, v,
                "INDIVIDUALS", "WE1", "1 point beyond the 3-sigma limits", 1, List.of(at), 5.0, Instant.now())).toList();
        QuarkusTransaction.requiringNew().run(() -> violations.fire(new RuleViolations(batch)));
    }

    @Test
    void notesOnAnIncidentArriveWithoutReloadingAndTheAuthorDeletesOwn() {
        String line = AlertFixtures.lineWithWe1AndWe2Alerts();
        String id = incidents(line).getString("items[0].id");
        String kim = AlertFixtures.user("inspector");
        String lee = AlertFixtures.user("qa-manager");
        try (Browser b = Browser.open(base)) {
            b.signIn(kim, PASSWORD);
            b.go("/ui/incidents/" + id);
            b.waitFor(d -> d.findElements(By.id("no-notes")).isEmpty() ? null : true);

            // a colleague writes over the API while the page is open: it shows up without reloading
            Api.as(lee, PASSWORD).body(java.util.Map.of("text", "called maintenance for the cooling valve"))
                    .post("/api/v1/incidents/" + id + "/notes").then().statusCode(201);
            b.waitFor(shows(By.id("notes-list"), "called maintenance for the cooling valve"));
            assertTrue(b.driver().findElements(By.cssSelector("#notes-list .note-delete")).isEmpty(),
                    "no delete button on someone else's note");

            b.find(By.id("note-text")).sendKeys("valve freed and greased");
            b.find(By.id("add-note")).click();
            b.waitFor(shows(By.id("notes-list"), "valve freed and greased"));
            List<WebElement> own = b.driver().findElements(By.cssSelector("#notes-list .note-delete"));
            assertEquals(1, own.size(), "the author's own note can be deleted");
            b.screenshot("67-incident-notes");

            own.get(0).click();
            b.waitFor(d -> d.findElement(By.id("notes-list")).getText().contains("valve freed") ? null : true);
            assertEquals(List.of("called maintenance for the cooling valve"), Api.asAdmin()
                    .get("/api/v1/incidents/" + id + "/notes").then().extract().jsonPath().getList("text"));
            assertTrue(b.consoleErrors().isEmpty(), b.consoleErrors().toString());
        }
    }

    private static JsonPath incidents(String line) {
        return Api.asAdmin().queryParam("line", line).get("/api/v1/incidents").then()
                .statusCode(200).extract().jsonPath();
    }
}
