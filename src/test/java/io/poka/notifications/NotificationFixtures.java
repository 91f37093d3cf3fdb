package io.poka.notifications;

import io.poka.alerts.IncidentChanged;
import io.poka.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Subscriptions over REST, incident changes as alerts fires them, and delivery look-ups for the notification tests. */
public final class NotificationFixtures {
    public static final String SECRET = "whsec-test-0123456789abcdef";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private NotificationFixtures() {
    }

    public static String line() {
        return "line-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a subscription as admin; {@code extra} adds or overrides body fields. Returns its id. */
    public static String subscribe(String line, String minSeverity, String channel, String target, Map<String, ?> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", channel + " for " + line);
        body.put("line", line);
        body.put("minSeverity", minSeverity);
        body.put("channel", channel);
        body.put("target", target);
        if (channel.equals("WEBHOOK")) {
            body.put("secret", SECRET);
        }
        body.putAll(extra);
        String id = Api.asAdmin().body(body).post("/api/v1/notifications/subscriptions").then().statusCode(201)
                .extract().path("id");
        CREATED.add(id);
        return id;
    }

    /**
     * Deletes the subscriptions the tests made (their pending deliveries are cancelled), so no test's leftovers are
     * sent during another's worker runs.
     */
    public static void unsubscribeAll() {
        for (String id : CREATED) {
            Api.asAdmin().delete("/api/v1/notifications/subscriptions/" + id).then().statusCode(204);
        }
        CREATED.clear();
    }

    /** An incident change as alerts fires it: in the transaction of the change. */
    public static IncidentChanged fire(Event<IncidentChanged> events, UUID incident, String line, String change,
            String severity, String status, Instant at) {
        IncidentChanged e = new IncidentChanged(incident, line, change, severity, status, at.minusSeconds(120),
                at, severity + " incident on " + line + ": XMEAS(1), XMEAS(4)", change.equals("OPENED")
                        || change.equals("UPDATED") ? "system" : "admin", at);
        QuarkusTransaction.requiringNew().run(() -> events.fire(e));
        return e;
    }

    /** The kind (OPENED, ESCALATED, ...) of a webhook body. */
    public static String kind(String webhookBody) {
        try {
            return JSON.readTree(webhookBody).get("kind").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The deliveries of an incident as the REST API lists them. */
    public static List<Map<String, Object>> deliveries(UUID incident) {
        JsonPath page = Api.asAdmin().queryParam("incidentId", incident.toString()).queryParam("size", 200)
                .get("/api/v1/notifications/deliveries").then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }
}
