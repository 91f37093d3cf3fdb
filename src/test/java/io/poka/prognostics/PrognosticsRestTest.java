package io.poka.prognostics;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.prognostics.internal.model.Fd001;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RUL over REST: training as a job with provenance, refusals that change nothing, RUL of units from telemetry. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PrognosticsRestTest {

    @Test
    void aBadTrainingRequestIsRefusedWithEveryReasonAndQueuesNothing() {
        int before = Api.asAdmin().get("/api/v1/prognostics/training-jobs").then().statusCode(200).extract()
                .jsonPath().getList("$").size();
        Api.asAdmin().body(Map.of("model", "transformer", "units", 3, "folds", 9, "cnnEpochs", 0))
                .post("/api/v1/prognostics/training-jobs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:poka:problem:validation"))
                .body("errors.field", hasItems("model", "units", "folds", "cnnEpochs"));
        assertEquals(before, Api.asAdmin().get("/api/v1/prognostics/training-jobs").then().extract().jsonPath()
                .getList("$").size());
    }

    @Test
    void aTrainedModelIsStoredWithItsProvenanceAndGivesEachTelemetryUnitItsRulWithAnInterval() {
        String modelId = RulFixtures.trainQuickModel();
        JsonPath model = Api.asAdmin().get("/api/v1/prognostics/models/" + modelId).then().statusCode(200).extract()
                .jsonPath();
        assertEquals("linear", model.getString("kind"));
        assertEquals(10, model.getInt("units"));
        assertEquals(30, model.getInt("window"));
        assertEquals(125, model.getInt("cap"));
        assertEquals(Fd001.SENSORS, model.getList("sensors"));
        assertEquals(64, model.getString("dataFingerprint").length());
        assertEquals(2, model.getList("validation.rmseByFold").size());
        assertTrue(model.getDouble("validation.rmseMean") > 0);
        assertTrue(model.getString("provenance").contains("LinearSGDTrainer"), model.getString("provenance"));

        // engine 1 ran 192 cycles; after 150 its true RUL is 42
        String line = RulFixtures.engineOnTelemetry(1, 150);
        JsonPath rul = Api.asAdmin().get("/api/v1/prognostics/units/" + line + "/rul").then().statusCode(200)
                .body("modelId", equalTo(modelId)).body("cycles", equalTo(150)).body("trajectory", hasSize(150))
                .extract().jsonPath();
        double now = rul.getDouble("rul");
        assertTrue(rul.getDouble("lower") <= now && now <= rul.getDouble("upper"), rul.prettify());
        assertTrue(now < 110, "an engine 42 cycles from failure is not healthy: " + now);
        assertEquals(now, rul.getDouble("trajectory[149].rul"), 1e-9);
        assertTrue(rul.getString("modelVersion").startsWith("cmapss-fd001@v"));

        List<String> listed = Api.asAdmin().get("/api/v1/prognostics/units").then().statusCode(200).extract()
                .jsonPath().getList("units.unit");
        assertTrue(listed.contains(line), listed.toString());
    }

    @Test
    void anUnknownUnitIs404AndALineLackingASensorIs409() {
        RulFixtures.trainQuickModel();
        Api.asAdmin().get("/api/v1/prognostics/units/no-such-line/rul").then().statusCode(404)
                .body("type", equalTo("urn:poka:problem:not-found"));
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "sensor_2", "1", "");
        Api.asAdmin().get("/api/v1/prognostics/units/" + line + "/rul").then().statusCode(409)
                .body("type", equalTo("urn:poka:problem:prognostics/missing-sensors"))
                .body("missing", hasSize(13));
    }
}
