package io.poka.prognostics;

import static org.hamcrest.Matchers.equalTo;

import io.poka.prognostics.internal.model.Fd001;
import io.poka.prognostics.internal.model.UnitHistory;
import io.poka.testing.Api;
import io.poka.testing.TelemetryFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** A cheaply trained RUL model and FD001 engines replayed into telemetry, for the prognostics REST and browser tests. */
public final class RulFixtures {
    private RulFixtures() {
    }

    /** Trains the linear model on 10 units with 2 folds over REST (about a second) and returns the job's answer. */
    public static String trainQuickModel() {
        String job = Api.asAdmin().body(Map.of("model", "linear", "units", 10, "folds", 2))
                .post("/api/v1/prognostics/training-jobs").then().statusCode(202).extract().path("id");
        return awaitModel(job);
    }

    /** Waits for a training job to end, asserts it succeeded and returns its model's id. */
    public static String awaitModel(String job) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !List.of(
                "QUEUED", "RUNNING").contains(Api.asAdmin().get("/api/v1/prognostics/training-jobs/" + job).then()
                .statusCode(200).extract().<String>path("status")));
        Api.asAdmin().get("/api/v1/prognostics/training-jobs/" + job).then().body("status", equalTo("SUCCEEDED"));
        return Api.asAdmin().get("/api/v1/prognostics/training-jobs/" + job).then().extract().path("modelId");
    }

    /**
     * Defines the 14 sensors on a new line and posts the first {@code cycles} cycles of FD001 engine {@code engine}
     * (1-based), one second apart; returns the line.
     */
    public static String engineOnTelemetry(int engine, int cycles) {
        String line = TelemetryFixtures.newLine();
        UnitHistory u = Fd001.load().units().get(engine - 1);
        Instant start = Instant.now().minusSeconds(cycles + 60L);
        List<String> readings = new ArrayList<>();
        for (int c = 0; c < Fd001.SENSORS.size(); c++) {
            String sensor = Fd001.SENSORS.get(c);
            TelemetryFixtures.defineVariable(line, sensor, "1", "");
            for (int i = 0; i < cycles; i++) {
                readings.add(TelemetryFixtures.reading(UUID.randomUUID().toString(), line, sensor, "1", u.rows()[i][c],
                        start.plusSeconds(i)));
            }
        }
        // one bulk request for every sensor and cycle
        Api.asAdmin().body("[" + String.join(",", readings) + "]").post("/api/v1/telemetry/readings").then()
                .statusCode(200);
        return line;
    }
}
