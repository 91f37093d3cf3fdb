package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A data scientist trains a regressor on an uploaded data set from the page and reads evaluation and importance. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class BaselinesBrowserTest {
    static final String PASSWORD = "baselines-ui-password-1";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aDataScientistPicksDataSetTargetFeaturesAndGroupedSplitAndSeesTheImportanceRanking() {
        String user = "bl-ui-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", user, "displayName", user, "password", PASSWORD, "roles", List.of("qa-manager")));
        // 10 machines of 15 rows: quality = 2 speed + noise; vibration and humidity carry nothing
        Random random = new Random(System.nanoTime());
        StringBuilder csv = new StringBuilder("machine,speed,vibration,humidity,quality\n");
        for (int i = 0; i < 150; i++) {
            double speed = random.nextDouble() * 10;
            csv.append(String.format(Locale.ROOT, "%d,%.5f,%.5f,%.5f,%.5f%n", i / 15, speed, random.nextDouble(),
                    random.nextDouble() * 50, 2 * speed + 0.3 * random.nextGaussian()));
        }
        String name = "ui machines " + UUID.randomUUID();
        String id = Api.as(user, PASSWORD).contentType("text/csv").queryParam("name", name).body(csv.toString())
                .post("/api/v1/scoring/datasets").then().statusCode(201).extract().path("id");

        try (Browser b = Browser.open(base)) {
            b.signIn(user, PASSWORD);
            b.go("/ui/baselines");
            new Select(b.find(By.id("bl-dataset"))).selectByValue(id);
            b.waitFor(d -> d.findElements(By.cssSelector("#bl-target option[value=quality]")).size() == 1);
            new Select(b.find(By.id("bl-task"))).selectByValue("REGRESSION");
            new Select(b.find(By.id("bl-trainer"))).selectByValue("random-forest");
            new Select(b.find(By.id("bl-target"))).selectByValue("quality");
            new Select(b.find(By.id("bl-split"))).selectByValue("GROUPED");
            new Select(b.find(By.id("bl-group"))).selectByValue("machine");
            // the target and the group column are not offered as features
            List<String> checked = b.driver().findElements(By.cssSelector("#bl-feature-list input:checked")).stream()
                    .map(e -> e.getAttribute("value")).toList();
            assertEquals(List.of("speed", "vibration", "humidity"), checked);
            b.find(By.id("bl-share")).sendKeys("0.3");
            b.find(By.cssSelector("#baseline-form button[type=submit]")).click();

            b.waitFor(d -> d.findElements(By.cssSelector("#bl-importance tbody tr")).size() == 3, Duration.ofSeconds(20));
            List<WebElement> ranking = b.driver().findElements(By.cssSelector("#bl-importance tbody tr"));
            assertEquals("speed", ranking.get(0).getAttribute("data-feature"));
            assertTrue(b.find(By.id("bl-protocol")).getText().contains("grouped hold-out by 'machine'"),
                    b.find(By.id("bl-protocol")).getText());
            assertFalse(b.driver().findElements(By.cssSelector("#bl-metrics tr[data-metric=rmse]")).isEmpty());
            assertEquals("45", b.find(By.cssSelector("#bl-metrics tr[data-metric=testRows] td.num")).getText(),
                    "3 of 10 machines, 15 rows each");
            b.waitFor(d -> d.findElements(By.cssSelector("#bl-models tbody tr")).size() == 1);
            b.screenshot("60-baselines-any-dataset");

            // a refusal is shown with its reason, and stores nothing
            new Select(b.find(By.id("bl-task"))).selectByValue("CLASSIFICATION");
            new Select(b.find(By.id("bl-trainer"))).selectByValue("logistic-regression");
            new Select(b.find(By.id("bl-target"))).selectByValue("quality");
            b.find(By.cssSelector("#baseline-form button[type=submit]")).click();
            b.waitFor(d -> d.findElement(By.id("messages")).getText().contains("Too many classes"));
            assertEquals(1, b.driver().findElements(By.cssSelector("#bl-models tbody tr")).size());
            assertTrue(b.consoleErrors().stream().allMatch(e -> e.contains("422")), b.consoleErrors().toString());
        }
    }
}
