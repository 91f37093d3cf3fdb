package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.scoring.ScoringFixtures;
import io.poka.scoring.TepData;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The anomaly timeline of a line with the threshold, and a selected point's contributing variables. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AnomaliesBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void theTimelineShowsTheThresholdAndAPointSelectedByKeyboardOrButtonShowsItsVariables() {
        String line = "ui-anom-" + UUID.randomUUID().toString().substring(0, 8);
        String modelId = ScoringFixtures.activeModel(line, 30);
        // 30 held-out normal rows, then 30 rows of fault 6 (A feed loss), one per minute, ending an hour ago
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        List<double[]> rows = ScoringFixtures.replayNormalThenFault6(line, 30, start);
        JsonPath model = Api.asAdmin().get("/api/v1/scoring/models/" + modelId).then().statusCode(200).extract().jsonPath();
        // reference: the batch scoring endpoint on the same rows
        JsonPath batch = ScoringFixtures.asQa().body(Map.of("variables", TepData.VARIABLES, "rows", rows))
                .post("/api/v1/scoring/lines/" + line + "/score").then().statusCode(200).extract().jsonPath();
        List<Float> scores = batch.getList("rows.score", Float.class);
        int best = 0;
        for (int i = 1; i < scores.size(); i++) {
            best = scores.get(i) > scores.get(best) ? i : best;
        }

        try (Browser b = Browser.open(base)) {
            b.signIn("admin", Api.ADMIN_PASSWORD);
            b.go("/ui/anomalies?line=" + line);
            b.find(By.cssSelector("#timeline-chart .uplot canvas"));
            assertEquals("version 1", b.find(By.id("trace-model")).getText());
            assertEquals(String.format(Locale.ROOT, "%.6f", model.getDouble("threshold")),
                    b.find(By.id("trace-threshold")).getText());
            assertTrue(b.find(By.id("trace")).getText().contains("60 time steps"), b.find(By.id("trace")).getText());
            WebElement first = b.find(By.cssSelector("#top-scores tbody tr"));
            assertTrue(first.getText().contains("Anomaly"), first.getText());
            b.screenshot("50-anomaly-timeline");

            // keyboard: focus the chart, End selects the last point (a fault-6 row)
            WebElement chart = b.find(By.id("timeline-chart"));
            chart.sendKeys(Keys.END);
            b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("contrib-table")));
            assertTrue(b.find(By.id("contrib-point")).getText().contains("anomaly"), b.find(By.id("contrib-point")).getText());
            chart.sendKeys(Keys.HOME);
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("contrib-point"), "normal"));

            // the highest score's button shows the same top variable the batch endpoint reports for that row
            first.findElement(By.cssSelector("button.select-point")).click();
            b.waitFor(ExpectedConditions.attributeContains(By.cssSelector("#top-scores tbody tr"), "class", "selected"));
            List<WebElement> contributions = b.driver().findElements(By.cssSelector("#contrib-table tbody tr"));
            assertEquals(8, contributions.size());
            assertEquals(batch.getString("rows[" + best + "].topContributors[0].variable"),
                    contributions.get(0).findElement(By.tagName("th")).getText());
            assertTrue(b.find(By.id("contrib-point")).getText().contains("model version 1"));
            ((org.openqa.selenium.JavascriptExecutor) b.driver())
                    .executeScript("document.getElementById('timeline-chart').scrollIntoView()");
            b.screenshot("51-anomaly-contributions");
        }
    }
}
