package io.poka.baselines;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.baselines.internal.TrainingSlots;
import io.poka.baselines.internal.data.TepRuns;
import io.poka.scoring.TepData;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The anomaly comparison over REST on data sets of the scoring registry: a VAE-GAN trained through the scoring API,
 * then the baselines fitted on its split, calibrated alike and compared on TEP fault runs.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AnomalyComparisonRestTest {
    static final String PASSWORD = "anomaly-compare-pw-1";
    static String qa;
    static String inspector;
    static String normalId;
    static String vaeGanId;

    @BeforeEach
    void users() {
        setUp();
    }

    static synchronized void setUp() {
        if (qa != null) {
            return;
        }
        qa = user("qa-manager");
        inspector = user("inspector");
        String line = "cmp-" + UUID.randomUUID().toString().substring(0, 8);
        normalId = upload("tep-d00-" + line, TepRuns.normal());
        vaeGanId = trainVaeGan(as(qa), normalId, line, 10);
    }

    static String user(String role) {
        String name = "ac-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", name, "displayName", name, "password", PASSWORD, "roles", List.of(role)));
        return name;
    }

    static RequestSpecification as(String user) {
        return Api.as(user, PASSWORD);
    }

    /** Uploads rows with the TEP header (XMEAS1..XMV11) to the scoring registry; returns the data set id. */
    static String upload(String name, double[][] rows) {
        return upload(as(qa), name, TepData.VARIABLES, rows);
    }

    static String upload(RequestSpecification who, String name, List<String> header, double[][] rows) {
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (double[] r : rows) {
            csv.append(Arrays.stream(r).mapToObj(v -> String.format(Locale.ROOT, "%s", v)).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return who.contentType("text/csv").queryParam("name", name).body(csv.toString()).post("/api/v1/scoring/datasets")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
    }

    static final double TARGET = 0.05;

    /** Trains a VAE-GAN through the scoring API and waits for it; returns the model id. */
    static String trainVaeGan(RequestSpecification who, String datasetId, String line, int epochs) {
        String job = who.body(Map.of("datasetId", datasetId, "line", line, "hyperparameters",
                // a few-epoch model cannot support 1 % (its scores follow the process's drift: scoring's
                // FalseAlarmTargetTest); no alarm rule, so the comparison's own rule is the only one applied
                Map.of("epochs", epochs, "falseAlarmRate", TARGET, "alarmRule", Map.of("kind", "NONE"))))
                .post("/api/v1/scoring/training-jobs").then().statusCode(202).extract().path("id");
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = who.get("/api/v1/scoring/training-jobs/" + job).then().statusCode(200).extract().jsonPath();
            return Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(last[0].getString("status"));
        });
        assertEquals("SUCCEEDED", last[0].getString("status"), last[0].prettify());
        return last[0].getString("modelId");
    }

    @Test
    void theVaeGanAndSixBaselinesAreComparedOnTheSameSplitAndStored() {
        String d01 = upload("tep-d01", TepRuns.fault(1));
        String d06 = upload("tep-d06", TepRuns.fault(6));
        // the model is named: d00 is one data set for every test class (same content), so "the newest" may be another's
        JsonPath c = as(qa).body(Map.of("datasetId", normalId, "vaeGanModelIds", List.of(vaeGanId), "faultDatasets",
                List.of(Map.of("datasetId", d01), Map.of("datasetId", d06, "onsetRow", 20))))
                .post("/api/v1/baselines/anomaly-comparisons").then()
                .statusCode(201).extract().jsonPath();
        String id = c.getString("id");
        assertEquals(List.of(vaeGanId), c.getList("vaeGanModelIds"));
        assertEquals(400, c.getInt("trainingRows"));
        assertEquals(100, c.getInt("calibrationRows"));
        assertEquals(TARGET, c.getDouble("falseAlarmRate"), 1e-12);
        assertEquals(List.of("vae-gan v1", "pca-t2", "pca-spe", "dynamic-pca-t2", "dynamic-pca-spe", "one-class-svm",
                "isolation-forest"), c.getList("models.model"));
        // no normal test data: no equal-rate comparison; no rule asked for: the model's, here NONE
        assertEquals("NONE", c.getString("alarmRule.kind"));
        assertEquals("model", c.getString("alarmRuleSource"));
        assertEquals(List.of("tep-d01", "tep-d06"), c.getList("meanOver"));
        assertNull(c.get("equalFalseAlarmRate"));
        assertNull(c.get("models[0].atEqualFalseAlarm"));
        JsonPath vae = Api.asAdmin().get("/api/v1/scoring/models/" + vaeGanId).then().statusCode(200).extract().jsonPath();
        // the VAE-GAN keeps its own calibrated threshold; the baselines get theirs by the same rule on the same rows
        assertEquals(vae.getDouble("threshold"), c.getDouble("models[0].threshold"), 1e-9);
        // the model was calibrated by cross-fitting over all its rows, so its rate on the baselines' held-out last
        // rows is in-sample and not its calibration estimate: the loop below only bounds it by the target
        assertTrue(vae.getDouble("metadata.validation.calibrationFalseAlarmRate") <= TARGET);
        for (int m = 0; m < 7; m++) {
            String name = c.getString("models[" + m + "].model");
            assertTrue(c.getDouble("models[" + m + "].falseAlarmRate") <= TARGET, name);
            assertTrue(c.getDouble("models[" + m + "].rowsPerSecond") > 0, name);
            assertNotNull(c.getString("models[" + m + "].provenance"), name);
            // fault 6 (A feed loss) is gross: every monitor detects most of it, early, with AUC near 1
            assertTrue(c.getDouble("models[" + m + "].runs[1].detectionRate") > 0.9, name);
            assertTrue(c.getInt("models[" + m + "].runs[1].detectionDelayRows") < 30, name);
            assertTrue(c.getDouble("models[" + m + "].runs[1].rocAuc") > 0.95, name);
            assertEquals(20, c.getInt("models[" + m + "].runs[1].onsetRow"));
        }
        // PCA SPE flags 0.996 of fault 1's rows on this split (bench/tep.sh)
        assertTrue(c.getDouble("models[2].runs[0].detectionRate") > 0.95);
        assertTrue(c.getString("models[5].provenance").contains("LibSVMAnomalyTrainer"), c.getString("models[5].provenance"));
        assertEquals(List.of(d01, d06), c.getList("faultDatasets.datasetId"));

        // stored: read back by id and listed for the data set
        as(qa).get("/api/v1/baselines/anomaly-comparisons/" + id).then().statusCode(200)
                .body("models[2].runs[0].detectionRate", equalTo(c.getFloat("models[2].runs[0].detectionRate")));
        List<String> ids = as(qa).queryParam("datasetId", normalId).get("/api/v1/baselines/anomaly-comparisons").then()
                .statusCode(200).extract().path("id");
        assertTrue(ids.contains(id));
    }

    /**
     * Small slices keep it quick: d00 rows 1-300 are the fitted data set (VAE-GAN 240 train / 60 calibrate, 5 epochs),
     * rows 401-500 a separate normal test data set, fault 6 behind 40 normal rows (d00 rows 301-340), fault 3 left out
     * of the means.
     */
    @Test
    void separateNormalTestDataGiveFalseAlarmsAndEqualRateLimitsWithTheAlarmRuleAndChosenMeans() {
        double[][] d00 = TepRuns.normal();
        String line = "cmp-eval-" + UUID.randomUUID().toString().substring(0, 8);
        String fitted = upload("tep-d00-1-300", Arrays.copyOfRange(d00, 0, 300));
        String model = trainVaeGan(as(qa), fitted, line, 5);
        String normalTest = upload("tep-d00-401-500", Arrays.copyOfRange(d00, 400, 500));
        double[][] d06 = Arrays.copyOf(Arrays.copyOfRange(d00, 300, 340), 140);
        System.arraycopy(TepRuns.fault(6), 0, d06, 40, 100);
        String fault6 = upload("tep-d06-from-40", d06);
        String fault3 = upload("tep-d03-100", Arrays.copyOfRange(TepRuns.fault(3), 0, 100));
        Map<String, Object> request = new java.util.HashMap<>(Map.of("datasetId", fitted, "vaeGanModelIds", List.of(model),
                "faultDatasets", List.of(Map.of("datasetId", fault6, "onsetRow", 40), Map.of("datasetId", fault3)),
                "normalTestDatasets", List.of(normalTest), "excludeFromMean", List.of(fault3),
                "alarmRule", Map.of("kind", "NONE"), "equalFalseAlarmRate", 0.05));
        JsonPath c = as(qa).body(request).post("/api/v1/baselines/anomaly-comparisons").then().statusCode(201)
                .extract().jsonPath();
        assertEquals(List.of("tep-d06-from-40"), c.getList("meanOver"));
        assertEquals(List.of(fault6), c.getList("meanOverDatasetIds"));
        assertEquals(List.of(normalTest), c.getList("normalTestDatasets.datasetId"));
        assertEquals("request", c.getString("alarmRuleSource"));
        assertEquals(0.05, c.getDouble("equalFalseAlarmRate"), 1e-12);
        assertEquals(2, c.getInt("dynamicPcaLags"));
        assertEquals(2, c.getInt("firstEvaluatedRow"));
        List<String> names = c.getList("models.model");
        assertEquals(7, names.size());
        for (int m = 0; m < names.size(); m++) {
            String p = "models[" + m + "].";
            // rows 3-100 of the normal test data set (98 rows) are evaluated for every monitor; 5 % allows 4 alarms,
            // and every monitor's equal-rate limit, set on its own scores there, gives exactly 4
            assertEquals(98, c.getInt(p + "normalTests[0].rowsEvaluated"), names.get(m));
            assertEquals(4 / 98.0, c.getDouble(p + "atEqualFalseAlarm.normalTestFalseAlarmRate"), 1e-6, names.get(m));
            assertEquals(4 / 98.0, c.getDouble(p + "normalTests[0].falseAlarmRateAtEqualFalseAlarm"), 1e-6, names.get(m));
            // at its own limit the rate on separate normal data is whatever it is, measured, not promised
            double own = c.getDouble(p + "normalTestFalseAlarmRate");
            assertTrue(own >= 0 && own <= 1, names.get(m));
            assertNotNull(c.get(p + "preFaultFalseAlarmRate"), names.get(m));
            // the mean is over fault 6 alone (fault 3 excluded), at both limits
            assertEquals(c.getDouble(p + "runs[0].detectionRate"), c.getDouble(p + "meanDetectionRate"), 1e-6, names.get(m));
            assertEquals(c.getDouble(p + "runs[0].detectionRateAtEqualFalseAlarm"),
                    c.getDouble(p + "atEqualFalseAlarm.meanDetectionRate"), 1e-6, names.get(m));
            assertEquals(false, c.getBoolean(p + "runs[1].inMean"));
            assertTrue(c.getDouble(p + "runs[0].detectionRate") > 0.8, names.get(m));
        }

        // the same with a 2-of-3 rule: delays can only grow, and the rule is stored and read back
        request.put("alarmRule", Map.of("kind", "K_OF_N", "k", 2, "n", 3));
        JsonPath k = as(qa).body(request).post("/api/v1/baselines/anomaly-comparisons").then().statusCode(201)
                .extract().jsonPath();
        JsonPath read = as(qa).get("/api/v1/baselines/anomaly-comparisons/" + k.getString("id")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Map.of("kind", "K_OF_N", "k", 2, "n", 3), read.getMap("alarmRule"));
        assertEquals(List.of("tep-d06-from-40"), read.getList("meanOver"));
        for (int m = 0; m < names.size(); m++) {
            String p = "models[" + m + "].";
            assertTrue(read.getInt(p + "runs[0].detectionDelayRows") >= c.getInt(p + "runs[0].detectionDelayRows"),
                    names.get(m));
            assertTrue(read.getDouble(p + "atEqualFalseAlarm.normalTestFalseAlarmRate") <= 0.05, names.get(m));
        }
    }

    @Test
    void unknownFieldsAndInconsistentEvaluationRequestsAreRefused() {
        String d01 = upload("tep-d01-eval-bad", TepRuns.fault(1));
        List<String> before = as(qa).queryParam("datasetId", normalId).get("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(200).extract().path("id");
        // a typo of a field name is not silently ignored
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", d01)),
                "normalTestDataset", List.of(d01))).post("/api/v1/baselines/anomaly-comparisons").then().statusCode(400)
                .contentType("application/problem+json").body(org.hamcrest.Matchers.containsString("normalTestDataset"));
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", d01)),
                "alarmRule", Map.of("kind", "EWMA", "lamda", 0.2))).post("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("lamda"));
        // EWMA without lambda, k above n
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", d01)),
                "alarmRule", Map.of("kind", "EWMA"))).post("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("alarmRule.lambda"));
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", d01)),
                "alarmRule", Map.of("kind", "K_OF_N", "k", 4, "n", 3))).post("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(400);
        // the fitted data set is not a separate normal test set
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", d01)),
                "normalTestDatasets", List.of(normalId))).post("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("normalTestDatasets[0]"));
        // excluding a data set that is not among the faults, or all of them
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", d01)),
                "excludeFromMean", List.of(UUID.randomUUID()))).post("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("excludeFromMean[0]"));
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", d01)),
                "excludeFromMean", List.of(d01))).post("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(400);
        // an equal rate needs normal test data to be set on; lags out of range
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", d01)),
                "equalFalseAlarmRate", 0.01)).post("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("equalFalseAlarmRate"));
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", d01)),
                "dynamicPcaLags", 0)).post("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("dynamicPcaLags"));
        // an unknown normal test data set
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", d01)),
                "normalTestDatasets", List.of(UUID.randomUUID()))).post("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(404).contentType("application/problem+json");
        List<String> after = as(qa).queryParam("datasetId", normalId).get("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(200).extract().path("id");
        assertEquals(before, after);
    }

    @Test
    void badRequestsGetProblemsAndStoreNothing() {
        String d01 = upload("tep-d01-bad", TepRuns.fault(1));
        List<String> before = as(qa).queryParam("datasetId", normalId).get("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(200).extract().path("id");
        // a fault data set without one of the normal data's columns
        double[][] narrow = Arrays.stream(TepRuns.fault(1)).map(r -> Arrays.copyOf(r, 51)).toArray(double[][]::new);
        String narrowId = upload(as(qa), "tep-d01-narrow", TepData.VARIABLES.subList(0, 51), narrow);
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", narrowId))))
                .post("/api/v1/baselines/anomaly-comparisons").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:poka:problem:baselines/wrong-columns"))
                .body("missing", equalTo(List.of("XMV11")));
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", d01, "onsetRow", 480))))
                .post("/api/v1/baselines/anomaly-comparisons").then().statusCode(400)
                .contentType("application/problem+json");
        as(qa).body(Map.of("datasetId", normalId, "faultDatasets", List.of()))
                .post("/api/v1/baselines/anomaly-comparisons").then().statusCode(400);
        as(qa).body(Map.of("datasetId", UUID.randomUUID(), "faultDatasets", List.of(Map.of("datasetId", d01))))
                .post("/api/v1/baselines/anomaly-comparisons").then().statusCode(404)
                .contentType("application/problem+json");
        // a data set no VAE-GAN was trained on has no split to follow
        as(qa).body(Map.of("datasetId", d01, "faultDatasets", List.of(Map.of("datasetId", d01))))
                .post("/api/v1/baselines/anomaly-comparisons").then().statusCode(409)
                .body("type", equalTo("urn:poka:problem:baselines/no-vae-gan"));
        as(qa).body(Map.of("datasetId", normalId, "vaeGanModelIds", List.of(UUID.randomUUID()),
                "faultDatasets", List.of(Map.of("datasetId", d01)))).post("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(400);
        as(inspector).body(Map.of("datasetId", normalId, "faultDatasets", List.of(Map.of("datasetId", d01))))
                .post("/api/v1/baselines/anomaly-comparisons").then().statusCode(403);
        as(qa).get("/api/v1/baselines/anomaly-comparisons/" + UUID.randomUUID()).then().statusCode(404);
        List<String> after = as(qa).queryParam("datasetId", normalId).get("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(200).extract().path("id");
        assertEquals(before, after);
    }

    /**
     * The baselines fit on the chosen columns only (three TEP measurements: PCA keeps at most three components) while
     * the VAE-GAN scores with its own variables; an unknown column is refused with 422 naming it, nothing stored.
     */
    @Test
    void featureColumnsChooseTheBaselinesColumnsAndAnUnknownOneIsRefusedNamingIt() {
        String d06 = upload("tep-d06-columns", TepRuns.fault(6));
        List<String> chosen = List.of("XMEAS7", "XMEAS9", "XMEAS21");
        JsonPath c = as(qa).body(Map.of("datasetId", normalId, "vaeGanModelIds", List.of(vaeGanId), "faultDatasets",
                List.of(Map.of("datasetId", d06, "onsetRow", 20)), "featureColumns", chosen))
                .post("/api/v1/baselines/anomaly-comparisons").then().statusCode(201).extract().jsonPath();
        assertEquals(chosen, c.getList("featureColumns"));
        assertTrue(c.getInt("models[1].hyperparameters.components") <= 3, c.getString("models[1].hyperparameters"));
        as(qa).get("/api/v1/baselines/anomaly-comparisons/" + c.getString("id")).then().statusCode(200)
                .body("featureColumns", equalTo(chosen));

        List<String> before = as(qa).queryParam("datasetId", normalId).get("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(200).extract().path("id");
        as(qa).body(Map.of("datasetId", normalId, "vaeGanModelIds", List.of(vaeGanId), "faultDatasets",
                List.of(Map.of("datasetId", d06)), "featureColumns", List.of("XMEAS7", "pressure")))
                .post("/api/v1/baselines/anomaly-comparisons").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:poka:problem:baselines/unknown-column"))
                .body("unknown", equalTo(List.of("pressure")));
        as(qa).body(Map.of("datasetId", normalId, "vaeGanModelIds", List.of(vaeGanId), "faultDatasets",
                List.of(Map.of("datasetId", d06)), "featureColumns", List.of("XMEAS7", "XMEAS7")))
                .post("/api/v1/baselines/anomaly-comparisons").then().statusCode(400);
        List<String> after = as(qa).queryParam("datasetId", normalId).get("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(200).extract().path("id");
        assertEquals(before, after);
    }

    @Inject
    TrainingSlots slots;

    /**
     * Trainings and comparisons share poka.baselines.concurrent-trainings: with every slot held by a training, a
     * comparison is refused at once (429) and nothing is stored, instead of running beside them.
     */
    @Test
    void trainingsHoldingEverySlotOfTheModuleRefuseAComparisonWith429AndStoreNothing() throws Exception {
        String d01 = upload("tep-d01-busy", TepRuns.fault(1));
        List<String> before = as(qa).queryParam("datasetId", normalId).get("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(200).extract().path("id");
        int n = ConfigProvider.getConfig().getValue("poka.baselines.concurrent-trainings", Integer.class);
        CountDownLatch running = new CountDownLatch(n);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService trainings = Executors.newFixedThreadPool(n);
        try {
            for (int i = 0; i < n; i++) {
                trainings.submit(() -> slots.runWhenFree(() -> {
                    running.countDown();
                    try {
                        return release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }));
            }
            assertTrue(running.await(10, TimeUnit.SECONDS), "the trainings hold every slot");
            as(qa).body(Map.of("datasetId", normalId, "vaeGanModelIds", List.of(vaeGanId), "faultDatasets",
                    List.of(Map.of("datasetId", d01)))).post("/api/v1/baselines/anomaly-comparisons").then()
                    .statusCode(429).contentType("application/problem+json")
                    .body("type", equalTo("urn:poka:problem:baselines/training-busy"));
        } finally {
            release.countDown();
            trainings.shutdown();
        }
        List<String> after = as(qa).queryParam("datasetId", normalId).get("/api/v1/baselines/anomaly-comparisons")
                .then().statusCode(200).extract().path("id");
        assertEquals(before, after);
    }
}
