package io.poka.notifications.internal;

import static io.poka.notifications.NotificationFixtures.deliveries;
import static io.poka.notifications.NotificationFixtures.fire;
import static io.poka.notifications.NotificationFixtures.line;
import static io.poka.notifications.NotificationFixtures.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poka.notifications.NotificationFixtures;
import io.poka.notifications.NotificationsIntegrationTest;
import io.poka.notifications.NotificationsProfile;
import io.poka.notifications.TestSmtpServer;
import io.poka.notifications.WebhookReceiver;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Incident changes reach the subscribers they concern, through a real SMTP server and a real HTTP receiver that
 * checks the signature: once per incident, kind and recipient, with retries, backoff and a dead letter.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(NotificationsProfile.class)
class NotificationDeliveryTest extends NotificationsIntegrationTest {
    @Test
    void anIncidentIsMailedAndPostedOnceToEachSubscriberWhoseLineAndSeverityItMeets() throws Exception {
        String line = line();
        String qa = "qa-" + UUID.randomUUID() + "@plant.example";
        String onlyHigh = "high-" + UUID.randomUUID() + "@plant.example";
        String otherLine = "other-" + UUID.randomUUID() + "@plant.example";
        try (WebhookReceiver hook = new WebhookReceiver(NotificationFixtures.SECRET)) {
            subscribe(line, "MEDIUM", "EMAIL", qa, Map.of());
            subscribe(line, "LOW", "WEBHOOK", hook.url(), Map.of());
            subscribe(line, "HIGH", "EMAIL", onlyHigh, Map.of());
            subscribe(line(), "LOW", "EMAIL", otherLine, Map.of());
            UUID incident = UUID.randomUUID();
            Instant at = clock.instant();

            fire(incidents, incident, line, "OPENED", "MEDIUM", "OPEN", at);
            // the same change observed again (a replay) and a further signal: no second message
            fire(incidents, incident, line, "OPENED", "MEDIUM", "OPEN", at);
            fire(incidents, incident, line, "UPDATED", "MEDIUM", "OPEN", at.plusSeconds(5));
            assertEquals(2, deliveries(incident).size(), "one per matching recipient: " + deliveries(incident));
            assertTrue(deliveries(incident).stream().allMatch(d -> d.get("status").equals("PENDING")));

            worker.deliverDue();
            List<MimeMessage> mails = TestSmtpServer.receivedBy(qa);
            assertEquals(1, mails.size());
            assertEquals("[Poka] MEDIUM incident on line " + line + ": opened", mails.get(0).getSubject());
            String text = mails.get(0).getContent().toString();
            assertTrue(text.contains("MEDIUM incident on " + line + ": XMEAS(1), XMEAS(4)"), text);
            assertTrue(text.contains("https://poka.test.example/ui/incidents/" + incident), text);
            assertEquals(List.of(), TestSmtpServer.receivedBy(onlyHigh), "a MEDIUM incident is below HIGH");
            assertEquals(List.of(), TestSmtpServer.receivedBy(otherLine), "another line's subscriber");

            assertEquals(1, hook.calls().size());
            WebhookReceiver.Call call = hook.calls().get(0);
            assertTrue(call.signatureValid(), "the receiver verified the signature");
            JsonNode body = json.readTree(call.body());
            assertEquals("OPENED", body.get("kind").asText());
            assertEquals(incident.toString(), body.at("/incident/id").asText());
            assertEquals("MEDIUM", body.at("/incident/severity").asText());
            assertEquals(call.deliveryId(), body.get("deliveryId").asText());
            for (Map<String, Object> d : deliveries(incident)) {
                assertEquals("SENT", d.get("status"));
                assertEquals(1, d.get("attempts"));
            }

            // the incident grows to HIGH: the HIGH subscriber gets its first notice, nobody else a second one
            fire(incidents, incident, line, "UPDATED", "HIGH", "OPEN", at.plusSeconds(30));
            worker.deliverDue();
            assertEquals(1, TestSmtpServer.receivedBy(onlyHigh).size());
            assertEquals("[Poka] HIGH incident on line " + line + ": opened",
                    TestSmtpServer.receivedBy(onlyHigh).get(0).getSubject());
            assertEquals(1, TestSmtpServer.receivedBy(qa).size());
            assertEquals(1, hook.calls().size());
            worker.deliverDue();
            assertEquals(1, hook.calls().size(), "nothing left to send");
        }
    }

