package io.poka.baselines;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.baselines.internal.data.TepRuns;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anomaly monitors on the user's own data over REST: an uploaded slice of the Tennessee Eastman runs (normal d00 with
 * a label column and a time column, fault d01 rows labelled 1) trains PCA, one-class SVM and isolation forest with
 * the normal rows chosen by label, a time-ordered split and the VAE-GAN's cross-fitted calibration; the limit holds on
 * the later normal rows, the split never leaks them into training, predictions take raw rows and explain themselves,
 * and every refusal is a 422 naming the reason that stores nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AnomalyAnyDatasetRestTest {
    static final int NORMAL = 500;
    static final int FAULTY = 120;

    @BeforeEach
    void users() {
        BaselinesRestFlowTest.createUsers();
    }

    /**
     * time, fault, v1..v52: d00's 500 normal rows at times 0-399 and 520-619, d01's first 120 rows (labelled 1) at
     * 400-519; uploaded in a shuffled order, so only the time column says which rows are later. With {@code shiftLast},
     * v9 of the last 100 normal rows (times 520-619) moves by 50 standard deviations of d00's v9.
     */
    static String tepCsv(boolean shiftLast, long seed) {
        return tepCsv(shiftLast, seed, NORMAL);
    }

    /** The same with only the first {@code normalRows} rows of d00. */
    static String tepCsv(boolean shiftLast, long seed, int normalRows) {
        double[][] normal = TepRuns.normal();
        double[][] fault = TepRuns.fault(1);
        double[] v9 = java.util.Arrays.stream(normal).mapToDouble(r -> r[8]).toArray();
        double mean = java.util.Arrays.stream(v9).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(v9).map(v -> (v - mean) * (v - mean)).sum() / (v9.length - 1));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < normalRows; i++) {
            int time = i < 400 ? i : i + FAULTY;
            double[] row = normal[i].clone();
            if (shiftLast && i >= 400) {
                row[8] += 50 * sd;
            }
            lines.add(line(time, 0, row));
        }
        for (int i = 0; i < FAULTY; i++) {
            lines.add(line(400 + i, 1, fault[i]));
        }
        Collections.shuffle(lines, new Random(seed));
        StringBuilder csv = new StringBuilder("time,fault");
        for (int j = 1; j <= TepRuns.VARIABLES; j++) {
            csv.append(",v").append(j);
        }
        csv.append('\n');
        lines.forEach(l -> csv.append(l).append('\n'));
        return csv.toString();
    }

    private static String line(int time, int fault, double[] values) {
        StringBuilder s = new StringBuilder().append(time).append(',').append(fault);
        for (double v : values) {
            s.append(',').append(String.format(Locale.ROOT, "%.6g", v));
        }
        return s.toString();
    }

    static Map<String, Object> request(String trainer, double alpha) {
        Map<String, Object> body = new HashMap<>();
        body.put("trainer", trainer);
        body.put("targetColumn", "fault");
        body.put("split", Map.of("kind", "TIME_ORDERED", "orderColumn", "time", "testShare", 0.2));
        body.put("anomaly", Map.of("normalValues", List.of("0"), "falseAlarmRate", alpha));
        return body;
    }

    static Map<String, Object> raw(String csvLine, String header) {
        String[] names = header.split(",");
        String[] values = csvLine.split(",");
        Map<String, Object> row = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            row.put(names[j], Double.parseDouble(values[j]));
        }
        return row;
    }

    @Test
    void pcaSpeOnAnUploadedTepSliceHoldsItsFalseAlarmTargetOnLaterNormalRowsDetectsFaultOneAndExplainsRawRows() {
        String csv = tepCsv(false, 7);
        String id = AnyDatasetRestTest.upload("tep-labelled " + UUID.randomUUID(), csv).getString("id");
        JsonPath model = AnyDatasetRestTest.qa().body(request("pca-spe", 0.05))
                .post("/api/v1/baselines/datasets/" + id + "/models").then().statusCode(201)
                .body("model.task", equalTo("ANOMALY"))
                .body("training.datasetId", equalTo(id))
                .body("training.targetColumn", equalTo("fault"))
                .body("training.featureColumns.size()", equalTo(TepRuns.VARIABLES))
                .body("training.featureColumns", hasItem("v52"))
                .body("training.trainRows", equalTo(400))
                .body("metrics.heldOutNormalRows", equalTo(100))
                .body("metrics.abnormalRows", equalTo(FAULTY))
                .body("metrics.calibration.crossFitBlocks", equalTo(5))
                .extract().jsonPath();
        assertTrue(!model.getList("training.featureColumns").contains("time")
                && !model.getList("training.featureColumns").contains("fault"), "label and order are no features");
        double heldOut = model.getDouble("metrics.heldOutFalseAlarmRate");
        // the limit is set so the upper 95 % bound of the false-alarm rate is at most 5 %; on 100 later rows of the
        // same run a rate above 10 % would mean the calibration does not hold
        assertTrue(heldOut <= 0.10, "held-out false alarms " + heldOut);
        assertTrue(model.getDouble("metrics.detectionRate") > 0.8, "d01 is detected: " + model.getDouble("metrics.detectionRate"));
        assertTrue(model.getDouble("metrics.rocAuc") > 0.9);
        assertEquals("rocAuc", model.getString("metrics.permutationImportance.metric"));
        assertEquals(TepRuns.VARIABLES, model.getList("metrics.permutationImportance.features").size());
        String modelId = model.getString("model.id");

        // the held-out normal rows (times 520-619), raw with time and fault: the share the model flags is the stored rate
        String[] lines = csv.split("\n");
        List<Map<String, Object>> later = new ArrayList<>();
        Map<String, Object> faultRow = null;
        for (int i = 1; i < lines.length; i++) {
            Map<String, Object> row = raw(lines[i], lines[0]);
            double time = (Double) row.get("time");
            if (time >= 520) {
                later.add(row);
            } else if (time == 450) {
                faultRow = row;
            }
        }
        later.sort((a, b) -> Double.compare((Double) a.get("time"), (Double) b.get("time")));
        AnyDatasetRestTest.qa().body(Map.of("rows", later)).post("/api/v1/baselines/models/" + modelId + "/predictions")
                .then().statusCode(400).body("type", org.hamcrest.Matchers.endsWith("baselines/bad-rows"));
        List<Boolean> flags = AnyDatasetRestTest.qa().queryParam("ignoreExtraColumns", true).body(Map.of("rows", later))
                .post("/api/v1/baselines/models/" + modelId + "/predictions").then().statusCode(200)
                .extract().jsonPath().getList("predictions.anomalous", Boolean.class);
        assertEquals(100, flags.size());
        assertEquals(heldOut, flags.stream().filter(f -> f).count() / 100.0, 1e-9);

        JsonPath explained = AnyDatasetRestTest.qa().queryParam("ignoreExtraColumns", true).queryParam("explain", true)
                .body(Map.of("features", faultRow)).post("/api/v1/baselines/models/" + modelId + "/predictions")
                .then().statusCode(200).body("predictions[0].anomalous", equalTo(true))
                .extract().jsonPath();
        List<Map<String, Object>> contributions = explained.getList("predictions[0].explanation.contributions");
        assertEquals(TepRuns.VARIABLES, contributions.size());
        // SPE's contributions are its squared residuals per variable: they sum to the score, largest first
        double sum = contributions.stream().mapToDouble(c -> ((Number) c.get("contribution")).doubleValue()).sum();
        assertEquals(explained.getDouble("predictions[0].score"), sum, 1e-6 * sum);
        double top = ((Number) contributions.get(0).get("contribution")).doubleValue();
        double second = ((Number) contributions.get(1).get("contribution")).doubleValue();
        assertTrue(top >= second && second >= 0, "largest push first: " + contributions.subList(0, 3));
    }

    @Test
    void theTimeSplitHoldsOutTheLatestNormalRowsByTheOrderColumnSoAShiftThereIsNeverLearnt() {
        // the last 100 normal rows by time are shifted; had they leaked into training they would look normal
        String id = AnyDatasetRestTest.upload("tep-shifted " + UUID.randomUUID(), tepCsv(true, 11)).getString("id");
        for (String trainer : List.of("dynamic-pca-spe")) {
            JsonPath m = AnyDatasetRestTest.qa().body(request(trainer, 0.05))
                    .post("/api/v1/baselines/datasets/" + id + "/models").then().statusCode(201).extract().jsonPath();
            assertTrue(m.getDouble("metrics.heldOutFalseAlarmRate") > 0.9, trainer + " flags the unseen shifted rows: "
                    + m.getDouble("metrics.heldOutFalseAlarmRate"));
            assertTrue(m.getDouble("metrics.crossFittedFalseAlarmRate") <= 0.10, trainer + " calibrated on unshifted rows");
        }
    }

    @Test
    void refusalsNameTheirReasonAndStoreNothing() {
        String id = AnyDatasetRestTest.upload("tep-refusals " + UUID.randomUUID(), tepCsv(false, 3)).getString("id");
        String models = "/api/v1/baselines/datasets/" + id + "/models";
        Map<String, Object> unknown = request("pca-t2", 0.05);
        unknown.put("featureColumns", List.of("v1", "nope"));
        AnyDatasetRestTest.qa().body(unknown).post(models).then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("baselines/unknown-column")).body("unknown", equalTo(List.of("nope")));
        Map<String, Object> noNormal = request("pca-t2", 0.05);
        noNormal.put("anomaly", Map.of("normalValues", List.of("7")));
        AnyDatasetRestTest.qa().body(noNormal).post(models).then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("baselines/no-normal-rows"));
        // 400 training rows cannot support one false alarm in 1000
        AnyDatasetRestTest.qa().body(request("one-class-svm", 0.001)).post(models).then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("baselines/too-few-normal-rows"))
                .body("trainRows", equalTo(400));
        Map<String, Object> fewRows = request("pca-spe", 0.05);
        fewRows.put("anomaly", Map.of("normalValues", List.of("0"), "normalTo", 30.0));
        AnyDatasetRestTest.qa().body(fewRows).post(models).then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("baselines/too-few-normal-rows"));
        Map<String, Object> randomSplit = request("pca-spe", 0.05);
        randomSplit.put("split", Map.of("kind", "RANDOM"));
        AnyDatasetRestTest.qa().body(randomSplit).post(models).then().statusCode(400);
        // the steel plates' label is text: not a feature of a monitor
        AnyDatasetRestTest.qa().body(Map.of("trainer", "pca-spe", "featureColumns", List.of("Pixels_Areas", "fault")))
                .post("/api/v1/baselines/datasets/steel-plates/models").then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("baselines/non-numeric-feature"));
        AnyDatasetRestTest.qa().get("/api/v1/baselines/datasets/" + id + "/comparison").then().statusCode(200)
                .body("models.size()", equalTo(0));

        // the same training through the module's job API: 5 cross-fitting blocks, the final fit, the evaluation
        String job = AnyDatasetRestTest.qa().body(request("pca-t2", 0.05)).post("/api/v1/baselines/datasets/" + id
                + "/training-jobs").then().statusCode(202).body("stepsTotal", equalTo(7)).extract().path("id");
        JsonPath[] last = new JsonPath[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() -> {
            last[0] = AnyDatasetRestTest.qa().get("/api/v1/baselines/training-jobs/" + job).then().statusCode(200)
                    .extract().jsonPath();
            return List.of("SUCCEEDED", "FAILED").contains(last[0].getString("status"));
        });
        assertEquals("SUCCEEDED", last[0].getString("status"), last[0].prettify());
        AnyDatasetRestTest.qa().get("/api/v1/baselines/models/" + last[0].getString("modelId")).then().statusCode(200)
                .body("model.task", equalTo("ANOMALY")).body("model.trainer", equalTo("pca-t2"));
        assertNotNull(id);
    }

    @Test
    void monitorsSideBySideOnTheUsersSplitMeetTheSameFalseAlarmRateOnASeparateNormalDataSet() {
        String id = AnyDatasetRestTest.upload("tep-400 " + UUID.randomUUID(), tepCsv(false, 5, 400)).getString("id");
        String normalTest = lateNormalRows();
        Map<String, Object> body = new HashMap<>(request("pca-spe", 0.05));
        body.remove("trainer");
        body.put("monitors", List.of("pca-spe", "isolation-forest"));
        body.put("normalTestDatasets", List.of(normalTest));
        body.put("equalFalseAlarmRate", 0.05);
        JsonPath c = AnyDatasetRestTest.qa().body(body)
                .post("/api/v1/baselines/datasets/" + id + "/anomaly-model-comparisons").then().statusCode(201)
                .body("monitors.monitor", equalTo(List.of("pca-spe", "isolation-forest")))
                .body("equalFalseAlarmOn", equalTo("the normal test data sets"))
                .body("training.trainRows", equalTo(320))
                .extract().jsonPath();
        for (int m = 0; m < 2; m++) {
            String p = "monitors[" + m + "].";
            // 100 normal test rows, no ties: exactly 5 alarms at the equal limit for every monitor
            assertEquals(0.05, c.getDouble(p + "achievedEqualFalseAlarmRate"), 1e-9);
            assertEquals(0.05, c.getDouble(p + "normalTests[0].falseAlarmRateAtEqualFalseAlarm"), 1e-9);
            assertEquals(100, c.getInt(p + "normalTests[0].rowsEvaluated"));
            assertTrue(c.getDouble(p + "detectionRateAtEqualFalseAlarm") > 0.5, p + c.getDouble(p + "detectionRateAtEqualFalseAlarm"));
            assertNotNull(c.get(p + "normalTestFalseAlarmRate"));
            AnyDatasetRestTest.qa().get("/api/v1/baselines/models/" + c.getString(p + "modelId")).then().statusCode(200)
                    .body("model.task", equalTo("ANOMALY"));
        }
        AnyDatasetRestTest.qa().body(Map.of("monitors", List.of("random-forest")))
                .post("/api/v1/baselines/datasets/" + id + "/anomaly-model-comparisons").then().statusCode(400);
        AnyDatasetRestTest.qa().get("/api/v1/baselines/datasets/" + id + "/comparison").then().statusCode(200)
                .body("models.size()", equalTo(2));
    }

    /** d00 rows 400-499 (v1..v52) as a separate normal data set that no monitor fits on; its id. */
    static String lateNormalRows() {
        double[][] d00 = TepRuns.normal();
        StringBuilder normalCsv = new StringBuilder("v1");
        for (int j = 2; j <= TepRuns.VARIABLES; j++) {
            normalCsv.append(",v").append(j);
        }
        normalCsv.append('\n');
        for (int i = 400; i < NORMAL; i++) {
            normalCsv.append(line(0, 0, d00[i]).substring(4)).append('\n');
        }
        return AnyDatasetRestTest.upload("tep-d00-late " + UUID.randomUUID(), normalCsv.toString()).getString("id");
    }

    /**
     * The VAE-GAN beside PCA SPE on the user's split: trained through the scoring module on the same 320 normal
     * training rows and 52 columns (a small network, 3 epochs, 2 cross-fitting blocks: seconds), calibrated by its
     * own cross-fitting for the comparison's 5 % target, judged on the same rows, registered and not active. A typo
     * in its hyperparameters is refused before anything is trained or stored.
     */
    @Test
    void theVaeGanIsTrainedOnTheSameSplitAndJudgedBesideTheBaselinesWithoutBeingActivated() {
        String id = AnyDatasetRestTest.upload("tep-400-vae " + UUID.randomUUID(), tepCsv(false, 9, 400)).getString("id");
        String normalTest = lateNormalRows();
        String comparisons = "/api/v1/baselines/datasets/" + id + "/anomaly-model-comparisons";
        Map<String, Object> body = new HashMap<>(request("pca-spe", 0.05));
        body.remove("trainer");
        body.put("monitors", List.of("vae-gan", "pca-spe"));
        body.put("normalTestDatasets", List.of(normalTest));
        body.put("vaeGanHyperparameters", Map.of("latent_size", 4));
        AnyDatasetRestTest.qa().body(body).post(comparisons).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("vaeGanHyperparameters.latent_size"));
        body.put("vaeGanHyperparameters", Map.of("falseAlarmRate", 0.01));
        AnyDatasetRestTest.qa().body(body).post(comparisons).then().statusCode(400)
                .body("errors.field", hasItem("vaeGanHyperparameters.falseAlarmRate"));
        AnyDatasetRestTest.qa().get("/api/v1/baselines/datasets/" + id + "/comparison").then().statusCode(200)
                .body("models.size()", equalTo(0));

        body.put("vaeGanHyperparameters", Map.of("epochs", 3, "hiddenSizes", List.of(16), "latentSize", 4,
                "discriminatorHidden", 8, "crossFitBlocks", 2));
        JsonPath c = AnyDatasetRestTest.qa().body(body).post(comparisons).then().statusCode(201)
                .body("monitors.monitor", equalTo(List.of("vae-gan", "pca-spe")))
                .body("training.trainRows", equalTo(320))
                .body("alarmRule.kind", equalTo("NONE"))
                .extract().jsonPath();
        String vae = "monitors[0].";
        // 100 separate normal rows at a 5 % target: 0.15 allows 4.5 binomial standard deviations (0.022 each) on top of
        // the target, since a 3-epoch network's limit is calibrated on only 320 autocorrelated rows
        double falseAlarms = c.getDouble(vae + "normalTestFalseAlarmRate");
        assertTrue(falseAlarms <= 0.15, "VAE-GAN false alarms on separate normal rows: " + falseAlarms);
        assertEquals(100, c.getInt(vae + "normalTests[0].rowsEvaluated"));
        double detection = c.getDouble(vae + "detectionRate");
        assertTrue(detection >= 0 && detection <= 1, "detection on the fault-1 rows reported: " + detection);
        assertNotNull(c.get(vae + "detectionRateAtEqualFalseAlarm"));
        assertTrue(c.getLong(vae + "trainingMillis") > 0);
        assertTrue(c.getLong("monitors[1].trainingMillis") >= 0);
        String modelId = c.getString(vae + "modelId");
        String line = c.getString(vae + "line");
        assertTrue(line.startsWith("comparison-") && c.getString("comparisonId").startsWith(line.substring(11)), line);
        JsonPath model = AnyDatasetRestTest.qa().get("/api/v1/scoring/models/" + modelId).then().statusCode(200)
                .body("active", equalTo(false)).body("line", equalTo(line))
                .body("version", equalTo(Integer.parseInt(c.getString(vae + "modelVersion"))))
                .extract().jsonPath();
        assertEquals(c.getDouble(vae + "threshold"), model.getDouble("threshold"), 1e-9);
        assertEquals(0.05, model.getDouble("metadata.hyperparameters.falseAlarmRate"), 1e-12);
        assertEquals(52, model.getList("metadata.featureStatistics.variables").size());
        // its training rows are stored as a data set that names the comparison and the source data set's fingerprint
        String data = AnyDatasetRestTest.qa().get("/api/v1/scoring/datasets/" + model.getString("datasetId")).then()
                .statusCode(200).body("rowCount", equalTo(320)).extract().path("name");
        assertTrue(data.contains(c.getString("comparisonId")) && data.contains(id)
                && data.contains(c.getString("training.datasetFingerprint")), data);
    }
}
