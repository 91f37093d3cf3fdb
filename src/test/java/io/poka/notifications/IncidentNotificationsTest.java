package io.poka.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole path: real readings violate a chart's limits, alerts opens an incident, and the subscribers of the line
 * hear of it once (further violations add nothing); acknowledging over REST sends the chosen follow-up and stops the
 * escalation, while an incident nobody acknowledges is escalated once its delay has passed.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(NotificationsProfile.class)
class IncidentNotificationsTest extends NotificationsIntegrationTest {
    /** A new line with variable temp (entered limits 0 +- 3) and the subscriptions made by {@code subscribe}. */
    private static String lineWithLimits() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "temp", "degC", "");
        Api.asAdmin().body(Map.of("center", 0.0, "sigma", 1.0, "studyReference", "study-1"))
                .post("/api/v1/spc/charts/" + line + "/temp/limits/entered").then().statusCode(201);
        return line;
    }

    private static String onlyIncident(String line) {
        List<String> ids = Api.asAdmin().queryParam("line", line).get("/api/v1/incidents").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertEquals(1, ids.size(), "incidents of " + line + ": " + ids);
        return ids.get(0);
    }

    @Test
    void anIncidentFromRealReadingsIsNotifiedOnceAndItsAcknowledgementStopsTheEscalation() throws Exception {
        String line = lineWithLimits();
        try (WebhookReceiver hook = new WebhookReceiver(NotificationFixtures.SECRET);
                WebhookReceiver lead = new WebhookReceiver(NotificationFixtures.SECRET)) {
            NotificationFixtures.subscribe(line, "MEDIUM", "WEBHOOK", hook.url(), Map.of("changes",
                    List.of("OPENED", "ACKNOWLEDGED"), "escalationTarget", lead.url(), "escalateAfter", "PT20M"));
            Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            TelemetryFixtures.postValues(line, "temp", "degC", start, List.of(5.0, 6.0, 7.0));
            String incident = onlyIncident(line);
            worker.deliverDue();
            assertEquals(1, hook.calls().size());
            JsonNode opened = json.readTree(hook.calls().get(0).body());
            assertEquals("OPENED", opened.get("kind").asText());
            assertEquals(incident, opened.at("/incident/id").asText());
            assertEquals("HIGH", opened.at("/incident/severity").asText());
            assertTrue(hook.calls().get(0).signatureValid());

            TelemetryFixtures.postValues(line, "temp", "degC", start.plusSeconds(3), List.of(8.0, 9.0));
            assertEquals(incident, onlyIncident(line), "the same incident grew");
            worker.deliverDue();
            assertEquals(1, hook.calls().size(), "no second message for an incident already notified");

            clock.advance(Duration.ofMinutes(5));
            Api.asAdmin().post("/api/v1/incidents/" + incident + "/acknowledge").then().statusCode(200);
            clock.advance(Duration.ofHours(1));
            worker.deliverDue();
            assertEquals(List.of("OPENED", "ACKNOWLEDGED"), hook.calls().stream()
                    .map(c -> NotificationFixtures.kind(c.body())).toList());
            assertEquals(List.of(), lead.calls(), "acknowledged within 20 minutes: no escalation");
        }
    }

    @Test
    void anIncidentFromRealReadingsThatNobodyAcknowledgesIsEscalatedOnce() throws Exception {
        String line = lineWithLimits();
        try (WebhookReceiver hook = new WebhookReceiver(NotificationFixtures.SECRET);
                WebhookReceiver lead = new WebhookReceiver(NotificationFixtures.SECRET)) {
            NotificationFixtures.subscribe(line, "LOW", "WEBHOOK", hook.url(), Map.of("escalationTarget", lead.url(),
                    "escalateAfter", "PT20M"));
            Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            TelemetryFixtures.postValues(line, "temp", "degC", start, List.of(5.0, 6.0, 7.0));
            String incident = onlyIncident(line);
            worker.deliverDue();
            clock.advance(Duration.ofMinutes(19));
            worker.deliverDue();
            assertEquals(List.of(), lead.calls());
            clock.advance(Duration.ofMinutes(2));
            worker.deliverDue();
            clock.advance(Duration.ofHours(2));
            worker.deliverDue();
            assertEquals(1, lead.calls().size());
            JsonNode escalated = json.readTree(lead.calls().get(0).body());
            assertEquals("ESCALATED", escalated.get("kind").asText());
            assertEquals(incident, escalated.at("/incident/id").asText());
            assertEquals("PT20M", escalated.get("unacknowledgedFor").asText());
            assertEquals(1, hook.calls().size());
        }
    }
}
