package io.poka.alerts;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One ongoing out-of-control condition (chart and rule) raises one alert, published on the quality-events outbox;
 * it is acknowledged, resolved with a root cause, and the next violation raises a new alert.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AlertLifecycleTest {

    @Test
    void violationsOfOneChartAndRuleAttachToOneAlertUntilItIsResolved() throws Exception {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        // three points beyond 3 sigma: WE1 at each, WE2 (2 of 3 beyond 2 sigma) at the second and third
        String line = AlertFixtures.lineWithWe1AndWe2Alerts(start);

        List<Map<String, Object>> alerts = Api.asAdmin().queryParam("line", line).get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> we1 = only(alerts, "WE1");
        assertEquals(2, alerts.size(), "one alert for WE1, one for WE2: " + alerts);
        assertEquals(3, we1.get("occurrences"));
        assertEquals("OPEN", we1.get("status"));
        assertEquals("INDIVIDUALS", we1.get("chart"));
        assertEquals(List.of(start.toString()), we1.get("firstPoints"));
        assertEquals(start.plusSeconds(2).toString(), we1.get("lastPointAt"));
        assertEquals(2L, TelemetryFixtures.count(
                "select count(*) from platform.outbox_event where type = 'AlertRaised' and event_key = ?", line + "/temp"));

        String id = (String) we1.get("id");
        Api.asAdmin().post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo("admin"));
        Api.asAdmin().post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(409);
        Api.asAdmin().body(Map.of()).post("/api/v1/alerts/" + id + "/resolve").then().statusCode(400);
        Api.asAdmin().body(Map.of("rootCause", "thermocouple drifted; replaced"))
                .post("/api/v1/alerts/" + id + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("rootCause", equalTo("thermocouple drifted; replaced"));

        TelemetryFixtures.postValues(line, "temp", "degC", start.plusSeconds(3), List.of(8.0));
        List<Map<String, Object>> after = Api.asAdmin().queryParam("line", line).get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("");
        long we1Alerts = after.stream().filter(a -> a.get("ruleId").equals("WE1")).count();
        assertEquals(2, we1Alerts, "a violation after resolution raises a new alert");
        Api.asAdmin().queryParam("line", line).queryParam("status", "OPEN").get("/api/v1/alerts").then()
                .body("findAll { it.ruleId == 'WE1' }.size()", equalTo(1));
    }

    private static Map<String, Object> only(List<Map<String, Object>> alerts, String rule) {
        List<Map<String, Object>> matching = alerts.stream().filter(a -> a.get("ruleId").equals(rule)).toList();
        assertEquals(1, matching.size(), "alerts of rule " + rule + ": " + alerts);
        return matching.get(0);
    }
}
