package io.poka.scoring;

import io.poka.testing.Api;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Scoring set-ups for tests outside this package (the admin UI's browser tests), on the real TEP data. */
public final class ScoringFixtures {
    private ScoringFixtures() {
    }

    /** The signing QA manager shared by the scoring tests (created once per test JVM). */
    public static String qaManager() {
        ScoringRestFlowTest.qaManager();
        return ScoringRestFlowTest.qa;
    }

    public static String qaPassword() {
        return ScoringRestFlowTest.PASSWORD;
    }

    public static RequestSpecification asQa() {
        qaManager();
        return ScoringRestFlowTest.asQa();
    }

    /** Uploads TEP d00 (500 normal rows) under this name and returns the data set id. */
    public static String uploadNormal(String name) {
        qaManager();
        return ScoringRestFlowTest.upload(name, TepData.csv(TepData.normal()));
    }

    /** Uploads the first {@code rows} rows of TEP fault run {@code fault} (1..21) under this name; returns its id. */
    public static String uploadFault(String name, int fault, int rows) {
        qaManager();
        return ScoringRestFlowTest.upload(name, TepData.csv(TepData.fault(fault).slice(0, rows)));
    }

    /** Trains on a stored data set and waits for the job; returns the model id. */
    public static String train(String datasetId, String line, int epochs) {
        qaManager();
        var end = ScoringRestFlowTest.awaitEnd(ScoringRestFlowTest.submit(datasetId, line, Map.of("epochs", epochs,
                "seed", 3, "falseAlarmRate", ScoringRestFlowTest.PLUMBING_TARGET)).getString("id"), new ArrayList<>());
        if (!"SUCCEEDED".equals(end.getString("status"))) {
            throw new IllegalStateException(end.prettify());
        }
        return end.getString("modelId");
    }

    /**
     * Uploads d00, trains a model for the line with these hyperparameters (seed 3 and the plumbing false-alarm target
     * unless given) and promotes it; returns its id.
     */
    public static String activeModel(String line, Map<String, Object> hyperparameters) {
        qaManager();
        Map<String, Object> h = new java.util.HashMap<>(Map.of("seed", 3, "falseAlarmRate",
                ScoringRestFlowTest.PLUMBING_TARGET));
        h.putAll(hyperparameters);
        String dataset = uploadNormal("tep-d00-" + line);
        var end = ScoringRestFlowTest.awaitEnd(ScoringRestFlowTest.submit(dataset, line, h).getString("id"),
                new ArrayList<>());
        if (!"SUCCEEDED".equals(end.getString("status"))) {
            throw new IllegalStateException(end.prettify());
        }
        String id = end.getString("modelId");
        ScoringRestFlowTest.promote(id);
        return id;
    }

    /** Uploads d00, trains and promotes a model for the line; returns its id. */
    public static String activeModel(String line, int epochs) {
        qaManager();
        String id = ScoringRestFlowTest.trainOnNormal(line, epochs);
        ScoringRestFlowTest.promote(id);
        return id;
    }

    /** {@code n} held-out normal rows of d00 (from row 440) followed by the first {@code n} rows of fault 6. */
    public static List<double[]> normalThenFault6(int n) {
        List<double[]> rows = new ArrayList<>(Arrays.asList(TepData.normal().slice(440, 440 + n).rows()));
        rows.addAll(Arrays.asList(TepData.fault(6).slice(0, n).rows()));
        return rows;
    }

    /**
     * Catalogues the line's TEP variables and posts {@link #normalThenFault6} as its readings, one step a minute
     * from {@code start}; returns the rows posted.
     */
    public static List<double[]> replayNormalThenFault6(String line, int n, Instant start) {
        catalogue(line);
        List<double[]> rows = normalThenFault6(n);
        postReadings(line, rows, start, 60);
        return rows;
    }

    /** Puts the 52 TEP variables of the line into the telemetry catalogue (those already there stay: 409). */
    public static void catalogue(String line) {
        for (String variable : TepData.VARIABLES) {
            Api.asAdmin().body(Map.of("line", line, "variable", variable, "unit", "u"))
                    .post("/api/v1/telemetry/variables").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        }
    }

    /** Posts the rows as readings of the line, one time step every {@code stepSeconds} from {@code start}. */
    public static void postReadings(String line, List<double[]> rows, Instant start, long stepSeconds) {
        for (int from = 0; from < rows.size(); from += 20) {
            StringBuilder body = new StringBuilder("[");
            for (int i = from; i < Math.min(rows.size(), from + 20); i++) {
                for (int v = 0; v < TepData.VARIABLES.size(); v++) {
                    body.append(body.length() > 1 ? "," : "").append(String.format(Locale.ROOT,
                            "{\"readingId\":\"%s-%d-%d-%d\",\"line\":\"%s\",\"station\":\"tep\",\"variable\":\"%s\","
                                    + "\"value\":%s,\"unit\":\"u\",\"timestamp\":\"%s\"}",
                            line, start.getEpochSecond(), i, v, line, TepData.VARIABLES.get(v), rows.get(i)[v],
                            start.plusSeconds(stepSeconds * i)));
                }
            }
            Api.asAdmin().body(body.append("]").toString()).post("/api/v1/telemetry/readings").then().statusCode(200);
        }
    }
}
