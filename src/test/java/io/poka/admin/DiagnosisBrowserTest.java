package io.poka.admin;

import static io.poka.admin.AlertsBrowserTest.shows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.alerts.AlertFixtures;
import io.poka.diagnosis.DiagnosisApiTest;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The incident page in a real browser shows the likely fault of the incident's window (verdict and probabilities
 * from the diagnosis model) and the similar past incident with the cause recorded when it was resolved.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DiagnosisBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void theIncidentPageShowsTheLikelyFaultAndASimilarPastIncidentWithItsCause() throws Exception {
        DiagnosisApiTest.trainCheapTepModel();
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String past = DiagnosisApiTest.incidentOn(TelemetryFixtures.newLine(), "reactor-temp", start);
        Api.asAdmin().body(Map.of("cause", "cooling water valve sticking")).post("/api/v1/incidents/" + past + "/resolve")
                .then().statusCode(200);
        Instant now = start.plus(1, ChronoUnit.HOURS);
        String line = DiagnosisApiTest.lineWithFault2Readings(now);
        String incident = DiagnosisApiTest.incidentOn(line, "reactor-temp", now.plusSeconds(30));
        String manager = AlertFixtures.user("qa-manager");
        try (Browser b = Browser.open(base)) {
            b.signIn(manager, AlertFixtures.PASSWORD);
            b.go("/ui/incidents/" + incident);
            b.waitFor(shows(By.cssSelector("#diagnosis-panel .diagnosis-verdict"), "Likely fault-02"));
            assertEquals("fault-02", b.find(By.cssSelector("#diagnosis-classes tbody tr")).getAttribute("data-label"),
                    "the most probable class first");
            assertTrue(b.find(By.cssSelector("#diagnosis-panel .diagnosis-trace")).getText().contains("window of 20 rows"));
            b.waitFor(shows(By.cssSelector("#similar-events li[data-incident='" + past + "']"),
                    "cooling water valve sticking"));
            assertTrue(b.find(By.cssSelector("#similar-events li[data-incident='" + past + "']")).getText()
                    .contains("similarity 1.00"));
            b.screenshot("incident-diagnosis");
            assertTrue(b.consoleErrors().isEmpty(), "console errors: " + b.consoleErrors());
        }
    }
}
