package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.capa.CapaFixtures;
import io.poka.notifications.NotificationsProfile;
import io.poka.scoring.TepData;
import io.poka.testing.AdjustableClock;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Loop (a) of issue 16, its CAPA part in Chromium: TEP fault 1 replayed on the A feed (XMEAS_1) through the telemetry
 * API raises an incident; an NCR is opened from it, its suspect lot held and dispositioned with signatures (NCR REST
 * API); a QA manager opens a CAPA for the NCR in the browser whose effectiveness criterion is that chart staying
 * free of rule violations for 7 days, moves it into its effectiveness window, the process is back in control (normal
 * TEP readings), the application's clock moves 7 days, the check passes on the page and the QA manager closes the CAPA
 * with an electronic signature (a wrong password first, which changes nothing).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(NotificationsProfile.class)
class CapaLoopBrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    AdjustableClock clock;

    /** XMEAS_1 (A feed) of the TEP rows [from, to) of a run. */
    private static List<Double> aFeed(io.poka.scoring.internal.data.NumericTable run, int from, int to) {
        List<Double> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add(run.rows()[i][0]);
        }
        return values;
    }

    private static void click(Browser b, String id) {
        ((JavascriptExecutor) b.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView(); window.scrollBy(0, -80);", id);
        b.find(By.id(id)).click();
    }

    private static void waitForStatus(Browser b, String word) {
        b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("capa-status"), word));
    }

    @Test
    void aFaultIsCorrectedAndTheCapaIsClosedOnceItsEffectivenessIsProvenAndSigned() {
        String qa = CapaFixtures.qa();
        String line = TelemetryFixtures.newLine();
        // limits entered from d00's A feed (mean 0.2511, sd 0.0286) with a 1.5 x sd study sigma: limits at 4.5 sd,
        // beyond every normal reading of d00 (at most 3.21 sd) and far inside fault 1 (up to 18 sd after 30 samples)
        double[] column = aFeed(TepData.normal(), 0, 500).stream().mapToDouble(Double::doubleValue).toArray();
        double mean = java.util.Arrays.stream(column).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(column).map(v -> (v - mean) * (v - mean)).sum() / (column.length - 1));
        TelemetryFixtures.defineVariable(line, "XMEAS_1", "kscmh", ",\"ruleSet\":\"BEYOND_LIMITS\"");
        TelemetryFixtures.enterLimits(line, "XMEAS_1", mean, 1.5 * sd);

        // fault replay: 60 normal samples then 60 of fault 1, one a second, ending a minute ago; a lot of the
        // product was made on the line meanwhile
        Instant replay = clock.instant().minusSeconds(180).truncatedTo(ChronoUnit.SECONDS);
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String product = "TEP-G-" + suffix;
        String defect = "FEED-RATIO-" + suffix;
        Api.as(qa, CapaFixtures.PASSWORD).body(Map.of("code", defect, "name", "A/C feed ratio off",
                "defaultSeverity", "MAJOR")).post("/api/v1/defect-codes").then().statusCode(201);
        String lot = io.poka.ncr.NcrFixtures.lot(product, line, replay.toString(), replay.plusSeconds(120).toString());
        List<Double> values = new ArrayList<>(aFeed(TepData.normal(), 0, 60));
        values.addAll(aFeed(TepData.fault(1), 0, 60));
        TelemetryFixtures.postValues(line, "XMEAS_1", "kscmh", replay, values);
        JsonPath incidents = null;
        for (long deadline = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < deadline; ) {
            incidents = Api.asAdmin().queryParam("line", line).get("/api/v1/incidents").then().statusCode(200)
                    .extract().jsonPath();
            if (!incidents.getList("items").isEmpty()) {
                break;
            }
            sleep(500);
        }
        assertTrue(incidents.getList("items").size() >= 1, "fault 1 raised an incident: " + incidents.prettify());
        String incident = incidents.getString("items[0].id");
        // the feed ratio restored right after the replay: the step back to normal fires the moving-range chart once,
        // before the CAPA's effectiveness window opens (as on a real line, the window starts once the fix is in)
        TelemetryFixtures.postValues(line, "XMEAS_1", "kscmh", replay.plusSeconds(120), aFeed(TepData.normal(), 60, 90));

        // NCR from the incident (its chart evidence), suspect lots proposed and held (signed), disposition (signed);
        // through the NCR REST API
        String ncr = Api.as(qa, CapaFixtures.PASSWORD).body(Map.of("source", "INCIDENT", "incidentId", incident,
                "title", "A feed out of ratio", "product", product, "defectCode", defect, "owner", qa))
                .post("/api/v1/ncrs").then().statusCode(201).extract().path("id");
        JsonPath opened = Api.as(qa, CapaFixtures.PASSWORD).get("/api/v1/ncrs/" + ncr + "/detail").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(opened.getList("suspectLots.lotId").contains(lot), opened.prettify());
        Map<String, Object> signature = Map.of("password", CapaFixtures.PASSWORD, "meaning", "APPROVAL");
        Api.as(qa, CapaFixtures.PASSWORD).body(Map.of("reason", "made during the A feed excursion", "signature",
                signature)).post("/api/v1/ncrs/" + ncr + "/containment").then().statusCode(200);
        assertEquals("ON_HOLD", Api.asAdmin().get("/api/v1/lots/" + lot).then().extract().path("status"));
        Api.as(qa, CapaFixtures.PASSWORD).body(Map.of("lines", List.of(Map.of("lotId", lot, "decision", "USE_AS_IS",
                "quantity", 500)), "reason", "composition within specification after 100 % check", "signature",
                signature)).post("/api/v1/ncrs/" + ncr + "/dispositions").then().statusCode(200);

        String capa;
        try (Browser b = Browser.open(base)) {
            b.signIn(qa, CapaFixtures.PASSWORD);
            b.go("/ui/incidents/" + incident);
            b.screenshot("70-capa-loop-incident");

            b.go("/ui/capas");
            b.find(By.cssSelector("#new-capa summary")).click();
            b.find(By.id("new-title")).sendKeys("Restore the A feed ratio control");
            b.find(By.id("new-description")).sendKeys("Incident " + incident + " on " + line + ": fault 1 (A/C feed ratio)");
            b.find(By.id("new-ncr")).sendKeys(ncr);
            b.find(By.id("new-owner")).sendKeys(CapaFixtures.owner());
            new Select(b.find(By.id("new-criterion"))).selectByValue("NO_RULE_VIOLATION");
            b.find(By.id("new-line")).sendKeys(line);
            b.find(By.id("new-variable")).sendKeys("XMEAS_1");
            b.find(By.id("new-days")).sendKeys("7");
            b.screenshot("71-capa-new");
            click(b, "new-capa-submit");
            b.waitFor(ExpectedConditions.urlMatches("/ui/capas/[0-9a-f-]{36}$"));
            capa = b.driver().getCurrentUrl().replaceAll(".*/ui/capas/", "");
            waitForStatus(b, "Open");
            assertTrue(b.find(By.id("criterion")).getText().contains("NO_RULE_VIOLATION"));

            for (String to : List.of("IN_PROGRESS", "IMPLEMENTED", "EFFECTIVENESS_PENDING")) {
                click(b, "move-" + to);
                waitForStatus(b, to.equals("IN_PROGRESS") ? "In progress" : to.equals("IMPLEMENTED") ? "Implemented"
                        : "Effectiveness pending");
            }
            b.screenshot("72-capa-window-started");
            Instant windowStart = Instant.parse(Api.asAdmin().get("/api/v1/capas/" + capa).then().statusCode(200)
                    .extract().path("capa.windowStart"));

            // the process back in control: normal A feed readings inside the window
            clock.advance(Duration.ofHours(1));
            TelemetryFixtures.postValues(line, "XMEAS_1", "kscmh", windowStart.plusSeconds(300),
                    aFeed(TepData.normal(), 100, 300));
            click(b, "evaluate-button");
            try {
                b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("evaluations"), "NOT_YET"));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("first evaluation: " + b.find(By.tagName("main")).getText(), e);
            }
            click(b, "close-button");
            b.find(By.id("close-reason")).sendKeys("too early");
            b.find(By.id("close-password")).sendKeys(CapaFixtures.PASSWORD);
            click(b, "close-submit");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#close-dialog .dialog-problem"),
                    "effectiveness"));
            b.screenshot("73-capa-closure-refused-not-proven");
            b.find(By.cssSelector("#close-dialog [data-close]")).click();

            clock.advance(Duration.ofDays(7));
            b.go("/ui/capas/" + capa);
            click(b, "evaluate-button");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("evaluations"), "PASSED"));
            b.screenshot("74-capa-effectiveness-passed");

            click(b, "close-button");
            b.find(By.id("close-reason")).sendKeys("no violation on XMEAS_1 for 7 days after the fix");
            b.find(By.id("close-password")).sendKeys("wrong-password");
            click(b, "close-submit");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#close-dialog .dialog-problem"),
                    "Not signed"));
            assertEquals("EFFECTIVENESS_PENDING", Api.asAdmin().get("/api/v1/capas/" + capa).then().extract()
                    .path("capa.status"));
            b.find(By.id("close-password")).sendKeys(CapaFixtures.PASSWORD);
            click(b, "close-submit");
            waitForStatus(b, "Closed");
            String history = b.find(By.id("history")).getText();
            assertTrue(history.contains(qa + "), APPROVAL"), history);
            b.screenshot("75-capa-closed-signed");

            b.go("/ui/capas");
            assertTrue(b.find(By.id("capas")).getText().contains("Restore the A feed ratio control"));
            b.go("/ui/quality-reports");
            assertTrue(b.find(By.id("capa-on-time-csv")).getAttribute("href").endsWith("format=csv"));
            b.screenshot("76-quality-reports");
            assertEquals(200, Api.as(qa, CapaFixtures.PASSWORD).get("/api/v1/quality-reports/capa-on-time?format=pdf")
                    .statusCode());
        }
        JsonPath closed = Api.asAdmin().get("/api/v1/capas/" + capa).then().statusCode(200).extract().jsonPath();
        assertEquals("CLOSED", closed.getString("capa.status"));
        assertEquals(qa, closed.getString("capa.closedBy"));
        assertEquals(ncr, closed.getString("capa.ncrId"));
        assertEquals(List.of("PASSED", "NOT_YET"), closed.getList("evaluations.result"), "newest first");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
