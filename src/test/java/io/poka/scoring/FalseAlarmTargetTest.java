package io.poka.scoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A false-alarm target the normal data cannot support is refused before any training starts: 422 problem+json
 * naming the smallest supported target, and nothing is stored (issue 14).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class FalseAlarmTargetTest {

    @Test
    void aTargetBelowOneOverTheRowCountIsRefusedWith422AndNothingIsStored() {
        String line = "line-" + UUID.randomUUID();
        String dataset = ScoringFixtures.uploadNormal("tep-d00");
        // 500 rows can at best count as 500 independent ones: 1 / 501 ~ 0.002 is the floor, 0.001 is below it
        ScoringFixtures.asQa().body(Map.of("datasetId", dataset, "line", line, "hyperparameters",
                Map.of("falseAlarmRate", 0.001))).post("/api/v1/scoring/training-jobs").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:poka:problem:scoring/unsupported-false-alarm-rate"))
                .body("falseAlarmRate", equalTo(0.001f))
                .body("smallestSupportedTarget", greaterThan(0.001f))
                .body("detail", containsString("smallest supported target"));
        ScoringFixtures.asQa().get("/api/v1/scoring/training-jobs?line=" + line).then().statusCode(200).body("$", hasSize(0));
        ScoringFixtures.asQa().get("/api/v1/scoring/models?line=" + line).then().statusCode(200).body("$", hasSize(0));
    }
}
