package io.poka.notifications.internal;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.poka.lots.LotFixtures;
import io.poka.notifications.NotificationFixtures;
import io.poka.notifications.NotificationsProfile;
import io.poka.platform.Roles;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions are managed by admins and QA managers only, checked field by field (a rejected request stores
 * nothing), audited, and their webhook secret never leaves the server: not in responses, not in the audit trail.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(NotificationsProfile.class)
class SubscriptionApiTest {
    private static final String PATH = "/api/v1/notifications/subscriptions";

    @AfterEach
    void noSubscriptionsLeft() {
        NotificationFixtures.unsubscribeAll();
    }

    @Test
    void theWebhookSecretIsNeverReturnedNorAudited() {
        String line = NotificationFixtures.line();
        String id = NotificationFixtures.subscribe(line, "HIGH", "WEBHOOK", "https://hooks.example.com/poka",
                Map.of("escalationTarget", "https://hooks.example.com/lead", "escalateAfter", "PT45M"));
        String read = Api.asAdmin().get(PATH + "/" + id).then().statusCode(200)
                .body("secretSet", equalTo(true)).body("secretUpdatedAt", notNullValue())
                .body("escalateAfter", equalTo("PT45M")).body("changes", equalTo(List.of("OPENED")))
                .body("createdBy", equalTo("admin")).extract().asString();
        assertFalse(read.contains(NotificationFixtures.SECRET), read);
        String listed = Api.asAdmin().queryParam("line", line).get(PATH).then().statusCode(200)
                .body("total", equalTo(1)).extract().asString();
        assertFalse(listed.contains(NotificationFixtures.SECRET), listed);

        // a replace without a secret keeps it; with one, replaces it (the trail says so, without the value)
        Map<String, Object> body = new HashMap<>(Map.of("name", "renamed", "line", line, "minSeverity", "LOW",
                "channel", "WEBHOOK", "target", "https://hooks.example.com/poka2"));
        Api.asAdmin().body(body).put(PATH + "/" + id).then().statusCode(200).body("secretSet", equalTo(true))
                .body("name", equalTo("renamed")).body("escalateAfter", nullValue());
        body.put("secret", "another-secret-of-enough-length");
        Api.asAdmin().body(body).put(PATH + "/" + id).then().statusCode(200);

        List<Map<String, Object>> trail = Api.asAdmin().get("/api/v1/audit/entities/{t}/{id}/history",
                "NotificationSubscription", id).then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(List.of("CREATED", "UPDATED", "UPDATED"), trail.stream().map(e -> e.get("action")).toList());
        assertEquals("webhook secret set", trail.get(2).get("reason"));
        String all = trail.toString();
        assertFalse(all.contains(NotificationFixtures.SECRET) || all.contains("another-secret-of-enough-length"), all);
    }

    @Test
    void anInvalidSubscriptionIsRefusedFieldByFieldAndNothingIsStored() {
        String line = NotificationFixtures.line();
        Map<String, Object> bad = new HashMap<>(Map.of("name", " ", "line", line, "minSeverity", "CRITICAL",
                "channel", "WEBHOOK", "target", "ftp://files.example.com/x", "secret", "short",
                "changes", List.of("RESOLVED"), "escalateAfter", "PT10M"));
        Api.asAdmin().body(bad).post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:poka:problem:validation"))
                .body("errors.field", containsInAnyOrder("name", "minSeverity", "target", "secret", "changes",
                        "escalateAfter"));
        Api.asAdmin().body(Map.of("name", "mail", "minSeverity", "LOW", "channel", "EMAIL", "target",
                "not-an-address", "secret", "e-mail has no secret")).post(PATH).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("target", "secret"));
        Api.asAdmin().body(Map.of("name", "x", "minSeverity", "LOW", "channel", "SMS", "target", "+4912345"))
                .post(PATH).then().statusCode(400).body("errors.field", hasItem("channel"));
        Api.asAdmin().queryParam("line", line).get(PATH).then().statusCode(200).body("total", equalTo(0));
        Api.asAdmin().queryParam("size", 0).get(PATH).then().statusCode(400);
        Api.asAdmin().queryParam("status", "LOST").get("/api/v1/notifications/deliveries").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAdminsAndQaManagersManageSubscriptions() {
        Map<String, Object> body = Map.of("name", "qa mail", "minSeverity", "HIGH", "channel", "EMAIL",
                "target", "qa@plant.example");
        LotFixtures.as(Roles.INSPECTOR).body(body).post(PATH).then().statusCode(403);
        LotFixtures.as(Roles.INSPECTOR).get(PATH).then().statusCode(403);
        LotFixtures.as(Roles.AUDITOR).get("/api/v1/notifications/deliveries").then().statusCode(200);
        String id = LotFixtures.as(Roles.QA_MANAGER).body(body).post(PATH).then().statusCode(201)
                .body("line", nullValue()).extract().path("id");
        Api.asAdmin().delete(PATH + "/" + id).then().statusCode(204);
        Api.asAdmin().get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        Api.asAdmin().delete(PATH + "/" + id).then().statusCode(404);
    }
}
