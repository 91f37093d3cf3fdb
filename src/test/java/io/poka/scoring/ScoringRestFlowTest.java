package io.poka.scoring;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.scoring.internal.data.NumericTable;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scoring REST contract on real TEP data: upload, train, follow, promote, score, reject, cancel, roll back. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ScoringRestFlowTest {
    static final String PASSWORD = "qa-manager-password-1";
    static String qa;
    /**
     * Target of the few-epoch trainings that test plumbing, not detection: their scores cluster in time so much
     * that 500 rows cannot support 1 % (the job would fail with scoring/unsupported-false-alarm-rate).
     */
    static final double PLUMBING_TARGET = 0.05;

    /** Creates the signing QA manager once per test JVM (after Quarkus has started). */
    @BeforeEach
    void signer() {
        qaManager();
    }

    static synchronized void qaManager() {
        if (qa != null) {
            return;
        }
        String name = "qa-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", name, "displayName", "QA " + name, "password", PASSWORD, "roles",
                List.of("qa-manager")));
        qa = name;
    }

    static RequestSpecification asQa() {
        return Api.as(qa, PASSWORD);
    }

    static String upload(String name, String csv) {
        return asQa().contentType("text/csv").queryParam("name", name).body(csv).post("/api/v1/scoring/datasets")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
    }

    static JsonPath submit(String datasetId, String line, Map<String, Object> hyperparameters) {
        Map<String, Object> body = new HashMap<>(Map.of("datasetId", datasetId, "line", line));
        body.put("hyperparameters", hyperparameters);
        return asQa().body(body).post("/api/v1/scoring/training-jobs").then().statusCode(202).extract().jsonPath();
    }

    static JsonPath awaitEnd(String jobId, List<Integer> epochsSeen) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = asQa().get("/api/v1/scoring/training-jobs/" + jobId).then().statusCode(200).extract().jsonPath();
            epochsSeen.add(last[0].getInt("epoch"));
            return Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(last[0].getString("status"));
        });
        return last[0];
    }

    /** Uploads d00, trains a small model on it and returns the model id. */
    static String trainOnNormal(String line, int epochs) {
        String dataset = upload("tep-d00-" + line, TepData.csv(TepData.normal()));
        JsonPath end = awaitEnd(submit(dataset, line, Map.of("epochs", epochs, "seed", 3, "falseAlarmRate", PLUMBING_TARGET)).getString("id"), new ArrayList<>());
        assertEquals("SUCCEEDED", end.getString("status"), end.prettify());
        return end.getString("modelId");
    }

    /** Catalogues the model's line (a model is promoted only onto a line whose catalogue has its variables), promotes. */
    static void promote(String modelId) {
        ScoringFixtures.catalogue(asQa().get("/api/v1/scoring/models/" + modelId).then().statusCode(200)
                .extract().path("line"));
        asQa().body(Map.of("password", PASSWORD, "meaning", "APPROVAL", "reason", "validated on TEP d00"))
                .post("/api/v1/scoring/models/" + modelId + "/promote").then().statusCode(200)
                .body("action", equalTo("PROMOTED"));
    }

    @Test
    void aUserUploadsTepTrainsFollowsProgressPromotesAndScores() {
        String line = "line-" + UUID.randomUUID();
        NumericTable normal = TepData.normal();
        // 201, or 200 when another test class of this JVM uploaded d00 first (the same content is one data set)
        JsonPath uploaded = asQa().contentType("text/csv").queryParam("name", "TEP d00").body(TepData.csv(normal))
                .post("/api/v1/scoring/datasets").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract().jsonPath();
        assertEquals(normal.fingerprint(), uploaded.getString("fingerprint"));
        assertEquals(500, uploaded.getInt("rowCount"));
        assertEquals(52, uploaded.getList("variables").size());

        JsonPath queued = submit(uploaded.getString("id"), line, Map.of("seed", 11));
        assertTrue(Set.of("QUEUED", "RUNNING").contains(queued.getString("status")));
        List<Integer> epochs = new ArrayList<>();
        JsonPath done = awaitEnd(queued.getString("id"), epochs);
        assertEquals("SUCCEEDED", done.getString("status"), done.prettify());
        assertEquals(30, done.getInt("epoch"));
        assertNotNull(done.get("lastLoss.reconstruction"));
        assertTrue(new HashSet<>(epochs).size() >= 2, "progress seen while running: " + epochs);
        String modelId = done.getString("modelId");

        JsonPath model = asQa().get("/api/v1/scoring/models/" + modelId).then().statusCode(200).extract().jsonPath();
        assertEquals(1, model.getInt("version"));
        assertEquals(false, model.getBoolean("active"));
        assertEquals(normal.fingerprint(), model.getString("dataFingerprint"));
        assertEquals("cpu()", model.getString("metadata.device"));
        assertTrue(model.getString("metadata.engine").startsWith("PyTorch"), model.getString("metadata.engine"));
        assertEquals(500, model.getInt("metadata.trainingRows"));
        assertEquals("NONE", model.getString("metadata.alarmRule.kind"));
        // the default temporal features: EWMA-filtered inputs and moving standard deviations, 52 of each, and the
        // slowly filtered copy the combined monitor's drift statistic reads, 52 more
        assertEquals(10, model.getInt("metadata.hyperparameters.window"));
        assertEquals(156, model.getList("metadata.featureStatistics.derivedMeans").size());
        assertTrue(model.getDouble("metadata.validation.companionDivisors.drift") > 0, model.prettify());
        assertTrue(model.getDouble("metadata.validation.expectedFalseAlarmRateUpper95") <= 0.01);
        assertEquals(52, model.getList("metadata.featureStatistics.means").size());
        assertEquals(30, model.getList("metadata.lossHistory").size());
        assertTrue(model.getDouble("metadata.validation.calibrationFalseAlarmRate") <= 0.01);

        // a wrong signature password changes nothing (on a catalogued line, so the signature is what is judged)
        ScoringFixtures.catalogue(line);
        asQa().body(Map.of("password", "not-my-password", "meaning", "APPROVAL", "reason", "try"))
                .post("/api/v1/scoring/models/" + modelId + "/promote").then().statusCode(403)
                .contentType("application/problem+json");
        asQa().get("/api/v1/scoring/lines/" + line + "/score").then().statusCode(405);
        asQa().contentType("text/csv").body(TepData.csv(TepData.fault(1))).post("/api/v1/scoring/lines/" + line + "/score")
                .then().statusCode(404).contentType("application/problem+json");
        promote(modelId);
        asQa().get("/api/v1/scoring/models?line=" + line).then().statusCode(200).body("[0].active", equalTo(true));

        // fault 1 (A/C feed ratio step): PCA SPE flags 0.996 of its rows on the same split (bench/tep.sh)
        JsonPath faulty = asQa().contentType("text/csv").body(TepData.csv(TepData.fault(1)))
                .post("/api/v1/scoring/lines/" + line + "/score").then().statusCode(200).extract().jsonPath();
        assertEquals(modelId, faulty.getString("modelId"));
        assertEquals(1, faulty.getInt("modelVersion"));
        assertEquals(normal.fingerprint(), faulty.getString("trainingFingerprint"));
        List<Boolean> flags = faulty.getList("rows.anomalous", Boolean.class);
        assertEquals(480, flags.size());
        double detected = flags.stream().filter(b -> b).count() / 480.0;
        assertTrue(detected > 0.9, "fault 1 detection " + detected);
        assertEquals(3, faulty.getList("rows[0].topContributors").size());

        // held-out normal rows as JSON: few alarms
        List<List<Double>> rows = new ArrayList<>();
        for (double[] r : normal.slice(400, 500).rows()) {
            rows.add(java.util.Arrays.stream(r).boxed().toList());
        }
        JsonPath ok = asQa().body(Map.of("variables", normal.variables(), "rows", rows))
                .post("/api/v1/scoring/lines/" + line + "/score").then().statusCode(200).extract().jsonPath();
        long alarms = ok.getList("rows.anomalous", Boolean.class).stream().filter(b -> b).count();
        assertTrue(alarms <= 1, "alarms on the held-out calibration rows: " + alarms);

        // scoring data without the model's columns
        asQa().contentType("text/csv").body("XMEAS1,XMEAS2\n1,2\n").post("/api/v1/scoring/lines/" + line + "/score")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:poka:problem:scoring/unusable-data")).body("reason", equalTo("wrong-columns"))
                .body("missing", hasSize(50));
    }

    @Test
    void unusableDataIsRejectedWithAProblemAndNothingIsStored() {
        int before = asQa().get("/api/v1/scoring/datasets").then().extract().jsonPath().getList("$").size();
        asQa().contentType("text/csv").queryParam("name", "bad").body("a,b\n1,2\n3,oops\n")
                .post("/api/v1/scoring/datasets").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:poka:problem:scoring/unusable-data")).body("reason", equalTo("non-numeric"))
                .body("line", equalTo(3)).body("column", equalTo("b"));
        assertEquals(before, asQa().get("/api/v1/scoring/datasets").then().extract().jsonPath().getList("$").size());

        String line = "line-" + UUID.randomUUID();
        StringBuilder constant = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 200; i++) {
            constant.append(i % 7).append(',').append(i % 3).append(",5\n");
        }
        String constantId = upload("constant", constant.toString());
        asQa().body(Map.of("datasetId", constantId, "line", line)).post("/api/v1/scoring/training-jobs").then()
                .statusCode(422).body("reason", equalTo("constant-columns")).body("columns", equalTo(List.of("c")));

        String shortId = upload("short", TepData.csv(TepData.normal().slice(0, 60)));
        asQa().body(Map.of("datasetId", shortId, "line", line)).post("/api/v1/scoring/training-jobs").then()
                .statusCode(422).body("reason", equalTo("too-few-rows"));
        asQa().body(Map.of("datasetId", shortId, "line", line, "hyperparameters", Map.of("beta", -1)))
                .post("/api/v1/scoring/training-jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("hyperparameters.beta"));
        asQa().get("/api/v1/scoring/training-jobs?line=" + line).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aRunningJobIsCancelledAndRecordedAsCancelled() {
        String line = "line-" + UUID.randomUUID();
        String dataset = upload("tep-d00", TepData.csv(TepData.normal()));
        String job = submit(dataset, line, Map.of("epochs", 100_000)).getString("id");
        await().atMost(Duration.ofSeconds(120)).until(() -> asQa().get("/api/v1/scoring/training-jobs/" + job)
                .then().extract().jsonPath().getInt("epoch") >= 2);
        asQa().post("/api/v1/scoring/training-jobs/" + job + "/cancel").then().statusCode(202);
        JsonPath end = awaitEnd(job, new ArrayList<>());
        assertEquals("CANCELLED", end.getString("status"));
        assertEquals(null, end.getString("modelId"));
        assertTrue(end.getInt("epoch") >= 2 && end.getInt("epoch") < 100_000);
        asQa().post("/api/v1/scoring/training-jobs/" + job + "/cancel").then().statusCode(409)
                .body("type", equalTo("urn:poka:problem:scoring/job-finished"));
        asQa().get("/api/v1/scoring/models?line=" + line).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void rollbackReturnsTheLineToThePreviouslyActiveVersion() {
        String line = "line-" + UUID.randomUUID();
        String v1 = trainOnNormal(line, 3);
        String v2 = trainOnNormal(line, 3);
        asQa().body(Map.of("password", PASSWORD, "meaning", "APPROVAL", "reason", "r"))
                .post("/api/v1/scoring/lines/" + line + "/rollback").then().statusCode(404);
        promote(v1);
        asQa().body(Map.of("password", PASSWORD, "meaning", "APPROVAL", "reason", "r"))
                .post("/api/v1/scoring/lines/" + line + "/rollback").then().statusCode(409)
                .body("type", equalTo("urn:poka:problem:scoring/nothing-to-roll-back"));
        promote(v2);
        asQa().get("/api/v1/scoring/models/" + v2).then().body("active", equalTo(true)).body("version", equalTo(2));
        asQa().body(Map.of("password", PASSWORD, "meaning", "RESPONSIBILITY", "reason", "v2 alarms too often"))
                .post("/api/v1/scoring/lines/" + line + "/rollback").then().statusCode(200)
                .body("action", equalTo("ROLLED_BACK")).body("modelId", equalTo(v1)).body("previousModelId", equalTo(v2));
        asQa().get("/api/v1/scoring/models/" + v1).then().body("active", equalTo(true));
        asQa().get("/api/v1/scoring/models/" + v2).then().body("active", equalTo(false));
        String scoredBy = asQa().contentType("text/csv").body(TepData.csv(TepData.fault(6).slice(0, 5)))
                .post("/api/v1/scoring/lines/" + line + "/score").then().statusCode(200).extract().path("modelId");
        assertEquals(v1, scoredBy);
        // an inspector may score but not promote
        String inspector = "insp-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", inspector, "displayName", "I", "password", PASSWORD, "roles",
                List.of("inspector")));
        Api.as(inspector, PASSWORD).body(Map.of("password", PASSWORD, "meaning", "APPROVAL", "reason", "r"))
                .post("/api/v1/scoring/models/" + v2 + "/promote").then().statusCode(403);
    }
}
