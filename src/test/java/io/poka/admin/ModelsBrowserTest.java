package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.scoring.ScoringFixtures;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A QA manager trains a VAE-GAN from the browser, follows its progress, compares it, promotes it and rolls back. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ModelsBrowserTest {
    /** Enough epochs that the page (polling once a second) shows several intermediate values even on a quiet machine. */
    static final int EPOCHS = 200;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aQaManagerTrainsWithALiveProgressBarThenComparesPromotesAndRollsBack() {
        String qa = ScoringFixtures.qaManager();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String line = "ui-line-" + suffix;
        String datasetId = ScoringFixtures.uploadNormal("tep-d00-ui-" + suffix);
        // d00 may already be stored by another test: the upload then gives back that data set, under its first name
        String dataset = Api.asAdmin().get("/api/v1/scoring/datasets/" + datasetId).then().statusCode(200)
                .extract().path("name");
        // a stored baseline for the comparison (UCI steel plates, seconds of training)
        Api.asAdmin().body(Map.of("trainer", "logistic-regression")).post("/api/v1/baselines/datasets/steel-plates/models")
                .then().statusCode(201);

        try (Browser b = Browser.open(base)) {
            b.signIn(qa, ScoringFixtures.qaPassword());
            b.go("/ui/models");
            new Select(b.find(By.id("train-dataset"))).selectByValue(datasetId);
            b.find(By.id("train-line")).sendKeys(line);
            b.find(By.id("hp-epochs")).sendKeys(String.valueOf(EPOCHS));
            b.find(By.id("hp-seed")).sendKeys("5");
            b.find(By.cssSelector("#train-form button[type=submit]")).click();

            // the bar advances while the job runs: record every value the page shows
            List<Integer> seen = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            b.waitFor(d -> {
                List<WebElement> bar = d.findElements(By.id("job-progress"));
                if (bar.isEmpty() || !bar.get(0).isDisplayed()) {
                    return false;
                }
                int now = Integer.parseInt(bar.get(0).getAttribute("aria-valuenow"));
                if (seen.isEmpty() || seen.get(seen.size() - 1) != now) {
                    seen.add(now);
                    texts.add(d.findElement(By.id("job-epoch")).getText());
                }
                return now >= 2 && now < EPOCHS;
            }, Duration.ofSeconds(300));
            assertEquals(String.valueOf(EPOCHS), b.find(By.id("job-progress")).getAttribute("aria-valuemax"));
            assertTrue(b.find(By.id("job-epoch")).getText().matches("epoch \\d+ of " + EPOCHS), texts.toString());
            b.screenshot("41-training-progress");
            b.waitFor(d -> {
                List<WebElement> bar = d.findElements(By.id("job-progress"));
                if (!bar.isEmpty() && bar.get(0).isDisplayed()) {
                    int now = Integer.parseInt(bar.get(0).getAttribute("aria-valuenow"));
                    if (seen.get(seen.size() - 1) != now) {
                        seen.add(now);
                    }
                }
                return !d.findElements(By.xpath("//table[@id='registry']//tr[td[1]='" + line + "']")).isEmpty();
            }, Duration.ofSeconds(420));
            assertTrue(seen.stream().filter(v -> v > 0 && v < EPOCHS).distinct().count() >= 2,
                    "the bar showed at least two intermediate epochs: " + seen);
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) > seen.get(i - 1), "never goes back: " + seen);
            }
            // done: the finished job shows the full bar, and the new version is in the registry (inactive)
            WebElement jobRow = b.find(By.xpath("//table[@id='jobs']//tr[td[2]='" + line + "']"));
            assertTrue(jobRow.getText().contains("Succeeded"), jobRow.getText());
            assertEquals(String.valueOf(EPOCHS), jobRow.findElement(By.tagName("progress")).getAttribute("aria-valuenow"));
            WebElement row = b.find(By.xpath("//table[@id='registry']//tr[td[1]='" + line + "']"));
            assertTrue(row.getText().contains("Inactive") && row.getText().contains(dataset), row.getText());
            String v1 = row.getAttribute("data-model-id");
            assertEquals(v1, Api.asAdmin().queryParam("line", line).get("/api/v1/scoring/models").then().statusCode(200)
                    .extract().path("[0].id"));
            ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", row);
            b.screenshot("40-models");

            // detail: metrics and the comparison with what the baselines module returns
            row.findElement(By.linkText("v1")).click();
            b.find(By.id("model-fingerprint"));
            b.find(By.id("metrics"));
            // a model trained on a scoring data set asks the baselines module for nothing until a data set is chosen
            assertEquals("", b.driver().findElement(By.id("comparison")).getText());
            WebElement input = b.find(By.id("comparison-dataset"));
            input.clear();
            input.sendKeys("steel-plates");
            b.find(By.cssSelector("#comparison-form button[type=submit]")).click();
            WebElement comparison = b.find(By.id("comparison-table"));
            assertTrue(comparison.findElements(By.cssSelector("tbody tr")).size() >= 2, comparison.getText());
            assertTrue(comparison.getText().contains("This model (VAE-GAN v1)"), comparison.getText());
            assertTrue(comparison.getText().contains("logistic-regression"), comparison.getText());
            assertTrue(comparison.getText().contains("other data"), "steel plates are not TEP: " + comparison.getText());
            b.screenshot("42-model-detail-comparison");

            // promote v1 with the e-signature dialog (the line's catalogue holds the model's variables)
            ScoringFixtures.catalogue(line);
            promote(b);
            assertEquals(true, Api.asAdmin().get("/api/v1/scoring/models/" + v1).then().extract().path("active"));

            // v2 trained over the API, promoted in the browser, then the line rolled back to v1
            String v2 = ScoringFixtures.train(datasetId, line, 5);
            b.go("/ui/models/" + v2);
            promote(b);
            assertEquals(true, Api.asAdmin().get("/api/v1/scoring/models/" + v2).then().extract().path("active"));
            b.find(By.id("rollback-open")).click();
            b.find(By.id("rollback-password")).sendKeys(ScoringFixtures.qaPassword());
            b.find(By.id("rollback-reason")).sendKeys("v2 raised false alarms on the night shift");
            b.find(By.cssSelector("#rollback-dialog button[type=submit]")).click();
            b.waitFor(ExpectedConditions.textToBe(By.id("model-status"), "Inactive"));
            assertTrue(b.find(By.id("messages")).getText().contains("rolled back"), b.find(By.id("messages")).getText());
            assertEquals(true, Api.asAdmin().get("/api/v1/scoring/models/" + v1).then().extract().path("active"));
            assertEquals(false, Api.asAdmin().get("/api/v1/scoring/models/" + v2).then().extract().path("active"));
        }
    }

    @Test
    void aQaManagerRunsTheAnomalyComparisonOnTheModelsOwnDataAndSeesEveryMonitorSideBySide() {
        String qa = ScoringFixtures.qaManager();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String line = "ui-anomaly-" + suffix;
        String datasetId = ScoringFixtures.uploadNormal("tep-d00-" + line);
        String d01 = ScoringFixtures.uploadFault("tep-d01-ui-" + suffix, 1, 200);
        String d06 = ScoringFixtures.uploadFault("tep-d06-ui-" + suffix, 6, 200);
        String modelId = ScoringFixtures.train(datasetId, line, 5);
        // read as double: rest-assured's default JSON numbers are floats
        double threshold = JsonPath.from(Api.asAdmin().get("/api/v1/scoring/models/" + modelId).then().statusCode(200)
                .extract().asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE))
                .getDouble("threshold");

        try (Browser b = Browser.open(base)) {
            b.signIn(qa, ScoringFixtures.qaPassword());
            b.go("/ui/models/" + modelId);
            b.find(By.id("anomaly-none"));
            // the page's own requests all succeed: a model trained on a scoring data set asks baselines for nothing
            assertEquals(List.of(), b.consoleErrors(), "console errors on the model page");
            // the supervised comparison stays, below and titled for what it is
            assertTrue(b.find(By.id("compare-h")).getText().startsWith("Classifier and regressor baselines"));
            assertTrue(b.find(By.id("anomaly-h")).getLocation().getY() < b.find(By.id("compare-h")).getLocation().getY());

            b.find(By.id("fault-" + d01)).click();
            b.find(By.id("fault-" + d06)).click();
            b.find(By.id("onset-" + d06)).sendKeys("20");
            // the request is synchronous: the button is disabled and a busy line shown from the click until the answer
            List<?> busy = (List<?>) ((JavascriptExecutor) b.driver()).executeScript("arguments[0].click(); return ["
                    + "arguments[0].disabled, document.getElementById('anomaly-busy').textContent,"
                    + "document.getElementById('anomaly-comparisons').getAttribute('aria-busy')]", b.find(By.id("anomaly-run")));
            assertEquals(true, busy.get(0), busy.toString());
            assertTrue(((String) busy.get(1)).contains("Fitting the six baselines and scoring 2 fault data set(s)"), busy.toString());
            assertEquals("true", busy.get(2));
            WebElement table = b.waitFor(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#anomaly-comparisons article .anomaly-table")), Duration.ofSeconds(180));
            assertTrue(b.find(By.id("anomaly-busy")).getText().contains("Done"), b.find(By.id("anomaly-busy")).getText());
            assertTrue(b.find(By.id("anomaly-run")).isEnabled(), "enabled again once the answer is shown");

            // the seven monitors (order of the baselines module's response), each with a numeric detection rate
            List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
            assertEquals(List.of("vae-gan v1", "pca-t2", "pca-spe", "dynamic-pca-t2", "dynamic-pca-spe", "one-class-svm",
                    "isolation-forest"),
                    rows.stream().map(r -> r.getAttribute("data-model")).toList());
            for (WebElement r : rows) {
                WebElement detection = r.findElement(By.cssSelector("td.detection"));
                assertTrue(detection.getText().matches("\\d+\\.\\d %"), detection.getText());
                double rate = Double.parseDouble(detection.getAttribute("data-value"));
                assertTrue(rate >= 0 && rate <= 1, r.getText());
            }
            // the VAE-GAN row is marked by a symbol and a word; the comparison applies the model's alarm rule (EWMA) to
            // every monitor from the first scored row, so every limit, the VAE-GAN's too, is set again on the held-out
            // rows' smoothed scores (AnomalyComparisonRestTest checks the stored threshold is kept without a rule)
            WebElement vae = rows.get(0);
            assertTrue(vae.findElement(By.tagName("th")).getText().equals("◆ VAE-GAN v1 (this model)"), vae.getText());
            WebElement vaeThreshold = vae.findElement(By.cssSelector("td.threshold"));
            assertTrue(Double.parseDouble(vaeThreshold.getAttribute("data-value")) > 0, vaeThreshold.getText());
            assertTrue(threshold > 0, "the model's own threshold");
            // fault 6 (A feed loss) is gross: PCA SPE flags most of its rows (AnomalyComparisonRestTest, bench/tep.sh)
            assertTrue(Double.parseDouble(rows.get(2).findElement(By.cssSelector("td.detection")).getAttribute("data-value"))
                    > 0.5, rows.get(2).getText());
            String article = b.find(By.cssSelector("#anomaly-comparisons article")).getText();
            assertTrue(article.contains("tep-d01-ui-" + suffix) && article.contains("tep-d06-ui-" + suffix + " (200 rows, fault from row 20)"),
                    article);
            ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -80)",
                    b.find(By.cssSelector("#anomaly-comparisons article")));
            b.screenshot("43-model-anomaly-comparison");

            // stored by the baselines module, and shown again after a reload (newest first)
            List<String> stored = Api.asAdmin().queryParam("datasetId", datasetId)
                    .get("/api/v1/baselines/anomaly-comparisons").then().statusCode(200).extract().path("id");
            assertEquals(1, stored.size());
            assertEquals(List.of(modelId), Api.asAdmin().get("/api/v1/baselines/anomaly-comparisons/" + stored.get(0))
                    .then().statusCode(200).extract().path("vaeGanModelIds"));
            b.go("/ui/models/" + modelId);
            assertEquals(stored.get(0), b.find(By.cssSelector("#anomaly-comparisons article")).getAttribute("data-comparison-id"));
        }
    }

    @Test
    void aRunningTrainingIsCancelledFromTheBrowserAndRegistersNoModel() {
        String qa = ScoringFixtures.qaManager();
        String line = "ui-cancel-" + UUID.randomUUID().toString().substring(0, 8);
        String datasetId = ScoringFixtures.uploadNormal("tep-d00-" + line);
        try (Browser b = Browser.open(base)) {
            b.signIn(qa, ScoringFixtures.qaPassword());
            b.go("/ui/models");
            new Select(b.find(By.id("train-dataset"))).selectByValue(datasetId);
            b.find(By.id("train-line")).sendKeys(line);
            b.find(By.id("hp-epochs")).sendKeys("5000");
            b.find(By.cssSelector("#train-form button[type=submit]")).click();
            b.waitFor(d -> Integer.parseInt(d.findElement(By.id("job-progress")).getAttribute("aria-valuenow")) >= 1,
                    Duration.ofSeconds(300));
            b.find(By.id("job-cancel")).click();
            b.waitFor(ExpectedConditions.textToBe(By.id("job-status"), "Cancelled"), Duration.ofSeconds(180));
            assertFalse(b.driver().findElement(By.id("job-cancel")).isDisplayed(), "nothing left to cancel");
        }
        assertEquals("CANCELLED", Api.asAdmin().queryParam("line", line).get("/api/v1/scoring/training-jobs").then()
                .statusCode(200).extract().path("[0].status"));
        assertEquals(0, Api.asAdmin().queryParam("line", line).get("/api/v1/scoring/models").then().statusCode(200)
                .extract().jsonPath().getList("$").size());
    }

    @Test
    void aWrongSignaturePasswordIsRefusedAndNothingChanges() {
        // an own signer: the failed re-authentication counts toward its lockout
        String qa = "qa-sig-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", qa, "displayName", qa, "password", "a-long-password-1",
                "roles", List.of("qa-manager")));
        String line = "ui-sig-" + UUID.randomUUID().toString().substring(0, 8);
        String id = ScoringFixtures.train(ScoringFixtures.uploadNormal("tep-d00-" + line), line, 3);
        ScoringFixtures.catalogue(line);
        try (Browser b = Browser.open(base, 820, 1180)) {
            b.signIn(qa, "a-long-password-1");
            b.go("/ui/models/" + id);
            b.find(By.id("promote-open")).click();
            b.find(By.id("promote-password")).sendKeys("not-the-password");
            b.find(By.id("promote-reason")).sendKeys("trying");
            b.find(By.cssSelector("#promote-dialog button[type=submit]")).click();
            b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages .problem")));
            assertEquals("Inactive", b.find(By.id("model-status")).getText());
            assertEquals(false, Api.asAdmin().get("/api/v1/scoring/models/" + id).then().extract().path("active"));
            Object overflow = ((JavascriptExecutor) b.driver()).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0L, ((Number) overflow).longValue(), "no sideways scrolling at tablet width");
            b.find(By.cssSelector("#promote-dialog [data-close]")).click();
            b.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("promote-dialog")));
            ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                    b.find(By.id("anomaly-h")));
            b.screenshot("44-model-anomaly-tablet");
        }
        // an inspector sees the registry but is offered neither training nor promotion
        String inspector = "insp-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", inspector, "displayName", inspector, "password", "a-long-password-1",
                "roles", List.of("inspector")));
        try (Browser b = Browser.open(base)) {
            b.signIn(inspector, "a-long-password-1");
            b.go("/ui/models/" + id);
            b.find(By.id("model-fingerprint"));
            assertTrue(b.driver().findElements(By.id("promote-open")).isEmpty(), "no promote button");
            b.go("/ui/models");
            b.find(By.id("registry"));
            assertFalse(b.driver().findElements(By.id("train-form")).size() > 0, "no training form");
        }
    }

    private static void promote(Browser b) {
        b.find(By.id("promote-open")).click();
        b.find(By.id("promote-password")).sendKeys(ScoringFixtures.qaPassword());
        new Select(b.find(By.id("promote-meaning"))).selectByValue("APPROVAL");
        b.find(By.id("promote-reason")).sendKeys("validated on TEP d00");
        b.find(By.cssSelector("#promote-dialog button[type=submit]")).click();
        b.waitFor(ExpectedConditions.textToBe(By.id("model-status"), "Active"));
    }
}
