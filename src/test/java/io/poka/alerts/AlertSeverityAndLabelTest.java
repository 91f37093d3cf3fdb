package io.poka.alerts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every alert carries a severity derived from its chart and rule (filterable, most severe first), and a resolution
 * labels it TRUE_POSITIVE or FALSE_ALARM: audited, published on the outbox, queryable for retraining.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AlertSeverityAndLabelTest {
    private static final String PASSWORD = AlertFixtures.PASSWORD;

    @Inject
    AlertsApi alertsApi;

    String line;

    /** WE1 (HIGH) and WE2 (MEDIUM) on a new line (see AlertFixtures). */
    @BeforeEach
    void raiseTwoAlerts() {
        line = AlertFixtures.lineWithWe1AndWe2Alerts();
    }

    @Test
    void aPointBeyondTheLimitsIsHighAndTheTwoOfThreeZoneRuleMedium() throws Exception {
        Api.asAdmin().queryParam("line", line).queryParam("order", "severity").get("/api/v1/alerts").then()
                .statusCode(200)
                .body("ruleId", equalTo(List.of("WE1", "WE2")))
                .body("severity", equalTo(List.of("HIGH", "MEDIUM")))
                .body("ruleDescription", equalTo(List.of("1 point beyond the 3-sigma limits",
                        "2 of 3 points beyond 2 sigma, same side")));
        Api.asAdmin().queryParam("line", line).queryParam("severity", "MEDIUM").get("/api/v1/alerts").then()
                .statusCode(200).body("ruleId", equalTo(List.of("WE2")));
        assertEquals(1L, TelemetryFixtures.count("select count(*) from platform.outbox_event where type = 'AlertRaised'"
                + " and payload->>'severity' = 'HIGH' and event_key = ?", line + "/temp"), "AlertRaised carries severity");
        List<OpenAlertCount> counts = alertsApi.openAlertCounts().stream().filter(c -> c.line().equals(line)).toList();
        assertEquals(List.of(new OpenAlertCount(line, "HIGH", 1), new OpenAlertCount(line, "MEDIUM", 1)), counts);
    }

    @Test
    void badFiltersAreRejectedAsProblems() {
        Api.asAdmin().queryParam("severity", "URGENT").queryParam("label", "MAYBE").get("/api/v1/alerts").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:poka:problem:validation"))
                .body("errors.field", equalTo(List.of("severity", "label")));
        Api.asAdmin().queryParam("order", "oldest").get("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", equalTo(List.of("order")));
    }

    @Test
    void aFalseAlarmIsLabelledAuditedPublishedAndQueryableAndOnlyQaManagersMayMarkIt() throws Exception {
        String manager = AlertFixtures.user("qa-manager");
        String inspector = AlertFixtures.user("inspector");
        String we1 = alertId("WE1");
        String we2 = alertId("WE2");

        Api.as(inspector, PASSWORD).body(Map.of("note", "sensor test")).post("/api/v1/alerts/" + we2 + "/false-alarm")
                .then().statusCode(403);
        Api.as(manager, PASSWORD).body(Map.of("note", " ")).post("/api/v1/alerts/" + we2 + "/false-alarm").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", equalTo(List.of("note")));
        Api.asAdmin().get("/api/v1/alerts/" + we2).then().body("status", equalTo("OPEN")).body("label", equalTo(null));

        Api.as(manager, PASSWORD).body(Map.of("note", "calibration run on the thermocouple"))
                .post("/api/v1/alerts/" + we2 + "/false-alarm").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("label", equalTo("FALSE_ALARM"))
                .body("resolvedBy", equalTo(manager)).body("rootCause", equalTo("calibration run on the thermocouple"));
        Api.as(manager, PASSWORD).body(Map.of("note", "again")).post("/api/v1/alerts/" + we2 + "/false-alarm")
                .then().statusCode(409).body("type", equalTo("urn:poka:problem:alerts/illegal-transition"));
        Api.as(manager, PASSWORD).body(Map.of("rootCause", "heater relay stuck on"))
                .post("/api/v1/alerts/" + we1 + "/resolve").then().statusCode(200)
                .body("label", equalTo("TRUE_POSITIVE"));

        Api.asAdmin().queryParam("line", line).queryParam("label", "FALSE_ALARM").get("/api/v1/alerts").then()
                .statusCode(200).body("id", equalTo(List.of(we2)));
        Api.asAdmin().queryParam("line", line).queryParam("label", "TRUE_POSITIVE").get("/api/v1/alerts").then()
                .body("id", equalTo(List.of(we1)));
        Api.asAdmin().get("/api/v1/audit/entities/Alert/" + we2 + "/history").then().statusCode(200)
                .body("action", hasItem("MARKED_FALSE_ALARM"))
                .body("find { it.action == 'MARKED_FALSE_ALARM' }.userId", equalTo(manager))
                .body("find { it.action == 'MARKED_FALSE_ALARM' }.after.label", equalTo("FALSE_ALARM"))
                .body("find { it.action == 'MARKED_FALSE_ALARM' }.reason", equalTo("calibration run on the thermocouple"));
        assertEquals(1L, TelemetryFixtures.count("select count(*) from platform.outbox_event where type = 'AlertResolved'"
                + " and payload->>'label' = 'FALSE_ALARM' and payload->>'alertId' = ?", we2));
    }

    @Test
    void resolveWithFalseAlarmTrueLabelsLikeTheFalseAlarmEndpoint() {
        String we1 = alertId("WE1");
        Api.asAdmin().body(Map.of("rootCause", "operator bumped the probe", "falseAlarm", true))
                .post("/api/v1/alerts/" + we1 + "/resolve").then().statusCode(200)
                .body("label", equalTo("FALSE_ALARM")).body("resolvedBy", equalTo("admin"));
    }

    private String alertId(String rule) {
        return AlertFixtures.alertId(line, rule);
    }
}
