package io.poka.prognostics;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.prognostics.internal.model.Fd001;
import io.poka.prognostics.internal.model.UnitHistory;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RUL on a plant's own run-to-failure data over REST: a data set uploaded as CSV (FD001 engines relabelled as pumps,
 * time in hours at two per cycle) trains a model validated by unit, which predicts each running unit of another
 * upload with an interval; unusable data is refused with the reason and queues nothing; a promoted model serves.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PlantRulRestTest {
    /** Four of FD001's degrading sensors (2, 4, 11, 15 in C-MAPSS numbering) as the plant's feature columns. */
    private static final int[] SENSORS = {0, 2, 6, 10};
    private static final List<String> FEATURES = List.of("temp_in", "temp_out", "pressure", "ratio");

    /** CSV of FD001 engines as pumps: pump, hour (2 per cycle), four sensors, plus any extra column. */
    static String csv(List<Integer> engines, int keepCycles, String extraHeader, ExtraCell extra) {
        StringBuilder csv = new StringBuilder("pump,hour,temp_in,temp_out,pressure,ratio" + extraHeader + "\n");
        for (int e : engines) {
            UnitHistory u = Fd001.load().units().get(e - 1);
            int n = Math.min(keepCycles, u.cycles());
            for (int i = 0; i < n; i++) {
                double[] r = u.rows()[i];
                csv.append(String.format(Locale.ROOT, "%d,%d,%.4f,%.4f,%.4f,%.4f", e, 2 * (i + 1), r[SENSORS[0]],
                        r[SENSORS[1]], r[SENSORS[2]], r[SENSORS[3]])).append(extra.cell(e, i, u.cycles())).append('\n');
            }
        }
        return csv.toString();
    }

    interface ExtraCell {
        String cell(int engine, int row, int cycles);
    }

    static String upload(String csv) {
        return Api.asAdmin().contentType("text/csv").queryParam("name", "pumps " + UUID.randomUUID()).body(csv)
                .post("/api/v1/scoring/datasets").then().statusCode(anyOf(is(200), is(201))).extract().path("id");
    }

    static Map<String, Object> request(String datasetId) {
        Map<String, Object> b = new HashMap<>();
        b.put("model", "linear");
        b.put("folds", 2);
        b.put("datasetId", datasetId);
        b.put("unitColumn", "pump");
        b.put("cycleColumn", "hour");
        b.put("featureColumns", FEATURES);
        b.put("window", 20);
        b.put("cap", 250);
        return b;
    }

    @Test
    void anUploadedRunToFailureDataSetTrainsAModelByUnitThatPredictsEachRunningUnitWithAnInterval() {
        String train = upload(csv(List.of(1, 2, 3, 4, 5, 6, 7, 8), Integer.MAX_VALUE, "", (e, i, n) -> ""));
        String job = Api.asAdmin().body(request(train)).post("/api/v1/prognostics/training-jobs").then()
                .statusCode(202).body("units", equalTo(8)).extract().path("id");
        String modelId = RulFixtures.awaitModel(job);
        JsonPath m = Api.asAdmin().get("/api/v1/prognostics/models/" + modelId).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(FEATURES, m.getList("sensors"));
        assertEquals(8, m.getInt("units"));
        assertEquals(20, m.getInt("window"));
        assertEquals(250, m.getInt("cap"));
        assertEquals(train, m.getString("source.datasetId"));
        assertEquals("pump", m.getString("source.unitColumn"));
        assertEquals("test-like", m.getString("validation.cutRule"));
        assertEquals(2, m.getList("validation.rmseByFold").size());
        double coverage = m.getDouble("validation.intervalCoverage");
        assertTrue(coverage > 0 && coverage <= 1, "coverage " + coverage);
        assertTrue(m.getString("validation.intervalMethod").startsWith("split-conformal by unit"));

        // engines 9 and 10 still running after 100 cycles (200 h): 9 ran 201 cycles, 10 ran 222 (RUL 202 h, 244 h)
        String running = upload(csv(List.of(9, 10), 100, "", (e, i, n) -> ""));
        JsonPath p = Api.asAdmin().body(Map.of("datasetId", running))
                .post("/api/v1/prognostics/models/" + modelId + "/predictions").then().statusCode(200)
                .body("modelId", equalTo(modelId)).extract().jsonPath();
        assertEquals(List.of("9", "10"), p.getList("units.unit"));
        for (int i = 0; i < 2; i++) {
            double rul = p.getDouble("units[" + i + "].rul");
            assertEquals(100, p.getInt("units[" + i + "].cycles"));
            assertTrue(p.getDouble("units[" + i + "].lower") <= rul && rul <= p.getDouble("units[" + i + "].upper"),
                    p.prettify());
            assertTrue(rul > 60 && rul <= 250, "a pump at half its life has a long RUL: " + rul);
        }

        // a model without a reason is not promoted; with one it serves, recording who and why
        Api.asAdmin().body(Map.of()).post("/api/v1/prognostics/models/" + modelId + "/promotion").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        Api.asAdmin().body(Map.of("reason", "our own pumps")).post("/api/v1/prognostics/models/" + modelId
                + "/promotion").then().statusCode(200).body("served", equalTo(true))
                .body("promotedBy", equalTo("admin")).body("promotionReason", equalTo("our own pumps"));
        Api.asAdmin().get("/api/v1/prognostics/served-model").then().statusCode(200).body("id", equalTo(modelId));
        Api.asAdmin().delete("/api/v1/prognostics/models/" + modelId + "/promotion").then().statusCode(204);
        JsonPath after = Api.asAdmin().get("/api/v1/prognostics/models/" + modelId).then().statusCode(200).extract()
                .jsonPath();
        assertNull(after.get("promotedAt"));
    }

    @Test
    void telemetryLinesRunToFailureTrainAModelWhoseSensorsTheLinesCarry() {
        // six lines, each an FD001 engine's first 40 cycles taken as a whole run (its last cycle = failure)
        List<String> lines = new java.util.ArrayList<>();
        for (int e = 21; e <= 26; e++) {
            lines.add(RulFixtures.engineOnTelemetry(e, 40));
        }
        Map<String, Object> b = new HashMap<>();
        b.put("model", "linear");
        b.put("folds", 2);
        b.put("lines", lines);
        b.put("featureColumns", Fd001.SENSORS);
        b.put("window", 10);
        b.put("cap", 40);
        String job = Api.asAdmin().body(b).post("/api/v1/prognostics/training-jobs").then().statusCode(202)
                .body("units", equalTo(6)).extract().path("id");
        JsonPath m = Api.asAdmin().get("/api/v1/prognostics/models/" + RulFixtures.awaitModel(job)).then()
                .statusCode(200).extract().jsonPath();
        assertTrue(m.getString("modelVersion").startsWith("telemetry@v"), m.getString("modelVersion"));
        assertEquals(lines, m.getList("source.lines"));
        assertEquals(40, m.getInt("cap"));
        // a line that does not exist is a 404, before anything is queued
        b.put("lines", List.of(lines.get(0), "no-such-line-" + UUID.randomUUID()));
        Api.asAdmin().body(b).post("/api/v1/prognostics/training-jobs").then().statusCode(404);
    }

    @Test
    void unusablePlantDataIsRefusedWithItsReasonAndQueuesNothing() {
        int before = Api.asAdmin().get("/api/v1/prognostics/training-jobs").then().statusCode(200).extract()
                .jsonPath().getList("$").size();
        List<Integer> eight = List.of(11, 12, 13, 14, 15, 16, 17, 18);
        String good = upload(csv(eight, 60, "", (e, i, n) -> ""));

        Map<String, Object> unknown = request(good);
        unknown.put("featureColumns", List.of("temp_in", "vibration"));
        refused(unknown, "unknown-column").body("unknown", equalTo(List.of("vibration")));

        refused(request(upload(csv(List.of(11, 12, 13, 14, 15), 60, "", (e, i, n) -> ""))), "too-few-units")
                .body("units", equalTo(5));

        // pump 13 has no failure time; the others failed at their last hour
        Map<String, Object> failure = request(upload(csv(eight, 60, ",failed_at", (e, i, n) -> e == 13 ? ",NA"
                : "," + 2 * Math.min(60, n))));
        failure.put("failureColumn", "failed_at");
        refused(failure, "unit-without-failure").body("units", equalTo(List.of("13")));

        // an empty sensor cell (NA) in one row
        String withHole = csv(eight, 60, "", (e, i, n) -> "").replaceFirst("\n(12,36,[^,]*),[^,]*,", "\n$1,NA,");
        assertTrue(withHole.contains("12,36,") && withHole.contains(",NA,"));
        refused(request(upload(withHole)), "non-numeric-column").body("columns", equalTo(List.of("temp_out")));

        Map<String, Object> both = request(good);
        both.put("lines", List.of("line-1"));
        Api.asAdmin().body(both).post("/api/v1/prognostics/training-jobs").then().statusCode(400)
                .body("errors.field", hasItems("datasetId"));
        assertEquals(before, Api.asAdmin().get("/api/v1/prognostics/training-jobs").then().extract().jsonPath()
                .getList("$").size());
    }

    private static io.restassured.response.ValidatableResponse refused(Map<String, Object> body, String reason) {
        return Api.asAdmin().body(body).post("/api/v1/prognostics/training-jobs").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:poka:problem:prognostics/" + reason));
    }
}
