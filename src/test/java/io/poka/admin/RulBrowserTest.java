package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.prognostics.RulFixtures;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The RUL page in a real browser: units with RUL and interval, then one unit's trajectory chart. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RulBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theRulPageListsTelemetryUnitsAndDrawsAUnitsTrajectoryWithItsInterval() {
        RulFixtures.trainQuickModel();
        String line = RulFixtures.engineOnTelemetry(2, 60);
        double rul = Api.asAdmin().get("/api/v1/prognostics/units/" + line + "/rul").then().statusCode(200).extract()
                .jsonPath().getDouble("rul");
        try (Browser b = Browser.open(base)) {
            b.signIn("admin", Api.ADMIN_PASSWORD);
            b.go("/ui/rul");
            WebElement row = b.waitFor(d -> d.findElement(By.cssSelector("#rul-units tr[data-unit='" + line + "']")));
            assertEquals(String.valueOf(Math.round(rul)), row.findElement(By.cssSelector("td.rul")).getText());
            assertTrue(row.getText().contains("60"), row.getText());
            assertTrue(b.find(By.id("rul-models")).getText().contains("linear"));
            b.screenshot("18-rul-units");
            row.findElement(By.tagName("a")).click();
            WebElement chart = b.waitFor(d -> d.findElement(By.id("rul-trajectory")));
            assertEquals("60", chart.getDomAttribute("data-points"));
            assertEquals(1, b.driver().findElements(By.cssSelector("#rul-trajectory path.rul-band")).size());
            assertEquals(String.valueOf(Math.round(rul)), b.find(By.id("rul-now")).getText());
            b.screenshot("18-rul-trajectory");
            assertTrue(b.consoleErrors().isEmpty(), b.consoleErrors().toString());
        }
    }
}
