package io.poka.ncr;

import static io.poka.lots.LotFixtures.unique;
import static io.poka.ncr.NcrFixtures.NCRS;
import static io.poka.ncr.NcrFixtures.qa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.lots.LotFixtures;
import io.poka.platform.Roles;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A QA manager works a report in a real browser: finds it in the list, sees the suspect lots the window proposed,
 * holds them with one signature, enters a material review whose sums reconcile on the page, and the lots move.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NcrPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aQaManagerHoldsTheSuspectLotsAndRecordsAReconciledDispositionFromTheNcrPage() {
        String line = unique("L");
        String product = unique("P");
        String lot = NcrFixtures.lot(product, line, "2026-11-20T08:00:00Z", "2026-11-20T10:00:00Z");
        String id = qa().body(Map.of("source", "MANUAL", "title", "burr seen in browser test", "line", line,
                "product", product, "defectCode", "DIM-BURR", "signalFrom", "2026-11-20T09:00:00Z",
                "signalTo", "2026-11-20T09:30:00Z")).post(NCRS).then().statusCode(201).extract().path("id");
        String number = qa().get(NCRS + "/" + id).then().extract().path("number");

        try (Browser b = Browser.open(base)) {
            b.signIn(LotFixtures.user(Roles.QA_MANAGER), LotFixtures.PASSWORD);
            b.go("/ui/ncrs?line=" + line);
            assertTrue(b.find(By.id("result-count")).getText().startsWith("1 report"));
            b.screenshot("ncr-list");
            b.find(By.linkText(number)).click();
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("ncr-status"), "OPEN"));
            assertTrue(b.find(By.id("suspects-table")).getText().contains("WINDOW"));
            b.screenshot("ncr-detail-open");

            b.find(By.id("contain-reason")).sendKeys("suspect burr");
            b.find(By.id("contain-password")).sendKeys(LotFixtures.PASSWORD);
            b.find(By.id("contain-button")).click();
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("ncr-status"), "CONTAINED"));
            assertEquals("ON_HOLD", Api.asAdmin().get("/api/v1/lots/" + lot).then().extract().path("status"));

            b.find(By.cssSelector("tr[data-lot='" + lot + "'] input[data-decision='REWORK']")).sendKeys("100");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-suspect] .reconcile"), "100 / 500 ✗"));
            b.find(By.cssSelector("tr[data-lot='" + lot + "'] input[data-decision='USE_AS_IS']")).sendKeys("400");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-suspect] .reconcile"), "500 / 500 ✓"));
            b.find(By.id("disp-reason")).sendKeys("sorted 100 %");
            b.find(By.id("disp-password")).sendKeys(LotFixtures.PASSWORD);
            b.screenshot("ncr-disposition");
            b.find(By.id("disposition-button")).click();
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("ncr-status"), "DISPOSITIONED"));
            assertEquals("RELEASED", Api.asAdmin().get("/api/v1/lots/" + lot).then().extract().path("status"));
            b.screenshot("ncr-detail-dispositioned");

            b.go("/ui/defect-codes");
            assertTrue(b.find(By.id("codes-table")).getText().contains("DIM-BURR"));
            b.screenshot("ncr-defect-codes");
            assertEquals(List.of(), b.consoleErrors());
        }
    }
}
