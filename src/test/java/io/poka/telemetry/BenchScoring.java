package io.poka.telemetry;

import io.poka.scoring.ScoringFixtures;
import io.poka.telemetry.internal.TepRun;
import java.util.Map;

/**
 * The telemetry benchmark's streaming-scoring set-up (issue 14: a promoted model must add less than 10 % CPU to
 * ingestion): a VAE-GAN trained on TEP d00 under the benchmark's own variable ids, promoted on a bench line, so the
 * consumer scores that line's complete time steps as they are stored.
 */
final class BenchScoring {
    private BenchScoring() {
    }

    /** Uploads d00 with the line's variable ids, trains for {@code epochs}, promotes; returns the model id. */
    static String trainAndPromote(String line, TepRun d00, int epochs) {
        StringBuilder csv = new StringBuilder(String.join(",", TepRun.CATALOGUE.stream().map(TepRun.TepVariable::id)
                .toList())).append('\n');
        for (int step = 0; step < d00.steps(); step++) {
            for (int v = 0; v < TepRun.VARIABLES; v++) {
                csv.append(v > 0 ? "," : "").append(d00.value(step, v));
            }
            csv.append('\n');
        }
        String dataset = ScoringFixtures.asQa().contentType("text/csv").queryParam("name", "bench-d00-" + line)
                .body(csv.toString()).post("/api/v1/scoring/datasets").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
        String model = ScoringFixtures.train(dataset, line, epochs);
        ScoringFixtures.asQa().body(Map.of("password", ScoringFixtures.qaPassword(), "meaning", "APPROVAL",
                "reason", "benchmark: streaming scoring's CPU share")).post("/api/v1/scoring/models/" + model + "/promote")
                .then().statusCode(200);
        return model;
    }
}
