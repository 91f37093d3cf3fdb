package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.poka.prognostics.RulFixtures;
import io.poka.prognostics.internal.model.Fd001;
import io.poka.prognostics.internal.model.UnitHistory;
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

/**
 * The RUL page in a real browser: units with RUL and interval, one unit's trajectory chart, and the units of a stored
 * data set predicted by the serving model (an unknown column is a message, not a failed request).
 */
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

            // the units of a stored data set (engines 3 and 4 after 80 cycles), predicted by the serving model
            b.go("/ui/rul?dataset=" + runningEngines() + "&unitColumn=unit&cycleColumn=cycle");
            WebElement table = b.waitFor(d -> d.findElement(By.id("rul-dataset-units")));
            assertEquals(2, table.findElements(By.cssSelector("tbody tr")).size());
            assertEquals(1, table.findElements(By.cssSelector("tr[data-unit='3']")).size());
            assertTrue(b.find(By.id("rul-models")).getText().contains("serving"));
            b.go("/ui/rul?dataset=" + runningEngines() + "&unitColumn=engine&cycleColumn=cycle");
            assertTrue(b.waitFor(d -> d.findElement(By.id("rul-dataset-message"))).getText().contains("engine"));
            assertTrue(b.consoleErrors().isEmpty(), b.consoleErrors().toString());
        }
    }

    /** FD001 engines 3 and 4, first 80 cycles, uploaded as a data set (unit, cycle, the 14 sensors); its id. */
    private static String runningEngines() {
        StringBuilder csv = new StringBuilder("unit,cycle," + String.join(",", Fd001.SENSORS) + "\n");
        for (int e = 3; e <= 4; e++) {
            UnitHistory u = Fd001.load().units().get(e - 1);
            for (int i = 0; i < 80; i++) {
                csv.append(e).append(',').append(i + 1);
                for (double v : u.rows()[i]) {
                    csv.append(',').append(v);
                }
                csv.append('\n');
            }
        }
        return Api.asAdmin().contentType("text/csv").queryParam("name", "running engines").body(csv.toString())
                .post("/api/v1/scoring/datasets").then().statusCode(anyOf(is(200), is(201))).extract().path("id");
    }
}
