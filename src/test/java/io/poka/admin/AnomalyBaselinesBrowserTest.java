package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A data scientist trains an anomaly monitor on an uploaded data set from /ui/baselines (label column, normal value,
 * false-alarm target), reads its calibration and detection, and has one row's score explained by its features.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AnomalyBaselinesBrowserTest {
    static final String PASSWORD = "anomaly-ui-password-1";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aDataScientistTrainsPcaSpeOnLabelledRowsAndSeesWhichFeaturePushesAnAbnormalRowsScore() {
        String user = "an-ui-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", user, "displayName", user, "password", PASSWORD, "roles", List.of("qa-manager")));
        // 300 normal rows where flow = 2 pressure (+ noise) and temp is noise; then 40 rows (state 1) where flow breaks
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("t,state,pressure,flow,temp\n");
        for (int i = 0; i < 340; i++) {
            double p = random.nextGaussian();
            boolean broken = i >= 300;
            csv.append(String.format(Locale.ROOT, "%d,%d,%.5f,%.5f,%.5f%n", i, broken ? 1 : 0, p,
                    2 * p + 0.1 * random.nextGaussian() + (broken ? 3 : 0), random.nextGaussian()));
        }
        String id = Api.as(user, PASSWORD).contentType("text/csv").queryParam("name", "ui-anomaly " + UUID.randomUUID())
                .body(csv.toString()).post("/api/v1/scoring/datasets").then().statusCode(201).extract().path("id");

        try (Browser b = Browser.open(base)) {
            b.signIn(user, PASSWORD);
            b.go("/ui/baselines");
            new Select(b.find(By.id("bl-dataset"))).selectByValue(id);
            b.waitFor(d -> d.findElements(By.cssSelector("#bl-target option[value=state]")).size() == 1);
            new Select(b.find(By.id("bl-task"))).selectByValue("ANOMALY");
            new Select(b.find(By.id("bl-trainer"))).selectByValue("pca-spe");
            new Select(b.find(By.id("bl-target"))).selectByValue("state");
            new Select(b.find(By.id("bl-order"))).selectByValue("t");
            b.find(By.id("bl-normal-values")).sendKeys("0");
            b.find(By.id("bl-alpha")).sendKeys("0.05");
            List<String> checked = b.driver().findElements(By.cssSelector("#bl-feature-list input:checked")).stream()
                    .map(e -> e.getAttribute("value")).toList();
            assertEquals(List.of("pressure", "flow", "temp"), checked, "label and order column are no features");
            b.find(By.cssSelector("#baseline-form button[type=submit]")).click();
            b.waitFor(d -> !d.findElements(By.cssSelector("#bl-metrics tr[data-metric=detectionRate]")).isEmpty(),
                    Duration.ofSeconds(30));
            assertEquals("0.0500", b.find(By.cssSelector("#bl-metrics tr[data-metric=targetFalseAlarmRate] td.num")).getText());
            double detection = Double.parseDouble(b.find(By.cssSelector("#bl-metrics tr[data-metric=detectionRate] td.num")).getText());
            assertTrue(detection > 0.9, "the broken relation is detected: " + detection);
            assertTrue(b.find(By.id("bl-protocol")).getText().contains("cross-fitted"), b.find(By.id("bl-protocol")).getText());

            b.find(By.id("bl-explain-row")).sendKeys("{\"t\": 400, \"pressure\": 0.5, \"flow\": 4.5, \"temp\": 0.1}");
            b.find(By.cssSelector("#bl-explain-form button[type=submit]")).click();
            b.waitFor(d -> !d.findElements(By.cssSelector("#bl-explanation tbody tr")).isEmpty(), Duration.ofSeconds(20));
            assertTrue(b.find(By.id("bl-explain-summary")).getText().contains("anomalous"),
                    b.find(By.id("bl-explain-summary")).getText());
            String top = b.driver().findElements(By.cssSelector("#bl-explanation tbody tr")).get(0).getAttribute("data-feature");
            assertTrue(List.of("flow", "pressure").contains(top), "flow off its relation with pressure: " + top);

            // the monitors side by side on the same split: the VAE-GAN (small and quick here) beside PCA SPE
            JavascriptExecutor js = (JavascriptExecutor) b.driver();
            for (WebElement box : b.driver().findElements(By.cssSelector("#bl-monitor-list input"))) {
                if (box.isSelected() != List.of("vae-gan", "pca-spe").contains(box.getAttribute("value"))) {
                    // away from the notice at the top of the window
                    js.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
                    box.click();
                }
            }
            b.find(By.id("bl-vae-hyper")).sendKeys("{\"epochs\": 2, \"hiddenSizes\": [8], \"latentSize\": 2, "
                    + "\"discriminatorHidden\": 4, \"crossFitBlocks\": 2}");
            js.executeScript("arguments[0].scrollIntoView({block: 'center'})", b.find(By.id("bl-compare")));
            b.find(By.id("bl-compare")).click();
            b.waitFor(d -> !d.findElements(By.cssSelector("#bl-comparison-table tr[data-monitor=vae-gan]")).isEmpty(),
                    Duration.ofSeconds(60));
            List<WebElement> vae = b.driver().findElements(By.cssSelector(
                    "#bl-comparison-table tr[data-monitor=vae-gan] td"));
            assertTrue(vae.get(1).getText().startsWith("comparison-") && vae.get(1).getText().endsWith("(not active)"),
                    vae.get(1).getText());
            double vaeDetection = Double.parseDouble(vae.get(6).getText());
            assertTrue(vaeDetection >= 0 && vaeDetection <= 1, "the VAE-GAN's detection is shown: " + vaeDetection);
            assertEquals(List.of("vae-gan", "pca-spe"), b.driver().findElements(By.cssSelector(
                    "#bl-comparison-table tbody tr")).stream().map(e -> e.getAttribute("data-monitor")).toList());
            assertTrue(b.consoleErrors().isEmpty(), b.consoleErrors().toString());
        }
    }
}
