package io.poka.alerts;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real readings violating the limits of several variables of one line form one incident (its alerts the evidence);
 * a violation beyond the gap opens another; acknowledge, assign and false alarm act on the incident and its alerts,
 * audited, with problem+json for bad input and illegal transitions; incidents and alerts page with totals and are
 * acknowledged in bulk, all or nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class IncidentLifecycleTest {

    @Test
    void overlappingViolationsOnTwoVariablesOfALineFormOneIncidentRankedByTheirFirings() throws Exception {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String line = AlertFixtures.lineWithWe1AndWe2Alerts(start);
        TelemetryFixtures.defineVariable(line, "pressure", "bar", "");
        TelemetryFixtures.enterLimits(line, "pressure", 0, 1);
        TelemetryFixtures.postValues(line, "pressure", "bar", start.plusSeconds(1), List.of(5.0, 6.0));

        JsonPath page = incidents(line);
        assertEquals(1, page.getInt("total"), "one incident: " + page.prettify());
        Map<String, Object> incident = page.getMap("items[0]");
        assertEquals("HIGH", incident.get("severity"));
        assertEquals("OPEN", incident.get("status"));
        assertEquals(List.of("temp", "pressure"), incident.get("topVariables"), "temp fired 3 HIGH, pressure 2");
        assertEquals(start.toString(), incident.get("firstSignalAt"));
        assertEquals(start.plusSeconds(2).toString(), incident.get("lastSignalAt"));
        assertEquals("HIGH on " + line + ": temp, pressure", incident.get("summary"));

        String id = (String) incident.get("id");
        JsonPath detail = Api.asAdmin().get("/api/v1/incidents/" + id).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> alerts = Api.asAdmin().queryParam("line", line).get("/api/v1/alerts").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertEquals(alerts.size(), detail.getInt("alertCount"));
        assertEquals(4, alerts.size(), "WE1 and WE2 on each variable: " + alerts);
        assertEquals("HIGH", detail.getString("alerts[0].severity"), "most severe first");
        assertEquals(List.of("temp", "pressure"), detail.getList("variables.variable"));
        assertEquals(3, detail.getInt("variables[0].high"));
        assertEquals(1L, TelemetryFixtures.count(
                "select count(*) from platform.outbox_event where type = 'IncidentOpened' and event_key = ?", line));
        assertEquals(1L, TelemetryFixtures.count(
                "select count(*) from platform.outbox_event where type = 'IncidentUpdated' and event_key = ?", line),
                "pressure joining moved the top variables");
    }

    @Test
    void aViolationMoreThanTheGapAfterTheLastSignalOpensASecondIncident() throws Exception {
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String line = AlertFixtures.lineWithWe1AndWe2Alerts(start);
        TelemetryFixtures.postValues(line, "temp", "degC", start.plus(1, ChronoUnit.HOURS), List.of(8.0));

        JsonPath page = incidents(line);
        assertEquals(2, page.getInt("total"), page.prettify());
        assertEquals(start.plus(1, ChronoUnit.HOURS).toString(), page.getString("items[0].firstSignalAt"),
                "newest first");
        assertEquals(start.toString(), page.getString("items[1].firstSignalAt"));
        assertEquals(2L, TelemetryFixtures.count(
                "select count(*) from platform.outbox_event where type = 'IncidentOpened' and event_key = ?", line));
    }

    @Test
    void twoOpenIncidentsOfALineThatComeToOverlapMergeIntoTheOlderWithTheirAlertsAudited() throws Exception {
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String line = AlertFixtures.lineWithWe1AndWe2Alerts(start);
        TelemetryFixtures.postValues(line, "temp", "degC", start.plus(8, ChronoUnit.MINUTES), List.of(8.0));
        JsonPath two = incidents(line);
        assertEquals(2, two.getInt("total"), "8 minutes apart, beyond the 5 minute gap: " + two.prettify());
        String newer = two.getString("items[0].id");
        String older = two.getString("items[1].id");

        TelemetryFixtures.defineVariable(line, "pressure", "bar", "");
        TelemetryFixtures.enterLimits(line, "pressure", 0, 1);
        TelemetryFixtures.postValues(line, "pressure", "bar", start.plus(4, ChronoUnit.MINUTES), List.of(5.0));

        JsonPath one = incidents(line);
        assertEquals(1, one.getInt("total"), "a signal within the gap of both merges them: " + one.prettify());
        assertEquals(older, one.getString("items[0].id"), "the older incident survives");
        assertEquals(start.toString(), one.getString("items[0].firstSignalAt"));
        assertEquals(start.plus(8, ChronoUnit.MINUTES).toString(), one.getString("items[0].lastSignalAt"));
        JsonPath merged = Api.asAdmin().get("/api/v1/incidents/" + newer).then().statusCode(200).extract().jsonPath();
        assertEquals("MERGED", merged.getString("incident.status"));
        assertEquals(older, merged.getString("incident.mergedInto"));
        assertEquals(0, merged.getInt("alertCount"), "its alerts moved");
        List<Map<String, Object>> alerts = Api.asAdmin().queryParam("line", line).get("/api/v1/alerts").then()
                .statusCode(200).extract().jsonPath().getList("");
        JsonPath survivor = Api.asAdmin().get("/api/v1/incidents/" + older).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(alerts.size(), survivor.getInt("alertCount"), "every alert of the line is its evidence");
        assertTrue(survivor.getList("variables.variable").containsAll(List.of("temp", "pressure")));
        assertEquals(Api.asAdmin().queryParam("incident", older).get("/api/v1/alerts").then().extract().jsonPath()
                .getList("").size(), alerts.size());
        Api.asAdmin().body(Map.of("cause", "x")).post("/api/v1/incidents/" + newer + "/resolve").then()
                .statusCode(409);

        List<Map<String, Object>> goneTrail = Api.asAdmin().get("/api/v1/audit/entities/Incident/" + newer
                + "/history").then().statusCode(200).extract().jsonPath().getList("");
        assertEquals("MERGED", goneTrail.get(goneTrail.size() - 1).get("action"));
        assertTrue(((String) goneTrail.get(goneTrail.size() - 1).get("reason")).contains(older));
        List<Map<String, Object>> keptTrail = Api.asAdmin().get("/api/v1/audit/entities/Incident/" + older
                + "/history").then().statusCode(200).extract().jsonPath().getList("");
        assertTrue(keptTrail.stream().anyMatch(e -> e.get("action").equals("MERGED_WITH")
                && ((String) e.get("reason")).contains(newer)), keptTrail.toString());
        assertEquals(2L, TelemetryFixtures.count("select count(*) from platform.outbox_event where type = "
                + "'IncidentUpdated' and event_key = ? and payload::jsonb ->> 'change' = 'MERGED'", line));
    }

    @Test
    void actionsOnAnIncidentApplyToItsAlertsAreAuditedAndRefuseBadInputAndIllegalTransitions() {
        String line = AlertFixtures.lineWithWe1AndWe2Alerts();
        String id = incidents(line).getString("items[0].id");
        String manager = AlertFixtures.user("qa-manager");
        String pat = AlertFixtures.user("inspector");

        Api.as(manager, AlertFixtures.PASSWORD).body(Map.of()).post("/api/v1/incidents/" + id + "/resolve").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:poka:problem:validation")).body("errors[0].field", equalTo("cause"));
        Api.as(manager, AlertFixtures.PASSWORD).post("/api/v1/incidents/" + id + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo(manager));
        assertEquals(List.of("ACKNOWLEDGED", "ACKNOWLEDGED"), alertStatuses(line));
        Api.as(manager, AlertFixtures.PASSWORD).post("/api/v1/incidents/" + id + "/acknowledge").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:poka:problem:alerts/illegal-incident-transition"));
        Api.as(manager, AlertFixtures.PASSWORD).body(Map.of("assignee", " ")).post("/api/v1/incidents/" + id + "/assign")
                .then().statusCode(400).body("errors[0].field", equalTo("assignee"));
        Api.as(manager, AlertFixtures.PASSWORD).body(Map.of("assignee", "nobody-" + id))
                .post("/api/v1/incidents/" + id + "/assign").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:poka:problem:alerts/unknown-assignee"))
                .body("assignee", equalTo("nobody-" + id));
        Api.asAdmin().get("/api/v1/incidents/" + id).then().body("incident.assignee", equalTo(null));
        Api.as(manager, AlertFixtures.PASSWORD).body(Map.of("assignee", pat)).post("/api/v1/incidents/" + id + "/assign")
                .then().statusCode(200).body("assignee", equalTo(pat)).body("assignedBy", equalTo(manager));
        Api.as(manager, AlertFixtures.PASSWORD).body(Map.of("note", "probe calibration run"))
                .post("/api/v1/incidents/" + id + "/false-alarm").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("label", equalTo("FALSE_ALARM"))
                .body("cause", equalTo("probe calibration run")).body("resolvedBy", equalTo(manager));
        List<Map<String, Object>> alerts = Api.asAdmin().queryParam("line", line).get("/api/v1/alerts").then()
                .extract().jsonPath().getList("");
        assertTrue(alerts.stream().allMatch(a -> a.get("status").equals("RESOLVED") && a.get("label").equals(
                "FALSE_ALARM") && a.get("rootCause").equals("probe calibration run")), alerts.toString());
        Api.as(manager, AlertFixtures.PASSWORD).body(Map.of("cause", "x")).post("/api/v1/incidents/" + id + "/resolve")
                .then().statusCode(409);
        Api.as(manager, AlertFixtures.PASSWORD).body(Map.of("assignee", manager)).post("/api/v1/incidents/" + id + "/assign")
                .then().statusCode(409);

        List<Map<String, Object>> trail = Api.asAdmin().get("/api/v1/audit/entities/Incident/" + id + "/history").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertEquals(List.of("OPENED", "ACKNOWLEDGED", "ASSIGNED", "MARKED_FALSE_ALARM"),
                trail.stream().map(e -> e.get("action")).toList());
        assertEquals("probe calibration run", trail.get(3).get("reason"));
        assertEquals(manager, trail.get(3).get("userId"));
        assertEquals("assigned to " + pat, trail.get(2).get("reason"));
    }

    @Test
    void bulkAcknowledgeIsAllOrNothingForIncidentsAndForAlerts() {
        String first = incidents(AlertFixtures.lineWithWe1AndWe2Alerts()).getString("items[0].id");
        String secondLine = AlertFixtures.lineWithWe1AndWe2Alerts();
        String second = incidents(secondLine).getString("items[0].id");
        Api.asAdmin().post("/api/v1/incidents/" + second + "/acknowledge").then().statusCode(200);

        Api.asAdmin().body(Map.of("ids", List.of(first, second))).post("/api/v1/incidents/acknowledge").then()
                .statusCode(409).contentType("application/problem+json");
        Api.asAdmin().get("/api/v1/incidents/" + first).then().body("incident.status", equalTo("OPEN"));
        Api.asAdmin().body(Map.of("ids", List.of())).post("/api/v1/incidents/acknowledge").then().statusCode(400)
                .body("errors[0].field", equalTo("ids"));
        Api.asAdmin().body(Map.of("ids", List.of(first))).post("/api/v1/incidents/acknowledge").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].status", equalTo("ACKNOWLEDGED"));

        String alertLine = AlertFixtures.lineWithWe1AndWe2Alerts();
        String we1 = AlertFixtures.alertId(alertLine, "WE1");
        String we2 = AlertFixtures.alertId(alertLine, "WE2");
        Api.asAdmin().post("/api/v1/alerts/" + we2 + "/acknowledge").then().statusCode(200);
        Api.asAdmin().body(Map.of("ids", List.of(we1, we2))).post("/api/v1/alerts/acknowledge").then().statusCode(409);
        Api.asAdmin().get("/api/v1/alerts/" + we1).then().body("status", equalTo("OPEN"));
        Api.asAdmin().body(Map.of("ids", List.of(we1))).post("/api/v1/alerts/acknowledge").then().statusCode(200)
                .body("[0].status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void alertAndIncidentListsPageWithTotals() {
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String line = AlertFixtures.lineWithWe1AndWe2Alerts(start);
        TelemetryFixtures.postValues(line, "temp", "degC", start.plus(1, ChronoUnit.HOURS), List.of(-8.0));

        Response first = Api.asAdmin().queryParam("line", line).queryParam("size", 1).get("/api/v1/alerts");
        first.then().statusCode(200).body("$", hasSize(1)).header("X-Total-Count", "3");
        String link = first.header("Link");
        assertTrue(link.contains("page=1") && link.contains("rel=\"next\"") && link.contains("page=2>; rel=\"last\""),
                link);
        Api.asAdmin().queryParam("line", line).queryParam("size", 1).queryParam("page", 2).get("/api/v1/alerts").then()
                .body("$", hasSize(1)).header("Link", org.hamcrest.Matchers.containsString("rel=\"prev\""));
        Api.asAdmin().queryParam("line", line).queryParam("page", -1).get("/api/v1/alerts").then().statusCode(400);

        Api.asAdmin().queryParam("line", line).queryParam("size", 1).queryParam("page", 1).get("/api/v1/incidents")
                .then().statusCode(200).body("total", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("items", hasSize(1)).body("items[0].firstSignalAt", equalTo(start.toString()));
        Api.asAdmin().queryParam("line", line).queryParam("from", start.plus(30, ChronoUnit.MINUTES).toString())
                .get("/api/v1/incidents").then().body("total", equalTo(1));
        Api.asAdmin().queryParam("status", "BOGUS").queryParam("size", 0).get("/api/v1/incidents").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasSize(2));
    }

    private static JsonPath incidents(String line) {
        return Api.asAdmin().queryParam("line", line).get("/api/v1/incidents").then().statusCode(200).extract()
                .jsonPath();
    }

    private static List<String> alertStatuses(String line) {
        return Api.asAdmin().queryParam("line", line).get("/api/v1/alerts").then().statusCode(200).extract()
                .jsonPath().getList("status");
    }
}
