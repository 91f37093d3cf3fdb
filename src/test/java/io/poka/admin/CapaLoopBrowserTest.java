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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16 loop (a) in Chromium, every step on the screens as a QA manager works it; only the data feed (TEP readings
 * and the lot from ERP/MES, over the telemetry and lots APIs) and the application's clock are driven by the test. TEP
 * fault 1 replayed on the A feed (XMEAS_1) raises an incident; on the incident page the QA manager opens an NCR, whose
 * page shows the chart evidence (chart, rule, limits version) and proposes the lot made during the signals; holds it
 * with one signature, records the 5-why investigation and a reconciled disposition (signed); opens a CAPA from the
 * NCR page whose effectiveness criterion is that chart staying free of rule violations for 7 days; the process is
 * back in control (normal readings), the clock moves 7 days, the check passes on the page, the CAPA is closed with an
 * electronic signature (a premature and a wrong-password attempt first, which change nothing), and the NCR is closed
 * with a signature on its page.
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

    private static void waitForText(Browser b, String id, String word) {
        try {
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id(id), word));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("#" + id + " never showed '" + word + "': " + b.find(By.tagName("main")).getText(), e);
        }
    }

    private static void waitForStatus(Browser b, String word) {
        waitForText(b, "capa-status", word);
    }

    @Test
    void aFaultFoundOnTheLineIsContainedCorrectedAndClosedOnceTheFixIsProvenAllOnTheScreens() {
        String qa = CapaFixtures.qa();
        String line = TelemetryFixtures.newLine();
        // chart set-up (master data, before the loop): limits entered from d00's A feed (mean 0.2511, sd 0.0286) with
        // a 1.5 x sd study sigma: limits at 4.5 sd, beyond every normal reading of d00 (at most 3.21 sd) and far inside
        // fault 1 (up to 18 sd after 30 samples)
        double[] column = aFeed(TepData.normal(), 0, 500).stream().mapToDouble(Double::doubleValue).toArray();
        double mean = java.util.Arrays.stream(column).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(column).map(v -> (v - mean) * (v - mean)).sum() / (column.length - 1));
        TelemetryFixtures.defineVariable(line, "XMEAS_1", "kscmh", ",\"ruleSet\":\"BEYOND_LIMITS\"");
        TelemetryFixtures.enterLimits(line, "XMEAS_1", mean, 1.5 * sd);

        // the data feed: a lot of the product made on the line (ERP), 60 normal samples then 60 of fault 1, one a
        // second, ending a minute ago, then the feed ratio restored (the step back fires the moving-range chart once,
        // before the CAPA's effectiveness window opens, as on a real line where the window starts once the fix is in)
        Instant replay = clock.instant().minusSeconds(180).truncatedTo(ChronoUnit.SECONDS);
        String product = "TEP-G-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String lot = io.poka.ncr.NcrFixtures.lot(product, line, replay.toString(), replay.plusSeconds(120).toString());
        List<Double> values = new ArrayList<>(aFeed(TepData.normal(), 0, 60));
        values.addAll(aFeed(TepData.fault(1), 0, 60));
        TelemetryFixtures.postValues(line, "XMEAS_1", "kscmh", replay, values);
        TelemetryFixtures.postValues(line, "XMEAS_1", "kscmh", replay.plusSeconds(120), aFeed(TepData.normal(), 60, 90));

        String capa;
        String ncr;
        try (Browser b = Browser.open(base)) {
            b.signIn(qa, CapaFixtures.PASSWORD);
            // the incident shows up in the line's incident list
            for (long deadline = System.currentTimeMillis() + 30_000; ; ) {
                b.go("/ui/incidents?line=" + line);
                if (!b.driver().findElements(By.cssSelector("a[href^='/ui/incidents/']")).isEmpty()) {
                    break;
                }
                assertTrue(System.currentTimeMillis() < deadline, "fault 1 raised no incident on " + line);
                sleep(500);
            }
            b.screenshot("69-loop-a-incidents");
            b.find(By.cssSelector("a[href^='/ui/incidents/']")).click();
            b.waitFor(ExpectedConditions.urlMatches("/ui/incidents/[0-9a-f-]{36}$"));
            String incident = b.driver().getCurrentUrl().replaceAll(".*/ui/incidents/", "");

            // incident page: Open NCR from the incident (its chart evidence)
            new Select(b.find(By.id("open-ncr-code"))).selectByValue("PROC-DRIFT");
            b.find(By.id("open-ncr-title-input")).sendKeys("A feed out of ratio");
            b.find(By.id("open-ncr-product")).sendKeys(product);
            b.screenshot("70-capa-loop-incident");
            click(b, "open-ncr-button");
            b.waitFor(ExpectedConditions.urlMatches("/ui/ncrs/[0-9a-f-]{36}$"));
            ncr = b.driver().getCurrentUrl().replaceAll(".*/ui/ncrs/", "");
            waitForText(b, "ncr-status", "OPEN");
            String charts = b.find(By.id("chart-evidence")).getText();
            assertTrue(charts.contains("XMEAS_1") && charts.contains("limits version"), charts);
            assertTrue(b.find(By.id("suspects-table")).getText().contains("WINDOW"), b.find(By.id("suspects-table")).getText());
            b.screenshot("70a-loop-a-ncr-evidence");

            // containment: every suspect lot held with one signature
            b.find(By.id("contain-reason")).sendKeys("made during the A feed excursion");
            b.find(By.id("contain-password")).sendKeys(CapaFixtures.PASSWORD);
            click(b, "contain-button");
            waitForText(b, "ncr-status", "CONTAINED");
            assertTrue(b.find(By.cssSelector("tr[data-lot='" + lot + "']")).getText().contains("ON_HOLD"));
            b.screenshot("70b-loop-a-ncr-held");

            // investigation (closing the report needs the root cause)
            new Select(b.find(By.id("inv-method"))).selectByValue("FIVE_WHY");
            b.find(By.id("inv-whys")).sendKeys("A feed ratio drifted\nratio controller set point changed during a grade change");
            new Select(b.find(By.id("inv-category"))).selectByVisibleText("METHOD");
            b.find(By.id("inv-cause")).sendKeys("grade-change procedure does not restore the A/C ratio set point");
            click(b, "investigation-button");
            waitForText(b, "ncr-status", "UNDER_INVESTIGATION");

            // material review: the quantities reconcile on the page, one signature
            b.find(By.cssSelector("tr[data-lot='" + lot + "'] input[data-decision='USE_AS_IS']")).sendKeys("500");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-lot='" + lot + "'] .reconcile"), "500 / 500 ✓"));
            b.find(By.id("disp-reason")).sendKeys("composition within specification after 100 % check");
            b.find(By.id("disp-password")).sendKeys(CapaFixtures.PASSWORD);
            b.screenshot("70c-loop-a-ncr-disposition");
            click(b, "disposition-button");
            waitForText(b, "ncr-status", "DISPOSITIONED");
            assertTrue(b.find(By.id("dispositions-table")).getText().contains("USE_AS_IS"));
            b.screenshot("70d-loop-a-ncr-dispositioned");

            // CAPA opened from the NCR page: the form names the report and starts from its line
            click(b, "open-capa");
            waitForText(b, "new-capa-ncr", "A feed out of ratio");
            assertEquals(line, b.find(By.id("new-line")).getAttribute("value"));
            b.find(By.id("new-title")).clear();
            b.find(By.id("new-title")).sendKeys("Restore the A feed ratio control");
            b.find(By.id("new-owner")).sendKeys(CapaFixtures.owner());
            new Select(b.find(By.id("new-criterion"))).selectByValue("NO_RULE_VIOLATION");
            b.find(By.id("new-variable")).sendKeys("XMEAS_1");
            b.find(By.id("new-days")).sendKeys("7");
            b.screenshot("71-capa-new");
            click(b, "new-capa-submit");
            b.waitFor(ExpectedConditions.urlMatches("/ui/capas/[0-9a-f-]{36}$"));
            capa = b.driver().getCurrentUrl().replaceAll(".*/ui/capas/", "");
            waitForStatus(b, "Open");
            assertTrue(b.find(By.id("criterion")).getText().contains("NO_RULE_VIOLATION"));
            assertTrue(b.find(By.id("capa-ncr")).getText().startsWith("NCR-"), b.find(By.id("capa-ncr")).getText());

            for (String to : List.of("IN_PROGRESS", "IMPLEMENTED", "EFFECTIVENESS_PENDING")) {
                click(b, "move-" + to);
                waitForStatus(b, to.equals("IN_PROGRESS") ? "In progress" : to.equals("IMPLEMENTED") ? "Implemented"
                        : "Effectiveness pending");
            }
            b.screenshot("72-capa-window-started");

            // the process back in control: normal A feed readings inside the window (data feed)
            clock.advance(Duration.ofHours(1));
            TelemetryFixtures.postValues(line, "XMEAS_1", "kscmh", clock.instant().minusSeconds(3000),
                    aFeed(TepData.normal(), 100, 300));
            click(b, "evaluate-button");
            waitForText(b, "evaluations", "NOT_YET");
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
            waitForText(b, "evaluations", "PASSED");
            b.screenshot("74-capa-effectiveness-passed");

            click(b, "close-button");
            b.find(By.id("close-reason")).sendKeys("no violation on XMEAS_1 for 7 days after the fix");
            b.find(By.id("close-password")).sendKeys("wrong-password");
            click(b, "close-submit");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#close-dialog .dialog-problem"),
                    "Not signed"));
            b.find(By.id("close-password")).sendKeys(CapaFixtures.PASSWORD);
            click(b, "close-submit");
            waitForStatus(b, "Closed");
            String history = b.find(By.id("history")).getText();
            assertTrue(history.contains(qa + "), APPROVAL"), history);
            b.screenshot("75-capa-closed-signed");

            // back on the NCR page: the CAPA is listed, the report is closed with a signature
            b.find(By.cssSelector("#capa-ncr a")).click();
            waitForText(b, "ncr-capas", "Restore the A feed ratio control");
            b.find(By.cssSelector("#close-form #close-reason")).sendKeys("lot dispositioned, CAPA effective and closed");
            b.find(By.cssSelector("#close-form #close-password")).sendKeys(CapaFixtures.PASSWORD);
            click(b, "close-button");
            waitForText(b, "ncr-status", "CLOSED");
            b.screenshot("75a-loop-a-ncr-closed");

            b.go("/ui/quality-reports");
            assertTrue(b.find(By.id("capa-on-time-csv")).getAttribute("href").endsWith("format=csv"));
            b.screenshot("76-quality-reports");
        } finally {
            clock.reset();
        }
        // what the loop left, as the API answers it
        JsonPath closed = Api.asAdmin().get("/api/v1/capas/" + capa).then().statusCode(200).extract().jsonPath();
        assertEquals("CLOSED", closed.getString("capa.status"));
        assertEquals(qa, closed.getString("capa.closedBy"));
        assertEquals(ncr, closed.getString("capa.ncrId"));
        assertEquals(List.of("PASSED", "NOT_YET"), closed.getList("evaluations.result"), "newest first");
        JsonPath report = Api.asAdmin().get("/api/v1/ncrs/" + ncr + "/detail").then().statusCode(200).extract().jsonPath();
        assertEquals("CLOSED", report.getString("ncr.status"));
        assertEquals("INCIDENT", report.getString("ncr.source"));
        assertEquals(product, report.getString("ncr.product"));
        assertEquals(List.of(lot), report.getList("suspectLots.lotId"));
        assertEquals(List.of("USE_AS_IS"), report.getList("dispositions.decision"));
        assertEquals(qa, report.getString("dispositions[0].signedBy"));
        assertEquals("RELEASED", Api.asAdmin().get("/api/v1/lots/" + lot).then().extract().path("status"));
        assertEquals(200, Api.as(qa, CapaFixtures.PASSWORD).get("/api/v1/quality-reports/capa-on-time?format=pdf")
                .statusCode());
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
