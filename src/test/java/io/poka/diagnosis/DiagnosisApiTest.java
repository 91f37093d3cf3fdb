package io.poka.diagnosis;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.diagnosis.internal.model.TepFaultRuns;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Diagnosis over REST on a real PostgreSQL and Kafka: the built-in TEP model trained by one request (a cheap cut:
 * normal and faults 1, 2, 6, 9, few windows), registered with provenance and its own cross-validated figures; windows diagnosed from sent rows and from an
 * incident's stored readings; the unknown verdict; refusals; similar past incidents ranked by signature with the cause
 * recorded at resolution.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
public class DiagnosisApiTest {
    static final List<String> VARIABLES = TepFaultRuns.variables();
    static String modelId;

    /** The cheap model, trained once by the first test that needs it. */
    static synchronized String model() throws InterruptedException {
        if (modelId == null) {
            modelId = trainCheapTepModel();
        }
        return modelId;
    }

    /** Trains normal + faults 1, 2, 6, 9 with few windows and waits for the job; returns the model id. */
    public static String trainCheapTepModel() throws InterruptedException {
        long started = System.nanoTime();
        JsonPath job = Api.asAdmin().body(Map.of("window", 20, "stride", 10, "epochs", 60, "faults", List.of(1, 2, 6, 9)))
                .post("/api/v1/diagnosis/datasets/tep/training-jobs").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/diagnosis/training-jobs/"))
                .extract().jsonPath();
        String id = job.getString("id");
        for (int i = 0; i < 1200; i++) {
            JsonPath now = Api.asAdmin().get("/api/v1/diagnosis/training-jobs/" + id).then().statusCode(200).extract()
                    .jsonPath();
            if ("SUCCEEDED".equals(now.getString("status"))) {
                System.out.printf("cheap TEP model: training job done in %d ms%n", (System.nanoTime() - started) / 1_000_000);
                return now.getString("modelId");
            }
            assertFalse("FAILED".equals(now.getString("status")), now.prettify());
            Thread.sleep(100);
        }
        throw new AssertionError("training job " + id + " did not finish in 120 s");
    }

