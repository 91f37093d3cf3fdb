package io.poka.spc;

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

/** Notes on a chart are stored, listed by the chart's range, refused when malformed, deleted, and each change audited. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ChartAnnotationsTest {

    @Test
    void aNoteIsStoredListedInItsRangeAuditedAndDeleted() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "diameter", "mm", "");
        String url = "/api/v1/spc/charts/" + line + "/diameter/annotations";
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        String id = Api.asAdmin().body(Map.of("at", at.toString(), "text", "  changed the nozzle  ")).post(url)
                .then().statusCode(201).body("text", equalTo("changed the nozzle")).body("createdBy", equalTo("admin"))
                .extract().path("id");
        List<Map<String, Object>> listed = Api.asAdmin().queryParam("from", at.minusSeconds(60).toString())
                .queryParam("to", at.plusSeconds(60).toString()).get(url).then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertEquals(1, listed.size());
        assertEquals(at.toString(), listed.get(0).get("at"));
        assertEquals(0, Api.asAdmin().queryParam("from", at.plusSeconds(1).toString()).get(url).then().statusCode(200)
                .extract().jsonPath().getList("$").size(), "a note outside the range is not listed");

        // a note without text or time is a validation problem and stores nothing
        Api.asAdmin().body(Map.of("at", at.toString(), "text", " ")).post(url).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:poka:problem:validation"));
        Api.asAdmin().body(Map.of("text", "no time")).post(url).then().statusCode(400)
                .contentType("application/problem+json");
        Api.asAdmin().body(Map.of("at", at.toString(), "text", "x")).post("/api/v1/spc/charts/" + line + "/nope/annotations")
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(1, Api.asAdmin().queryParam("from", at.minusSeconds(60).toString()).get(url).then().statusCode(200)
                .extract().jsonPath().getList("$").size());

        Api.asAdmin().delete(url + "/" + id).then().statusCode(204);
        Api.asAdmin().delete(url + "/" + id).then().statusCode(404).contentType("application/problem+json");
        List<Map<String, Object>> history = Api.asAdmin()
                .get("/api/v1/audit/entities/{t}/{id}/history", "SpcChartAnnotation", id).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(List.of("CREATED", "DELETED"), history.stream().map(e -> e.get("action")).toList());
        assertEquals("changed the nozzle", ((Map<?, ?>) history.get(1).get("before")).get("text"));
    }
}
