package io.poka.telemetry;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** QA managers maintain the variable catalogue; invalid entries and duplicates are refused without change. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class VariableCatalogueTest {

    @Test
    void aVariableIsCreatedReadUpdatedAndDeleted() {
        String line = TelemetryFixtures.newLine();
        String id = TelemetryFixtures.defineVariable(line, "thickness", "mm",
                ",\"lsl\":9.5,\"usl\":10.5,\"target\":10,\"samplingIntervalSeconds\":2,\"chartType\":\"XBAR_R\",\"subgroupSize\":4");
        Api.asAdmin().get("/api/v1/telemetry/variables/" + id).then().statusCode(200)
                .body("chartType", equalTo("XBAR_R"))
                .body("subgroupSize", equalTo(4))
                .body("ruleSet", equalTo("WESTERN_ELECTRIC"))
                .body("usl", equalTo(10.5f));
        Api.asAdmin().body("""
                {"line":"%s","variable":"thickness","unit":"mm","lsl":9.4,"usl":10.6,"ruleSet":"NELSON"}"""
                .formatted(line)).put("/api/v1/telemetry/variables/" + id).then().statusCode(200)
                .body("chartType", equalTo("IMR"))
                .body("subgroupSize", equalTo(1))
                .body("ruleSet", equalTo("NELSON"));
        Api.asAdmin().queryParam("line", line).get("/api/v1/telemetry/variables").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].lsl", equalTo(9.4f));
        Api.asAdmin().delete("/api/v1/telemetry/variables/" + id).then().statusCode(204);
        Api.asAdmin().get("/api/v1/telemetry/variables/" + id).then().statusCode(404);
    }

    @Test
    void duplicatesAndInvalidEntriesAreRefused() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "speed", "rpm", "");
        Api.asAdmin().body("""
                {"line":"%s","variable":"speed","unit":"rpm"}""".formatted(line))
                .post("/api/v1/telemetry/variables").then().statusCode(409);
        Api.asAdmin().body("""
                {"line":"%s","variable":"torque","unit":"Nm","lsl":5,"usl":1,"chartType":"XBAR_S","subgroupSize":30}"""
                .formatted(line)).post("/api/v1/telemetry/variables").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("usl"))
                .body("errors.field", hasItem("subgroupSize"));
        Api.asAdmin().queryParam("line", line).get("/api/v1/telemetry/variables").then().body("size()", equalTo(1));
    }

    @Test
    void theLineUnderWhichAttributeChartsAlertIsRefused() {
        Api.asAdmin().body("""
                {"line":"attribute-charts","variable":"x","unit":"1"}""")
                .post("/api/v1/telemetry/variables").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("line"));
        Api.asAdmin().queryParam("line", "attribute-charts").get("/api/v1/telemetry/variables").then()
                .body("size()", equalTo(0));
    }
}
