package io.poka.baselines;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.baselines.internal.data.BuiltInDatasets;
import io.poka.baselines.internal.data.TabularData;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The baselines REST contract: train and evaluate, compare, predict with the model version, reject bad rows, roles. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class BaselinesRestFlowTest {
    static final String PASSWORD = "baselines-password-1";
    static String qa;
    static String auditor;

    @BeforeEach
    void users() {
        createUsers();
    }

    static synchronized void createUsers() {
        if (qa != null) {
            return;
        }
        qa = user("qa-manager");
        auditor = user("auditor");
    }

    static String user(String role) {
        String name = "bl-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", name, "displayName", name, "password", PASSWORD, "roles", List.of(role)));
        return name;
    }

    static RequestSpecification as(String user) {
        return Api.as(user, PASSWORD);
    }

    static Map<String, Object> steelRow(int row) {
        return row(BuiltInDatasets.get(BuiltInDatasets.STEEL_PLATES), row);
    }

    static Map<String, Object> cmapssRow(int row) {
        return row(BuiltInDatasets.get(BuiltInDatasets.CMAPSS_FD001), row);
    }

    static Map<String, Object> row(TabularData d, int row) {
        Map<String, Object> features = new HashMap<>();
        for (int i = 0; i < d.features().size(); i++) {
            features.put(d.features().get(i), d.x()[row][i]);
        }
        return features;
    }

    @Test
    void aTrainedSteelClassifierIsStoredComparedAndPredictsWithItsVersion() throws Exception {
        JsonPath trained = as(qa).body(Map.of("trainer", "logistic-regression"))
                .post("/api/v1/baselines/datasets/steel-plates/models").then().statusCode(201)
                .body("model.trainer", equalTo("logistic-regression"))
                .body("model.modelVersion", containsString("steel-plates@v"))
                .body("metrics.balancedAccuracy", greaterThan(0.5f)) // chance: 1/7
                .body("provenance", containsString("LinearSGDTrainer"))
                .body("metrics.topFeatures.Bumps.size()", equalTo(10))
                .body("model.dataFingerprint", equalTo(BuiltInDatasets.get("steel-plates").fingerprint()))
                .extract().jsonPath();
        String id = trained.getString("model.id");
        String version = trained.getString("model.modelVersion");

        as(auditor).get("/api/v1/baselines/datasets/steel-plates/comparison").then().statusCode(200)
                .body("task", equalTo("CLASSIFICATION"))
                .body("models.id", hasItem(id))
                .body("models.find { it.id == '" + id + "' }.rowsPerSecond", greaterThan(0f));

        as(qa).body(Map.of("features", steelRow(0))).post("/api/v1/baselines/models/" + id + "/predictions").then()
                .statusCode(200).body("modelVersion", equalTo(version)).body("modelId", equalTo(id))
                .body("predictions[0].label", org.hamcrest.Matchers.notNullValue())
                .body("predictions[0].scores.size()", equalTo(7));
        // explain=true: each prediction carries LIME contributions for its own predicted label, on model features
        JsonPath explained = as(qa).queryParam("explain", true).body(Map.of("rows", List.of(steelRow(0), steelRow(1))))
                .post("/api/v1/baselines/models/" + id + "/predictions").then().statusCode(200).extract().jsonPath();
        for (int r = 0; r < 2; r++) {
            String p = "predictions[" + r + "].";
            assertEquals(explained.getString(p + "label"), explained.getString(p + "explanation.label"));
            List<String> used = explained.getList(p + "explanation.contributions.feature");
            assertTrue(!used.isEmpty() && used.size() <= 8, used.toString());
            assertTrue(BuiltInDatasets.get("steel-plates").features().containsAll(used), used.toString());
        }
        assertTrue(trained.getDouble("metrics.rocAucMacroOneVsRest") > 0.8, "one-vs-rest AUC "
                + trained.getDouble("metrics.rocAucMacroOneVsRest"));
        assertEquals(7, trained.getMap("metrics.perClass").size());
        for (Object c : trained.getMap("metrics.perClass").keySet()) {
            assertTrue(trained.getDouble("metrics.perClass." + c + ".rocAuc") > 0.5, c + " AUC above chance");
        }
        as(qa).body(Map.of("rows", List.of(steelRow(0), steelRow(1), steelRow(2))))
                .post("/api/v1/baselines/models/" + id + "/predictions").then().statusCode(200)
                .body("predictions.size()", equalTo(3)).body("modelVersion", equalTo(version));

        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(
                        "select length(model_bytes), provenance from baselines.model where id = ?::uuid")) {
            s.setString(1, id);
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) > 1000, "the serialized model is stored");
            assertTrue(rs.getString(2).contains("seed"));
        }
        // a copy of the row under a new id is not in the service's cache: predicting with it reads the stored bytes,
        // as after a restart
        String copy = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("insert into baselines.model select ?::uuid, dataset, "
                        + "version + 100000, task, trainer, provenance, metrics, feature_names, data_fingerprint, "
                        + "training_ms, rows_per_second, model_bytes, model_sha256, created_at, created_by "
                        + "from baselines.model where id = ?::uuid")) {
            s.setString(1, copy);
            s.setString(2, id);
            assertEquals(1, s.executeUpdate());
        }
        Object before = as(qa).body(Map.of("features", steelRow(5))).post("/api/v1/baselines/models/" + id
                + "/predictions").then().statusCode(200).extract().path("predictions[0]");
        as(qa).body(Map.of("features", steelRow(5))).post("/api/v1/baselines/models/" + copy + "/predictions").then()
                .statusCode(200).body("predictions[0]", equalTo(before))
                .body("modelVersion", containsString("@v1000"));

        io.poka.testing.AuditJournal.awaitChained();
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("select action, user_id, after_state->>'modelVersion' from "
                        + "audit.entry where entity_type = 'BaselineModel' and entity_id = ?")) {
            s.setString(1, id);
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next(), "storing the model is in the audit trail");
            assertEquals("CREATED", rs.getString(1));
            assertEquals(qa, rs.getString(2));
            assertEquals(version, rs.getString(3));
        }
    }

    @Test
    void aRulRegressorOnUnseenEnginesBeatsTheMeanAndPredictsANumber() {
        JsonPath trained = as(qa).body(Map.of("trainer", "linear-sgd"))
                .post("/api/v1/baselines/datasets/cmapss-fd001/models").then().statusCode(201)
                .body("model.task", equalTo("REGRESSION")).extract().jsonPath();
        float rmse = trained.getFloat("metrics.rmse");
        float meanRmse = trained.getFloat("metrics.rmseOfPredictingTrainMean");
        assertTrue(rmse < 0.85 * meanRmse, rmse + " vs " + meanRmse);
        assertEquals(20, trained.getList("metrics.testGroups").size());
        Map<String, Object> row = cmapssRow(0);
        as(qa).body(Map.of("features", row)).post("/api/v1/baselines/models/" + trained.getString("model.id")
                + "/predictions").then().statusCode(200)
                .body("modelVersion", equalTo(trained.getString("model.modelVersion")))
                .body("predictions[0].value", greaterThan(0f)).body("predictions[0].value", lessThan(200f));
        as(qa).queryParam("explain", true).body(Map.of("features", row)).post("/api/v1/baselines/models/"
                + trained.getString("model.id") + "/predictions").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void xgboostTrainsThroughTheApplicationWithItsNativeLibraryAndPredicts() {
        JsonPath trained = as(qa).body(Map.of("trainer", "xgboost"))
                .post("/api/v1/baselines/datasets/cmapss-fd001/models").then().statusCode(201)
                .body("model.trainer", equalTo("xgboost"))
                .body("provenance", containsString("XGBoostRegressionTrainer")).extract().jsonPath();
        assertTrue(trained.getFloat("metrics.rmse") < 0.6 * trained.getFloat("metrics.rmseOfPredictingTrainMean"));
        Map<String, Object> row = cmapssRow(0);
        as(qa).body(Map.of("features", row)).post("/api/v1/baselines/models/" + trained.getString("model.id")
                + "/predictions").then().statusCode(200)
                .body("modelVersion", equalTo(trained.getString("model.modelVersion")))
                .body("predictions[0].value", greaterThan(0f));
    }

    @Test
    void wrongColumnsAndNonNumericValuesAreProblemsAndRolesAreEnforced() {
        String id = as(qa).body(Map.of("trainer", "logistic-regression"))
                .post("/api/v1/baselines/datasets/steel-plates/models").then().statusCode(201)
                .extract().path("model.id");
        Map<String, Object> bad = steelRow(0);
        bad.remove("Pixels_Areas");
        bad.put("Colour", 3);
        bad.put("X_Minimum", "forty-two");
        as(qa).body(Map.of("features", bad)).post("/api/v1/baselines/models/" + id + "/predictions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:poka:problem:baselines/bad-rows"))
                .body("missing", hasItem("rows[0].Pixels_Areas"))
                .body("unknown", hasItem("rows[0].Colour"))
                .body("nonNumeric", hasItem("rows[0].X_Minimum"));
        as(qa).body(Map.of("trainer", "deep-magic")).post("/api/v1/baselines/datasets/steel-plates/models").then()
                .statusCode(400).contentType("application/problem+json");
        as(qa).body(Map.of("trainer", "random-forest")).post("/api/v1/baselines/datasets/no-such-data/models").then()
                .statusCode(404).contentType("application/problem+json");

        as(auditor).body(Map.of("trainer", "logistic-regression"))
                .post("/api/v1/baselines/datasets/steel-plates/models").then().statusCode(403);
        as(auditor).body(Map.of("features", steelRow(0))).post("/api/v1/baselines/models/" + id + "/predictions")
                .then().statusCode(403);
        as(auditor).get("/api/v1/baselines/models/" + id).then().statusCode(200)
                .body("metrics.confusionMatrix.size()", equalTo(7));
    }
}
