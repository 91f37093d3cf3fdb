package io.poka.baselines;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Baselines on the user's own data over REST: train and predict on an uploaded CSV and on a data set built from
 * stored telemetry, with the chosen target, features and split; every refusal is a 4xx with its reason and stores
 * nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AnyDatasetRestTest {
    static final String HEADER = "time,batch,x1,x2,x3,cls,flat,y";
    static final int BATCHES = 12;
    static final int PER_BATCH = 20;

    @BeforeEach
    void users() {
        BaselinesRestFlowTest.createUsers();
    }

    static RequestSpecification qa() {
        return BaselinesRestFlowTest.as(BaselinesRestFlowTest.qa);
    }

    /** 12 batches of 20 rows: y = 3 x1 + N(0, 0.5) (x2, x3 are noise), cls = (x1 > 5), flat = 1 everywhere. */
    static double[][] rows(long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[BATCHES * PER_BATCH][];
        for (int i = 0; i < rows.length; i++) {
            double x1 = random.nextDouble() * 10;
            rows[i] = new double[] {i, i / PER_BATCH + 1, x1, random.nextDouble() * 10, random.nextDouble() * 10,
                    x1 > 5 ? 1 : 0, 1, 3 * x1 + 0.5 * random.nextGaussian()};
        }
        return rows;
    }

    static String csv(double[][] rows, int limit) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < Math.min(limit, rows.length); i++) {
            double[] r = rows[i];
            csv.append(String.format(Locale.ROOT, "%.0f,%.0f,%.6f,%.6f,%.6f,%.0f,%.0f,%.6f%n", r[0], r[1], r[2], r[3], r[4],
                    r[5], r[6], r[7]));
        }
        return csv.toString();
    }

    static JsonPath upload(String name, String csv) {
        return qa().contentType("text/csv").queryParam("name", name).body(csv).post("/api/v1/scoring/datasets").then()
                .statusCode(anyOf(is(200), is(201))).extract().jsonPath();
    }

    @Test
    void anUploadedCsvTrainsARegressorWhoseGroupedSplitNeverLeaksABatchAndPredictsRawRows() {
        double[][] rows = rows(System.nanoTime());
        JsonPath dataset = upload("batches " + UUID.randomUUID(), csv(rows, rows.length));
        String id = dataset.getString("id");

        JsonPath trained = qa().body(Map.of("trainer", "random-forest", "task", "REGRESSION", "targetColumn", "y",
                "featureColumns", List.of("x1", "x2", "x3"),
                "split", Map.of("kind", "GROUPED", "groupColumn", "batch", "testShare", 0.25)))
                .post("/api/v1/baselines/datasets/" + id + "/models").then().statusCode(201)
                .body("model.dataset", equalTo(id))
                .body("model.task", equalTo("REGRESSION"))
                .body("model.dataFingerprint", equalTo(dataset.getString("fingerprint")))
                .body("features", equalTo(List.of("x1", "x2", "x3")))
                .body("training.datasetId", equalTo(id))
                .body("training.datasetFingerprint", equalTo(dataset.getString("fingerprint")))
                .body("training.targetColumn", equalTo("y"))
                .body("training.split.kind", equalTo("GROUPED"))
                .extract().jsonPath();
        // no batch on both sides: the test rows are exactly the rows of the held-out batches
        List<Float> testGroups = trained.getList("training.testGroups", Float.class);
        assertEquals(3, testGroups.size(), "round(0.25 * 12) batches held out");
        assertEquals(testGroups.size() * PER_BATCH, trained.getInt("training.testRows"));
        assertEquals((BATCHES - testGroups.size()) * PER_BATCH, trained.getInt("training.trainRows"));
        assertEquals(trained.getInt("training.testRows"), trained.getInt("metrics.testRows"));
        assertTrue(trained.getDouble("metrics.rmse") < trained.getDouble("metrics.rmseOfPredictingTrainMean") / 2,
                trained.getString("metrics.rmse"));
        // permutation importance: the planted feature first, with mean and std of the RMSE rise over the repeats
        assertEquals("x1", trained.getString("metrics.permutationImportance.features[0].feature"));
        assertTrue(trained.getDouble("metrics.permutationImportance.features[0].meanDrop") > 3
                * Math.abs(trained.getDouble("metrics.permutationImportance.features[1].meanDrop")));
        assertEquals(5, trained.getInt("metrics.permutationImportance.repeats"));
        String model = trained.getString("model.id");

        Map<String, Object> raw = new HashMap<>();
        String[] names = HEADER.split(",");
        for (int c = 0; c < names.length; c++) {
            raw.put(names[c], rows[7][c]);
        }
        Map<String, Object> high = new HashMap<>(raw);
        raw.put("x1", 2.0);
        high.put("x1", 8.0);
        List<Float> values = qa().queryParam("ignoreExtraColumns", true).body(Map.of("rows", List.of(raw, high)))
                .post("/api/v1/baselines/models/" + model + "/predictions").then().statusCode(200)
                .body("modelVersion", equalTo(trained.getString("model.modelVersion")))
                .extract().jsonPath().getList("predictions.value", Float.class);
        // y = 3 x1: a forest of 20 shallow trees on 180 rows follows the slope, if not exactly
        assertTrue(values.get(1) - values.get(0) > 6, values.toString());
        qa().body(Map.of("features", raw)).post("/api/v1/baselines/models/" + model + "/predictions").then()
                .statusCode(400).body("type", equalTo("urn:poka:problem:baselines/bad-rows"))
                .body("unknown", hasItem("rows[0].batch"));
        raw.remove("x2");
        qa().queryParam("ignoreExtraColumns", true).body(Map.of("features", raw))
                .post("/api/v1/baselines/models/" + model + "/predictions").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:poka:problem:baselines/missing-features"))
                .body("missing", equalTo(List.of("rows[0].x2")));

        qa().get("/api/v1/baselines/datasets/" + id + "/comparison").then().statusCode(200)
                .body("task", equalTo("REGRESSION"))
                .body("dataFingerprint", equalTo(dataset.getString("fingerprint")))
                .body("models.id", hasItem(model));
    }

    @Test
    void aDataSetBuiltFromTelemetryTrainsAClassifierOnATimeOrderedSplitAndExplainsARawRow() {
        String line = "anydata-" + UUID.randomUUID();
        List<String> variables = List.of("temp", "pressure", "state");
        variables.forEach(v -> Api.asAdmin().body(Map.of("line", line, "variable", v, "unit", "u"))
                .post("/api/v1/telemetry/variables").then().statusCode(201));
        Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(11);
        StringBuilder readings = new StringBuilder("[");
        int steps = 80;
        for (int step = 0; step < steps; step++) {
            double temp = 30 + random.nextDouble() * 40;
            double[] row = {temp, 1 + random.nextDouble(), temp > 50 ? 1 : 0};
            for (int v = 0; v < 3; v++) {
                readings.append(readings.length() > 1 ? "," : "").append(String.format(Locale.ROOT,
                        "{\"readingId\":\"%s-%d-%d\",\"line\":\"%s\",\"station\":\"S1\",\"variable\":\"%s\",\"value\":%s,"
                                + "\"unit\":\"u\",\"timestamp\":\"%s\"}",
                        line, step, v, line, variables.get(v), row[v], t0.plusSeconds(30L * step)));
            }
        }
        Api.asAdmin().body(readings.append("]").toString()).post("/api/v1/telemetry/readings").then().statusCode(200);
        String id = qa().body(Map.of("name", "telemetry " + line, "line", line, "variables", variables,
                "from", t0.toString(), "to", t0.plusSeconds(30L * steps).toString()))
                .post("/api/v1/scoring/datasets/from-telemetry").then().statusCode(201)
                .body("dataset.rowCount", equalTo(steps)).extract().path("dataset.id");

        // the task follows from the trainer; features default to every numeric column but the target
        JsonPath trained = qa().body(Map.of("trainer", "logistic-regression", "targetColumn", "state",
                "split", Map.of("kind", "TIME_ORDERED", "testShare", 0.25)))
                .post("/api/v1/baselines/datasets/" + id + "/models").then().statusCode(201)
                .body("model.task", equalTo("CLASSIFICATION"))
                .body("features", equalTo(List.of("temp", "pressure")))
                .body("training.testRows", equalTo(20))
                .body("training.trainRows", equalTo(60))
                .extract().jsonPath();
        assertTrue(trained.getDouble("metrics.accuracy") >= 0.8, trained.getString("metrics.accuracy"));
        assertEquals("temp", trained.getString("metrics.permutationImportance.features[0].feature"));
        assertEquals("accuracy", trained.getString("metrics.permutationImportance.metric"));

        qa().queryParam("explain", true).queryParam("ignoreExtraColumns", true)
                .body(Map.of("features", Map.of("temp", 68.0, "pressure", 1.5, "state", 1, "operator", 4)))
                .post("/api/v1/baselines/models/" + trained.getString("model.id") + "/predictions").then()
                .statusCode(200)
                .body("predictions[0].label", equalTo("1"))
                .body("predictions[0].explanation.label", equalTo("1"));
    }

    @Test
    void everyRefusalIsA4xxWithItsReasonAndStoresNothing() {
        double[][] rows = rows(System.nanoTime());
        String id = upload("refusals " + UUID.randomUUID(), csv(rows, rows.length)).getString("id");
        String models = "/api/v1/baselines/datasets/" + id + "/models";
        refused(models, Map.of("trainer", "random-forest", "task", "REGRESSION", "targetColumn", "yield"),
                "unknown-column").body("unknown", equalTo(List.of("yield")));
        refused(models, Map.of("trainer", "random-forest", "task", "REGRESSION", "targetColumn", "y",
                "split", Map.of("kind", "GROUPED", "groupColumn", "unit")), "unknown-column");
        refused(models, Map.of("trainer", "random-forest", "task", "CLASSIFICATION", "targetColumn", "flat"),
                "too-few-classes");
        refused(models, Map.of("trainer", "xgboost", "task", "CLASSIFICATION", "targetColumn", "y"), "too-many-classes")
                .body("limit", equalTo(50));
        refused("/api/v1/baselines/datasets/steel-plates/models", Map.of("trainer", "random-forest", "task", "REGRESSION",
                "targetColumn", "fault"), "non-numeric-target");
        String few = upload("few " + UUID.randomUUID(), csv(rows(System.nanoTime()), 12)).getString("id");
        refused("/api/v1/baselines/datasets/" + few + "/models", Map.of("trainer", "linear-sgd", "targetColumn", "y"),
                "too-few-rows").body("minimum", equalTo(20)).body("rows", equalTo(12));
        String holes = csv(rows(System.nanoTime()), 40).replaceFirst("\n(\\d+,\\d+,[^,]+,[^,]+,[^,]+,\\d,\\d,)[^\n]+\n",
                "\n$1NA\n");
        String missing = upload("holes " + UUID.randomUUID(), holes).getString("id");
        refused("/api/v1/baselines/datasets/" + missing + "/models", Map.of("trainer", "linear-sgd", "targetColumn", "y"),
                "missing-target-values").body("rows", equalTo(List.of(1)));
        // a request that is incomplete rather than unlearnable is a 400; an unknown data set a 404
        qa().body(Map.of("trainer", "random-forest", "targetColumn", "y")).post(models).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("task"));
        qa().body(Map.of("trainer", "random-forest", "task", "REGRESSION")).post(models).then().statusCode(400)
                .body("errors[0].field", equalTo("targetColumn"));
        qa().body(Map.of("trainer", "linear-sgd", "targetColumn", "y"))
                .post("/api/v1/baselines/datasets/" + UUID.randomUUID() + "/models").then().statusCode(404)
                .contentType("application/problem+json");

        for (String dataset : List.of(id, few, missing)) {
            qa().get("/api/v1/baselines/datasets/" + dataset + "/comparison").then().statusCode(200)
                    .body("models.size()", equalTo(0));
        }
    }

    static io.restassured.response.ValidatableResponse refused(String path, Map<String, Object> body, String reason) {
        return qa().body(body).post(path).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:poka:problem:baselines/" + reason))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
    }
}
