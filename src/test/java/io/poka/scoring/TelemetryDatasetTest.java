package io.poka.scoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A data set selected from stored telemetry equals, fingerprint for fingerprint, the same rows uploaded as CSV. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TelemetryDatasetTest {

    @Test
    void storedReadingsOfATimeRangeBecomeOneRowPerCompleteTimeStep() {
        String line = "ds-" + UUID.randomUUID();
        List<String> variables = List.of("flow", "temp", "pressure");
        variables.forEach(v -> Api.asAdmin().body(Map.of("line", line, "variable", v, "unit", "u"))
                .post("/api/v1/telemetry/variables").then().statusCode(201));
        Instant t0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder readings = new StringBuilder("[");
        StringBuilder csv = new StringBuilder("flow,temp,pressure\n");
        for (int step = 0; step < 30; step++) {
            double[] row = {10 + step % 7, 70 + (step * 3) % 5, 1.5 + step % 3};
            for (int v = 0; v < 3; v++) {
                if (step == 12 && v == 1) {
                    continue; // a missing reading: this step is incomplete and must be left out
                }
                readings.append(readings.length() > 1 ? "," : "").append(String.format(Locale.ROOT,
                        "{\"readingId\":\"%s-%d-%d\",\"line\":\"%s\",\"station\":\"S1\",\"variable\":\"%s\",\"value\":%s,"
                                + "\"unit\":\"u\",\"timestamp\":\"%s\"}",
                        line, step, v, line, variables.get(v), row[v], t0.plusSeconds(60L * step)));
            }
            if (step != 12 && step < 25) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", row[0], row[1], row[2]));
            }
        }
        Api.asAdmin().body(readings.append("]").toString()).post("/api/v1/telemetry/readings").then().statusCode(200);

        // steps 0..24 are in the range [t0, t0 + 25 min); step 12 is incomplete
        JsonPath built = Api.asAdmin().body(Map.of("name", "from telemetry", "line", line, "variables", variables,
                "from", t0.toString(), "to", t0.plusSeconds(60L * 25).toString()))
                .post("/api/v1/scoring/datasets/from-telemetry").then().statusCode(201)
                .body("dataset.rowCount", equalTo(24))
                .body("dataset.variables", equalTo(variables))
                .body("incompleteStepsLeftOut", equalTo(1))
                .extract().jsonPath();
        // the same numbers uploaded as CSV: the data set built from telemetry is given back (200), not copied
        JsonPath uploaded = Api.asAdmin().contentType("text/csv").queryParam("name", "same rows as CSV")
                .body(csv.toString()).post("/api/v1/scoring/datasets").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(uploaded.getString("fingerprint"), built.getString("dataset.fingerprint"));
        org.junit.jupiter.api.Assertions.assertEquals(uploaded.getString("id"), built.getString("dataset.id"));
    }

    @Test
    void aVariableOutsideTheCatalogueIsAProblemAndNothingIsStored() {
        int before = Api.asAdmin().get("/api/v1/scoring/datasets").jsonPath().getList("$").size();
        Api.asAdmin().body(Map.of("name", "x", "line", "no-such-line-" + UUID.randomUUID(), "variables", List.of("a", "b"),
                "from", "2026-11-01T00:00:00Z", "to", "2026-11-02T00:00:00Z"))
                .post("/api/v1/scoring/datasets/from-telemetry").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not in the catalogue"));
        org.junit.jupiter.api.Assertions.assertEquals(before,
                Api.asAdmin().get("/api/v1/scoring/datasets").jsonPath().getList("$").size());
    }
}