    @Test
    void followUpsGoOnlyToRecipientsToldOfTheIncidentAndOnlyForTheChangesTheyChose() throws Exception {
        String line = line();
        String highOnly = "resolved-" + UUID.randomUUID() + "@plant.example";
        try (WebhookReceiver hook = new WebhookReceiver(NotificationFixtures.SECRET)) {
            subscribe(line, "LOW", "WEBHOOK", hook.url(), Map.of("changes", List.of("OPENED", "RESOLVED")));
            subscribe(line, "HIGH", "EMAIL", highOnly, Map.of("changes", List.of("OPENED", "RESOLVED")));
            UUID incident = UUID.randomUUID();
            Instant at = clock.instant();
            fire(incidents, incident, line, "OPENED", "LOW", "OPEN", at);
            fire(incidents, incident, line, "ACKNOWLEDGED", "LOW", "ACKNOWLEDGED", at.plusSeconds(60));
            fire(incidents, incident, line, "RESOLVED", "LOW", "RESOLVED", at.plusSeconds(120));
            worker.deliverDue();

            List<String> kinds = hook.accepted().stream().map(c -> NotificationFixtures.kind(c.body())).toList();
            assertEquals(List.of("OPENED", "RESOLVED"), kinds, "ACKNOWLEDGED was not chosen");
            assertEquals(List.of(), TestSmtpServer.receivedBy(highOnly), "never told of this LOW incident");
        }
    }

    @Test
    void aFailingWebhookIsRetriedWithExponentialBackoffAndDeadLetteredAfterMaxAttempts() throws Exception {
        String line = line();
        try (WebhookReceiver hook = new WebhookReceiver(NotificationFixtures.SECRET)) {
            subscribe(line, "LOW", "WEBHOOK", hook.url(), Map.of());

            // fails twice, then accepts: attempts at t, t+10 s, t+10 s+20 s (base PT10S doubled, NotificationsProfile)
            hook.failNext(2);
            UUID recovering = UUID.randomUUID();
            fire(incidents, recovering, line, "OPENED", "HIGH", "OPEN", clock.instant());
            worker.deliverDue();
            Map<String, Object> first = deliveries(recovering).get(0);
            assertEquals("PENDING", first.get("status"));
            assertEquals(1, first.get("attempts"));
            assertEquals("HTTP 500: receiver down for maintenance", first.get("lastError"));
            Duration wait = Duration.between(Instant.parse((String) first.get("lastAttemptAt")),
                    Instant.parse((String) first.get("nextAttemptAt")));
            assertEquals(Duration.ofSeconds(10), wait);
            worker.deliverDue();
            assertEquals(1, hook.calls().size(), "not due before its backoff");

            clock.advance(Duration.ofSeconds(10));
            worker.deliverDue();
            Map<String, Object> second = deliveries(recovering).get(0);
            assertEquals(2, second.get("attempts"));
            assertEquals(Duration.ofSeconds(20), Duration.between(Instant.parse((String) second.get("lastAttemptAt")),
                    Instant.parse((String) second.get("nextAttemptAt"))), "the wait doubles");
            clock.advance(Duration.ofSeconds(15));
            worker.deliverDue();
            assertEquals(2, hook.calls().size(), "still backing off");
            clock.advance(Duration.ofSeconds(5));
            worker.deliverDue();
            Map<String, Object> sent = deliveries(recovering).get(0);
            assertEquals("SENT", sent.get("status"));
            assertEquals(3, sent.get("attempts"));
            assertEquals(1, hook.accepted().size());
            assertEquals(3, hook.calls().size());

            // fails three times: dead-lettered after max-attempts (3), then no more calls however long we wait
            hook.failNext(3);
            UUID dead = UUID.randomUUID();
            fire(incidents, dead, line, "OPENED", "HIGH", "OPEN", clock.instant());
            worker.deliverDue();
            clock.advance(Duration.ofSeconds(10));
            worker.deliverDue();
            clock.advance(Duration.ofSeconds(20));
            worker.deliverDue();
            Map<String, Object> failed = deliveries(dead).get(0);
            assertEquals("FAILED", failed.get("status"));
            assertEquals(3, failed.get("attempts"));
            assertEquals("HTTP 500: receiver down for maintenance", failed.get("lastError"));
            clock.advance(Duration.ofHours(2));
            worker.deliverDue();
            assertEquals(6, hook.calls().size());
            Api.asAdmin().queryParam("status", "FAILED").queryParam("incidentId", dead.toString())
                    .get("/api/v1/notifications/deliveries").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(1));

            // the receiver is fixed: a manual retry sends it
            String id = (String) failed.get("id");
            Api.asAdmin().post("/api/v1/notifications/deliveries/" + id + "/retry").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
            Api.asAdmin().post("/api/v1/notifications/deliveries/" + id + "/retry").then().statusCode(409)
                    .contentType("application/problem+json");
            worker.deliverDue();
            assertEquals("SENT", deliveries(dead).get(0).get("status"));
            List<Object> trail = Api.asAdmin().get("/api/v1/audit/entities/{t}/{id}/history", "NotificationDelivery", id)
                    .then().statusCode(200).extract().jsonPath().getList("action");
            assertEquals(List.of("ATTEMPT_FAILED", "ATTEMPT_FAILED", "DEAD_LETTERED", "RETRY_REQUESTED", "SENT"), trail);
        }
    }
}
