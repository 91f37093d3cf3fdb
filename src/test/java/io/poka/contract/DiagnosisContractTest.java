package io.poka.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.diagnosis.DiagnosisApiTest;
import io.poka.diagnosis.internal.model.TepFaultRuns;
import io.poka.testing.TelemetryFixtures;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis operations answer as the OpenAPI document declares (status, media type, body schema, headers), and
 * with -Dpoka.openapi.record-examples=true their real exchanges become the document's examples.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DiagnosisContractTest {

    @Test
    void theDiagnosisTrainingRegistryAndDiagnosesAnswerAsDeclared() throws InterruptedException {
        OpenApiContract contract = OpenApiContract.parse(Api.asAdmin().get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
        ContractCheck check = new ContractCheck(contract);
        String job = Api.asAdmin().filter(check).body(Map.of("window", 20, "stride", 10, "epochs", 60,
                "faults", List.of(1, 2, 6))).post("/api/v1/diagnosis/datasets/tep/training-jobs").then().statusCode(202)
                .extract().path("id");
        String model = null;
        for (int i = 0; i < 600 && model == null; i++) {
            model = Api.asAdmin().filter(check).get("/api/v1/diagnosis/training-jobs/" + job).then().statusCode(200)
                    .extract().path("modelId");
            Thread.sleep(model == null ? 100 : 0);
        }
        assertTrue(model != null, "the training job finished in 60 s");
        Api.asAdmin().filter(check).get("/api/v1/diagnosis/training-jobs").then().statusCode(200);
        Api.asAdmin().filter(check).get("/api/v1/diagnosis/models").then().statusCode(200);
        Api.asAdmin().filter(check).get("/api/v1/diagnosis/models/" + model).then().statusCode(200);
        double[][] run = TepFaultRuns.run(2);
        Api.asAdmin().filter(check).body(Map.of("modelId", model, "variables", TepFaultRuns.variables(),
                "rows", Arrays.asList(Arrays.copyOfRange(run, run.length - 25, run.length))))
                .post("/api/v1/diagnosis/diagnoses").then().statusCode(200);
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String line = DiagnosisApiTest.lineWithFault2Readings(start);
        Api.asAdmin().filter(check).queryParam("at", start.plusSeconds(19).toString())
                .get("/api/v1/diagnosis/lines/" + line).then().statusCode(200);
        String earlier = DiagnosisApiTest.incidentOn(TelemetryFixtures.newLine(), "temp", start.minusSeconds(3600));
        Api.asAdmin().body(Map.of("cause", "thermocouple loose")).post("/api/v1/incidents/" + earlier + "/resolve")
                .then().statusCode(200);
        String incident = DiagnosisApiTest.incidentOn(line, "temp", start.plusSeconds(30));
        Api.asAdmin().filter(check).get("/api/v1/diagnosis/incidents/" + incident).then().statusCode(200);
        Api.asAdmin().filter(check).get("/api/v1/diagnosis/incidents/" + incident + "/similar-events").then()
                .statusCode(200);
        Api.asAdmin().filter(check).body(Map.of("modelId", model, "variables", List.of("x"), "rows", List.of()))
                .post("/api/v1/diagnosis/diagnoses").then().statusCode(400);
        assertEquals(List.of(), check.violations());
        for (String op : List.of("submitDiagnosisTrainingJob 202", "getDiagnosisTrainingJob 200",
                "listDiagnosisTrainingJobs 200", "listDiagnosisModels 200", "getDiagnosisModel 200", "diagnoseWindow 200",
                "getLineWindowDiagnosis 200", "getIncidentDiagnosis 200", "listSimilarEventsOfIncident 200",
                "diagnoseWindow 400")) {
            assertTrue(check.answered().contains(op), op + " not seen: " + check.answered());
        }
    }
}
