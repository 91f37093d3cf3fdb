package io.poka.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.prognostics.RulFixtures;
import io.poka.prognostics.internal.model.Fd001;
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
        Api.asAdmin().filter(check).body(Map.of("reason", "contract check")).post("/api/v1/prognostics/models/"
                + model + "/promotion").then().statusCode(200);
        Api.asAdmin().filter(check).get("/api/v1/prognostics/served-model").then().statusCode(200);
        Api.asAdmin().filter(check).delete("/api/v1/prognostics/models/" + model + "/promotion").then().statusCode(204);
        StringBuilder csv = new StringBuilder("unit,cycle," + String.join(",", Fd001.SENSORS) + "\n");
        for (int i = 0; i < 40; i++) {
            csv.append("3,").append(i + 1);
            for (double v : Fd001.load().units().get(2).rows()[i]) {
                csv.append(',').append(v);
            }
            csv.append('\n');
        }
        String dataset = Api.asAdmin().contentType("text/csv").queryParam("name", "engine 3").body(csv.toString())
                .post("/api/v1/scoring/datasets").then().extract().path("id");
        Api.asAdmin().filter(check).body(Map.of("datasetId", dataset, "unitColumn", "unit", "cycleColumn", "cycle"))
                .post("/api/v1/prognostics/models/" + model + "/predictions").then().statusCode(200);
        Api.asAdmin().filter(check).body(Map.of("datasetId", dataset, "unitColumn", "engine", "cycleColumn", "cycle"))
                .post("/api/v1/prognostics/models/" + model + "/predictions").then().statusCode(422);
        assertEquals(List.of(), check.violations());
        for (String op : List.of("submitRulTrainingJob 202", "getRulTrainingJob 200", "listRulTrainingJobs 200",
                "listRulModels 200", "getRulModel 200", "listRulUnits 200", "getUnitRul 200", "submitRulTrainingJob 400",
                "promoteRulModel 200", "getServedRulModel 200", "unpromoteRulModel 204", "predictRulOnDataset 200",
                "predictRulOnDataset 422")) {
            assertTrue(check.answered().contains(op), op + " not seen: " + check.answered());
        }
    }
}
