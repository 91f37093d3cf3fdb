package io.poka.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.prognostics.RulFixtures;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prognostics operations answer as the OpenAPI document declares (status, media type, body schema, headers), and
 * with -Dpoka.openapi.record-examples=true their real exchanges become the document's examples.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PrognosticsContractTest {

    @Test
    void theRulTrainingRegistryAndUnitReadsAnswerAsDeclared() {
        OpenApiContract contract = OpenApiContract.parse(Api.asAdmin().get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
        ContractCheck check = new ContractCheck(contract);
        String job = Api.asAdmin().filter(check).body(Map.of("model", "linear", "units", 8, "folds", 2))
                .post("/api/v1/prognostics/training-jobs").then().statusCode(202).extract().path("id");
        String model = RulFixtures.awaitModel(job);
        String line = RulFixtures.engineOnTelemetry(3, 40);
        Api.asAdmin().filter(check).get("/api/v1/prognostics/training-jobs/" + job).then().statusCode(200);
        Api.asAdmin().filter(check).get("/api/v1/prognostics/training-jobs").then().statusCode(200);
        Api.asAdmin().filter(check).get("/api/v1/prognostics/models").then().statusCode(200);
        Api.asAdmin().filter(check).get("/api/v1/prognostics/models/" + model).then().statusCode(200);
        Api.asAdmin().filter(check).get("/api/v1/prognostics/units").then().statusCode(200);
        Api.asAdmin().filter(check).get("/api/v1/prognostics/units/" + line + "/rul?modelId=" + model).then()
                .statusCode(200);
        Api.asAdmin().filter(check).body(Map.of("model", "nope")).post("/api/v1/prognostics/training-jobs").then()
                .statusCode(400);
        assertEquals(List.of(), check.violations());
        for (String op : List.of("submitRulTrainingJob 202", "getRulTrainingJob 200", "listRulTrainingJobs 200",
                "listRulModels 200", "getRulModel 200", "listRulUnits 200", "getUnitRul 200", "submitRulTrainingJob 400")) {
            assertTrue(check.answered().contains(op), op + " not seen: " + check.answered());
        }
    }
}
