package io.poka.notifications.internal;

import static io.poka.notifications.NotificationFixtures.deliveries;
import static io.poka.notifications.NotificationFixtures.fire;
import static io.poka.notifications.NotificationFixtures.line;
import static io.poka.notifications.NotificationFixtures.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.notifications.NotificationsIntegrationTest;
import io.poka.notifications.NotificationsProfile;
import io.poka.notifications.TestSmtpServer;
import io.poka.testing.AdjustableClock;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An incident nobody acknowledges is escalated to the second recipient once, after the subscription's delay (or the
 * configured default); an acknowledgement before then cancels the escalation. Time passes on the application's
 * clock (AdjustableClock), not by sleeping.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(NotificationsProfile.class)
class EscalationTest extends NotificationsIntegrationTest {
    /** A line, its on-call address and the escalation lead's, and an incident opened there and first notified. */
    private record Opened(String line, String onCall, String lead, UUID incident) {
    }

    private Opened openedWithEscalation(String minSeverity, String severity, Map<String, String> escalation) {
        String line = line();
        String onCall = "oncall-" + UUID.randomUUID() + "@plant.example";
        String lead = "lead-" + UUID.randomUUID() + "@plant.example";
        Map<String, String> extra = new java.util.HashMap<>(escalation);
        extra.put("escalationTarget", lead);
        subscribe(line, minSeverity, "EMAIL", onCall, extra);
        UUID incident = UUID.randomUUID();
        fire(incidents, incident, line, "OPENED", severity, "OPEN", clock.instant());
        worker.deliverDue();
        return new Opened(line, onCall, lead, incident);
    }

    @Test
    void anIncidentUnacknowledgedPastTheSubscriptionsDelayIsEscalatedOnceToTheSecondRecipient() throws Exception {
        Opened o = openedWithEscalation("MEDIUM", "HIGH", Map.of("escalateAfter", "PT30M"));
        String line = o.line();
        String onCall = o.onCall();
        String lead = o.lead();
        UUID incident = o.incident();
        assertEquals(1, TestSmtpServer.receivedBy(onCall).size());
        assertEquals(List.of(), TestSmtpServer.receivedBy(lead), "not yet");

        clock.advance(Duration.ofMinutes(29));
        worker.deliverDue();
        assertEquals(List.of(), TestSmtpServer.receivedBy(lead), "29 minutes is within the 30 allowed");

        clock.advance(Duration.ofMinutes(2));
        worker.deliverDue();
        assertEquals(1, TestSmtpServer.receivedBy(lead).size());
        assertEquals("[Poka] HIGH incident on line " + line + ": unacknowledged for 30 min",
                TestSmtpServer.receivedBy(lead).get(0).getSubject());
        String text = TestSmtpServer.receivedBy(lead).get(0).getContent().toString();
        assertTrue(text.contains("You are its escalation contact"), text);

        // a later signal of the same incident and hours more without acknowledgement: still one escalation
        fire(incidents, incident, line, "UPDATED", "HIGH", "OPEN", clock.instant());
        clock.advance(Duration.ofHours(3));
        worker.deliverDue();
        assertEquals(1, TestSmtpServer.receivedBy(lead).size());
        assertEquals(1, TestSmtpServer.receivedBy(onCall).size());
        Map<String, Object> escalation = deliveries(incident).stream().filter(d -> d.get("kind").equals("ESCALATED"))
                .findFirst().orElseThrow();
        assertEquals("SENT", escalation.get("status"));
        assertEquals(lead, escalation.get("recipient"));
    }

    @Test
    void anAcknowledgementBeforeTheDelayCancelsTheEscalation() throws Exception {
        Opened o = openedWithEscalation("LOW", "MEDIUM", Map.of());
        String lead = o.lead();
        clock.advance(Duration.ofMinutes(5));
        fire(incidents, o.incident(), o.line(), "ACKNOWLEDGED", "MEDIUM", "ACKNOWLEDGED", clock.instant());

        clock.advance(Duration.ofHours(1));
        worker.deliverDue();
        assertEquals(List.of(), TestSmtpServer.receivedBy(lead));
        Map<String, Object> escalation = deliveries(o.incident()).stream()
                .filter(d -> d.get("kind").equals("ESCALATED")).findFirst().orElseThrow();
        assertEquals("CANCELLED", escalation.get("status"));
        assertTrue(((String) escalation.get("lastError")).startsWith("incident acknowledged by admin"),
                (String) escalation.get("lastError"));
    }

    @Test
    void withoutItsOwnDelayASubscriptionEscalatesAfterTheConfiguredDefault() throws Exception {
        String lead = openedWithEscalation("LOW", "LOW", Map.of()).lead();

        clock.advance(Duration.ofMinutes(14)); // poka.notifications.escalate-after is PT15M in NotificationsProfile
        worker.deliverDue();
        assertEquals(List.of(), TestSmtpServer.receivedBy(lead));
        clock.advance(Duration.ofMinutes(2));
        worker.deliverDue();
        assertEquals(1, TestSmtpServer.receivedBy(lead).size());
    }
}