    @Test
    void theTrainedModelIsRegisteredWithItsSettingsDataFingerprintAndCrossValidatedAccuracy() throws InterruptedException {
        String modelId = model();
        JsonPath m = Api.asAdmin().get("/api/v1/diagnosis/models/" + modelId).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("normal", "fault-01", "fault-02", "fault-06", "fault-09"), m.getList("labels"));
        assertEquals(VARIABLES, m.getList("variables"));
        assertEquals(64, m.getString("dataFingerprint").length());
        assertEquals(64, m.getString("parametersSha256").length());
        assertEquals(20, m.getInt("settings.window"));
        assertEquals(List.of(1, 2, 6, 9), m.getList("settings.faults"));
        assertEquals("blocked-cross-validation", m.getString("evaluationMethod"));
        assertEquals(5, m.getList("evaluation").size());
        // every run cut into 5 blocks of 96 (100 for normal) rows, windows of 20 every 4 rows: 20 per block (21 normal)
        assertEquals(100, m.getInt("evaluation.find { it.label == 'fault-02' }.windows"), m.prettify());
        assertTrue(m.getDouble("evaluation.find { it.label == 'fault-02' }.accuracy") >= 0.7, m.prettify());
        assertEquals(5, m.getInt("crossValidation.folds"));
        assertEquals(20, m.getInt("crossValidation.gap"));
        assertEquals(105, m.getInt("crossValidation.classes.find { it.label == 'normal' }.windows"));
        assertEquals(m.getDouble("crossValidation.classes.find { it.label == 'fault-09' }.topOneRight") / 100,
                m.getDouble("crossValidation.hardFaultAccuracy"), 1e-9);
        assertEquals(List.of("fault-09"), m.getList("crossValidation.hardFaults"));
        assertTrue(m.getDouble("crossValidation.knownCalledUnknown") <= 0.3, m.prettify());
        assertTrue(m.getDouble("crossValidation.leftOutCalledUnknown") >= 0 && m.getInt("crossValidation.leftOutWindows")
                == 4 * 20, m.prettify());
        assertTrue(m.getList("crossValidation.indistinguishableFromNormal.label").contains("fault-09"), m.prettify());
        Api.asAdmin().get("/api/v1/diagnosis/models").then().statusCode(200).body("id", hasItem(modelId));
    }

    @Test
    void aWindowOfFault2NamesFault2WithProbabilitiesMostProbableFirst() throws InterruptedException {
        String modelId = model();
        double[][] run = TepFaultRuns.run(2);
        JsonPath d = Api.asAdmin().body(Map.of("modelId", modelId, "variables", VARIABLES,
                "rows", Arrays.asList(Arrays.copyOfRange(run, run.length - 25, run.length))))
                .post("/api/v1/diagnosis/diagnoses").then().statusCode(200).extract().jsonPath();
        assertEquals("fault-02", d.getString("verdict"));
        assertFalse(d.getBoolean("unknown"));
        assertEquals("fault-02", d.getString("likely[0].label"));
        assertTrue(d.getDouble("likely[0].probability") > d.getDouble("likely[1].probability"));
        assertEquals(modelId, d.getString("modelId"));
        assertTrue(d.getDouble("distance") <= d.getDouble("radius"));
    }

    @Test
    void aWindowOfFault9SaysItCannotBeToldApartFromNormal() throws InterruptedException {
        String modelId = model();
        double[][] run = TepFaultRuns.run(9);
        JsonPath d = Api.asAdmin().body(Map.of("modelId", modelId, "variables", VARIABLES,
                "rows", Arrays.asList(Arrays.copyOfRange(run, 200, 220))))
                .post("/api/v1/diagnosis/diagnoses").then().statusCode(200).extract().jsonPath();
        String best = d.getString("likely[0].label");
        assertTrue(List.of("normal", "fault-09").contains(best), d.prettify());
        assertTrue(d.getBoolean("indistinguishableFromNormal"), d.prettify());
        assertTrue(d.getString("indistinguishableReason").contains("look alike"), d.prettify());

        double[][] fault2 = TepFaultRuns.run(2);
        JsonPath clear = Api.asAdmin().body(Map.of("modelId", modelId, "variables", VARIABLES,
                "rows", Arrays.asList(Arrays.copyOfRange(fault2, fault2.length - 20, fault2.length))))
                .post("/api/v1/diagnosis/diagnoses").then().statusCode(200).extract().jsonPath();
        assertFalse(clear.getBoolean("indistinguishableFromNormal"), clear.prettify());
        assertEquals(null, clear.getString("indistinguishableReason"));
    }

    @Test
    void aWindowFarFromEveryKnownClassIsCalledUnknown() throws InterruptedException {
        model();
        double[][] run = TepFaultRuns.run(0);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double[] r = run[100 + i].clone();
            r[8] += 5 * i; // reactor temperature XMEAS(9) ramping far beyond anything trained
            r[50] -= 3 * i; // and its cooling water valve XMV(10) closing
            rows.add(r);
        }
        JsonPath d = Api.asAdmin().body(Map.of("variables", VARIABLES, "rows", rows))
                .post("/api/v1/diagnosis/diagnoses").then().statusCode(200).extract().jsonPath();
        assertEquals("unknown", d.getString("verdict"), d.prettify());
        assertTrue(d.getBoolean("unknown"));
        assertTrue(d.getDouble("distance") > d.getDouble("radius"));
    }

    @Test
    void refusalsAreProblemsAndNameTheReason() throws InterruptedException {
        model();
        Api.asAdmin().body(Map.of("variables", List.of("xmeas-01"), "rows", List.of(new double[] {1.0})))
                .post("/api/v1/diagnosis/diagnoses").then().statusCode(400).contentType("application/problem+json")
                .body("errors.message", hasItem("missing model variable xmeas-02"))
                .body("errors.field", hasItem("rows"));
        Api.asAdmin().body(Map.of()).post("/api/v1/diagnosis/datasets/nope/training-jobs").then().statusCode(404)
                .contentType("application/problem+json");
        Api.asAdmin().body(Map.of("window", 2, "faults", List.of(0, 22)))
                .post("/api/v1/diagnosis/datasets/tep/training-jobs").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("window", "faults"));
        Api.asAdmin().get("/api/v1/diagnosis/incidents/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anIncidentIsDiagnosedFromItsLinesStoredReadings() throws InterruptedException {
        model();
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String line = lineWithFault2Readings(start);
        String incident = incidentOn(line, "temp", start.plusSeconds(30));
        JsonPath d = Api.asAdmin().get("/api/v1/diagnosis/incidents/" + incident).then().statusCode(200).extract()
                .jsonPath();
        assertEquals("fault-02", d.getString("verdict"), d.prettify());
        assertEquals(line, d.getString("line"));
        assertEquals(start.toString(), d.getString("windowFrom"));
        assertEquals(start.plusSeconds(19).toString(), d.getString("windowTo"));

        String bare = incidentOn(TelemetryFixtures.newLine(), "temp", start);
        Api.asAdmin().get("/api/v1/diagnosis/incidents/" + bare).then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("diagnosis/not-enough-readings"));
    }

    @Test
    void similarPastIncidentsRankBySignatureAndCarryTheirRecordedCause() {
        Instant t = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String same = incidentOn(TelemetryFixtures.newLine(), "coolant-temp", t);
        Api.asAdmin().body(Map.of("cause", "coolant valve stuck half open")).post("/api/v1/incidents/" + same + "/resolve")
                .then().statusCode(200);
        String other = incidentOn(TelemetryFixtures.newLine(), "feed-pressure", t.plusSeconds(60));
        String subject = incidentOn(TelemetryFixtures.newLine(), "coolant-temp", t.plus(1, ChronoUnit.HOURS));
        JsonPath similar = Api.asAdmin().queryParam("limit", 50).get("/api/v1/diagnosis/incidents/" + subject
                + "/similar-events").then().statusCode(200).extract().jsonPath();
        List<String> ids = similar.getList("incidentId");
        assertTrue(ids.contains(same), similar.prettify());
        assertFalse(ids.contains(other), "no shared variable, below the minimum similarity: " + similar.prettify());
        assertFalse(ids.contains(subject), "an incident is not similar to itself");
        Map<String, Object> match = similar.getMap("find { it.incidentId == '" + same + "' }");
        assertEquals(1.0, ((Number) match.get("similarity")).doubleValue(), 1e-9);
        assertEquals("coolant valve stuck half open", match.get("cause"));
        assertEquals(List.of("coolant-temp"), match.get("sharedVariables"));
        List<Double> scores = similar.getList("similarity", Double.class);
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), "most similar first: " + scores);
        }
    }

    @Test
    void aRepeatOfAnEarlierFaultsIncidentFindsThatIncidentFirstWithItsCauseNcrAndCapa() {
        Instant t = Instant.now().minus(9, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        // The first episode: fault 4's signature (reactor cooling water: XMV(10) moves most, reactor temperature
        // XMEAS(9) with it), resolved with its cause, an NCR opened from it and a CAPA on that NCR.
        Map<String, List<Double>> fault4 = Map.of("xmv-10", List.of(5.0, 6.0, 7.0, 8.0, 9.0, 9.5),
                "xmeas-09", List.of(5.0, 6.0));
        String earlier = incidentWith(TelemetryFixtures.newLine(), fault4, t);
        Api.asAdmin().body(Map.of("cause", "reactor cooling water inlet temperature step (IDV 4)"))
                .post("/api/v1/incidents/" + earlier + "/resolve").then().statusCode(200);
        String ncr = Api.asAdmin().body(Map.of("source", "INCIDENT", "incidentId", earlier, "defectCode", "SURF-SCRATCH",
                "title", "reactor cooling upset")).post("/api/v1/ncrs").then().statusCode(201).extract().path("id");
        String capa = Api.asAdmin().body(Map.of("kind", "CORRECTIVE", "title", "Alarm on cooling water inlet temperature",
                "ncrId", ncr, "owner", "admin", "dueAt", Instant.now().plus(30, ChronoUnit.DAYS).toString()))
                .post("/api/v1/capas").then().statusCode(201).extract().path("id");
        // Decoys: the same two variables weighted the other way round (same variable set, other contribution
        // signature), and a disjoint episode (feed A loss: XMEAS(1), XMV(3)).
        String reversed = incidentWith(TelemetryFixtures.newLine(), Map.of("xmv-10", List.of(5.0, 6.0),
                "xmeas-09", List.of(5.0, 6.0, 7.0, 8.0, 9.0, 9.5)), t.plus(1, ChronoUnit.HOURS));
        String disjoint = incidentWith(TelemetryFixtures.newLine(), Map.of("xmeas-01", List.of(5.0, 6.0, 7.0),
                "xmv-03", List.of(5.0, 6.0, 7.0)), t.plus(2, ChronoUnit.HOURS));

        String repeat = incidentWith(TelemetryFixtures.newLine(), fault4, t.plus(4, ChronoUnit.HOURS));
        JsonPath similar = Api.asAdmin().queryParam("limit", 50).get("/api/v1/diagnosis/incidents/" + repeat
                + "/similar-events").then().statusCode(200).extract().jsonPath();
        List<String> ids = similar.getList("incidentId");
        assertEquals(earlier, ids.get(0), "the earlier episode of the same fault first: " + similar.prettify());
        assertTrue(ids.indexOf(reversed) > 0, "same variables, other weights: suggested below: " + similar.prettify());
        assertFalse(ids.contains(disjoint), similar.prettify());
        assertEquals(List.of("xmeas-09", "xmv-10"), similar.getList("[0].sharedVariables"));
        assertEquals(1.0, similar.getDouble("[0].jaccard"), 1e-9);
        assertTrue(similar.getDouble("[0].similarity") > similar.getDouble("find { it.incidentId == '" + reversed
                + "' }.similarity"), similar.prettify());
        assertEquals("reactor cooling water inlet temperature step (IDV 4)", similar.getString("[0].cause"));
        assertEquals(ncr, similar.getString("[0].actions[0].ncrId"), similar.prettify());
        assertEquals(capa, similar.getString("[0].actions[0].capaId"), similar.prettify());
        assertEquals("Alarm on cooling water inlet temperature", similar.getString("[0].actions[0].capaTitle"));
    }

    /**
     * An incident on {@code line} from rule firings of several variables in one batch (entered limits 0 +- 1; each
     * variable's values one second apart from {@code at}), so the variables fire in proportion to their values' count.
     */
    static String incidentWith(String line, Map<String, List<Double>> values, Instant at) {
        StringBuilder body = new StringBuilder("[");
        values.forEach((variable, list) -> {
            TelemetryFixtures.defineVariable(line, variable, "u", "");
            TelemetryFixtures.enterLimits(line, variable, 0.0, 1.0);
            for (int i = 0; i < list.size(); i++) {
                body.append(body.length() == 1 ? "" : ",").append(TelemetryFixtures.reading(
                        java.util.UUID.randomUUID().toString(), line, variable, "u", list.get(i), at.plusSeconds(i)));
            }
        });
        Api.asAdmin().body(body.append(']').toString()).post("/api/v1/telemetry/readings").then().statusCode(200);
        return Api.asAdmin().queryParam("line", line).get("/api/v1/incidents").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1)).extract().path("items[0].id");
    }

    /** A new line whose 52 TEP variables hold the last 20 rows of fault 2's run, one row per second from start. */
    public static String lineWithFault2Readings(Instant start) {
        String line = TelemetryFixtures.newLine();
        double[][] run = TepFaultRuns.run(2);
        StringBuilder body = new StringBuilder("[");
        for (int j = 0; j < VARIABLES.size(); j++) {
            TelemetryFixtures.defineVariable(line, VARIABLES.get(j), "u", "");
            for (int i = 0; i < 20; i++) {
                body.append(body.length() == 1 ? "" : ",").append(TelemetryFixtures.reading(
                        java.util.UUID.randomUUID().toString(), line, VARIABLES.get(j), "u", run[run.length - 20 + i][j],
                        start.plusSeconds(i)));
            }
        }
        Api.asAdmin().body(body.append(']').toString()).post("/api/v1/telemetry/readings").then().statusCode(200);
        return line;
    }

    /** An incident on {@code line} from rule firings of one variable (entered limits 0 +- 1, values 5, 6, 7). */
    public static String incidentOn(String line, String variable, Instant at) {
        TelemetryFixtures.defineVariable(line, variable, "degC", "");
        TelemetryFixtures.enterLimits(line, variable, 0.0, 1.0);
        TelemetryFixtures.postValues(line, variable, "degC", at, List.of(5.0, 6.0, 7.0));
        return Api.asAdmin().queryParam("line", line).get("/api/v1/incidents").then().statusCode(200).extract()
                .path("items[0].id");
    }

}
