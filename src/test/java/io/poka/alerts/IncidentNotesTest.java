package io.poka.alerts;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Notes on an incident: written and listed by the people working on it, deleted by their author only, each write
 * audited (IncidentNote CREATED / DELETED keeps the text); bad input and unknown incidents are problems.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class IncidentNotesTest {

    @Test
    void peopleWriteNotesOnAnIncidentAndOnlyTheAuthorDeletesOneAudited() {
        String line = AlertFixtures.lineWithWe1AndWe2Alerts();
        String id = Api.asAdmin().queryParam("line", line).get("/api/v1/incidents").then().statusCode(200).extract()
                .path("items[0].id");
        String kim = AlertFixtures.user("inspector");
        String lee = AlertFixtures.user("qa-manager");
        String notes = "/api/v1/incidents/" + id + "/notes";

        String first = Api.as(kim, AlertFixtures.PASSWORD).body(Map.of("text", "called maintenance")).post(notes)
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString(notes + "/"))
                .body("author", equalTo(kim)).body("text", equalTo("called maintenance")).extract().path("id");
        Api.as(lee, AlertFixtures.PASSWORD).body(Map.of("text", "  valve freed  ")).post(notes).then()
                .statusCode(201).body("text", equalTo("valve freed"));
        Api.as(kim, AlertFixtures.PASSWORD).body(Map.of("text", " ")).post(notes).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        Api.as(kim, AlertFixtures.PASSWORD).body(Map.of("text", "x".repeat(2001))).post(notes).then().statusCode(400);
        Api.asAdmin().body(Map.of("text", "lost")).post("/api/v1/incidents/" + UUID.randomUUID() + "/notes").then()
                .statusCode(404).contentType("application/problem+json");

        List<Map<String, Object>> listed = Api.asAdmin().get(notes).then().statusCode(200).extract().jsonPath()
                .getList("");
        assertEquals(List.of("called maintenance", "valve freed"), listed.stream().map(n -> n.get("text")).toList(),
                "oldest first");

        Api.as(lee, AlertFixtures.PASSWORD).delete(notes + "/" + first).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:poka:problem:alerts/not-your-note"));
        Api.as(kim, AlertFixtures.PASSWORD).delete(notes + "/" + first).then().statusCode(204);
        Api.as(kim, AlertFixtures.PASSWORD).delete(notes + "/" + first).then().statusCode(404);
        assertEquals(List.of("valve freed"), Api.asAdmin().get(notes).then().extract().jsonPath().getList("text"));

        List<Map<String, Object>> trail = Api.asAdmin().get("/api/v1/audit/entities/IncidentNote/" + first
                + "/history").then().statusCode(200).extract().jsonPath().getList("");
        assertEquals(List.of("CREATED", "DELETED"), trail.stream().map(e -> e.get("action")).toList());
        assertEquals(kim, trail.get(1).get("userId"));
        assertEquals("called maintenance", ((Map<?, ?>) trail.get(1).get("before")).get("text"),
                "the trail keeps what the deleted note said");
    }
}
