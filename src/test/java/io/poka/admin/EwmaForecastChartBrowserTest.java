package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The EWMA one-step-ahead forecast chart of a characteristic in the browser: the forecast errors plotted against
 * 0 ± L σ_e, the EWMA's λ named beside the limits, and a step the forecast did not expect marked. Limits are entered
 * from a study (center 10, σ_e 0.1, λ 0.4), so the errors follow from the values alone.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class EwmaForecastChartBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theForecastErrorChartNamesLambdaAndMarksAnUnexpectedStep() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "level", "m", ",\"chartType\":\"EWMA_FORECAST\",\"ruleSet\":"
                + "\"BEYOND_LIMITS\"");
        Api.asAdmin().body(Map.of("center", 10.0, "sigma", 0.1, "studyReference", "study-ewma")).post(
                "/api/v1/spc/charts/" + line + "/level/limits/entered").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("forecastLambda"));
        Api.asAdmin().body(Map.of("center", 10.0, "sigma", 0.1, "forecastLambda", 0.4, "studyReference",
                "study-ewma")).post("/api/v1/spc/charts/" + line + "/level/limits/entered").then().statusCode(201)
                .body("forecastLambda", org.hamcrest.Matchers.equalTo(0.4f));
        List<Double> values = new ArrayList<>();
        double level = 10;
        for (int i = 0; i < 40; i++) {
            level += i % 2 == 0 ? 0.03 : -0.02; // a slowly wandering level the EWMA follows
            values.add(level);
        }
        values.add(level + 0.6); // six error sigmas above what the EWMA forecast
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        TelemetryFixtures.postValues(line, "level", "m", start, values);
        List<Map<String, Object>> points = Api.asAdmin().queryParam("from", start.toString())
                .get("/api/v1/spc/charts/" + line + "/level").then().statusCode(200).extract().jsonPath()
                .getList("points.FORECAST_ERRORS");
        assertEquals(41, points.size(), "one forecast error per reading");
        assertEquals(List.of("NELSON1"), points.get(40).get("rules"), "the step fires rule 1: " + points.get(40));
        assertTrue(points.subList(0, 40).stream().allMatch(p -> ((List<?>) p.get("rules")).isEmpty()),
                "the wandering level is forecast: no firing");

        try (Browser browser = Browser.open(base)) {
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            browser.go("/ui/charts/" + line + "/level");
            assertEquals("FORECAST_ERRORS", browser.find(org.openqa.selenium.By.id("main-chart"))
                    .getDomAttribute("data-chart"));
            browser.find(org.openqa.selenium.By.cssSelector("#main-chart .rule-marker"));
            String page = browser.find(org.openqa.selenium.By.tagName("main")).getText();
            assertTrue(page.contains("EWMA forecast: starts at the mean 10.000, λ 0.400, forecast error sigma 0.100"),
                    page);
            browser.screenshot("19i-chart-ewma-forecast");
            assertTrue(browser.consoleErrors().isEmpty(), browser.consoleErrors().toString());
        }
    }
}
