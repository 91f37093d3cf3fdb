package io.poka.baselines;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asynchronous training: 202 at once, progress in steps while it runs, then the stored model; refusals store nothing. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TrainingJobsRestTest {
    static String qa;
    static String auditor;

    @BeforeEach
    void users() {
        setUp();
    }

    static synchronized void setUp() {
        if (qa == null) {
            qa = BaselinesRestFlowTest.user("qa-manager");
            auditor = BaselinesRestFlowTest.user("auditor");
        }
    }

    @Test
    void aJobAnswers202ReportsProgressWhileItRunsAndEndsWithTheStoredModel() {
        Response submitted = BaselinesRestFlowTest.as(qa).body(Map.of("trainer", "random-forest"))
                .post("/api/v1/baselines/datasets/steel-plates/training-jobs");
        submitted.then().statusCode(202);
        JsonPath job = submitted.jsonPath();
        String id = job.getString("id");
        assertTrue(submitted.header("Location").endsWith("/api/v1/baselines/training-jobs/" + id));
        assertTrue(Set.of("QUEUED", "RUNNING").contains(job.getString("status")), job.getString("status"));
        assertEquals(6, job.getInt("stepsTotal"), "5 folds and the final fit");

        List<Integer> seen = new ArrayList<>();
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = BaselinesRestFlowTest.as(auditor).get("/api/v1/baselines/training-jobs/" + id).then()
                    .statusCode(200).extract().jsonPath();
            seen.add(last[0].getInt("stepsDone"));
            return Set.of("SUCCEEDED", "FAILED").contains(last[0].getString("status"));
        });
        assertEquals("SUCCEEDED", last[0].getString("status"), last[0].prettify());
        assertEquals(6, last[0].getInt("stepsDone"));
        assertEquals(1.0, last[0].getDouble("progress"), 1e-12);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress never goes back: " + seen);
        }
        assertTrue(seen.stream().anyMatch(s -> s > 0 && s < 6), "progress seen between start and end: " + seen);
        String model = last[0].getString("modelId");
        BaselinesRestFlowTest.as(auditor).get("/api/v1/baselines/models/" + model).then().statusCode(200)
                .body("model.trainer", equalTo("random-forest")).body("model.createdBy", equalTo(qa));
        List<String> listed = BaselinesRestFlowTest.as(auditor).queryParam("dataset", "steel-plates")
                .get("/api/v1/baselines/training-jobs").then().statusCode(200).extract().path("id");
        assertTrue(listed.contains(id));
    }

    @Test
    void refusedSubmissionsAreProblemsAndQueueNothing() {
        int before = BaselinesRestFlowTest.as(qa).get("/api/v1/baselines/training-jobs").then().statusCode(200)
                .extract().path("size()");
        BaselinesRestFlowTest.as(qa).body(Map.of("trainer", "deep-magic"))
                .post("/api/v1/baselines/datasets/steel-plates/training-jobs").then().statusCode(400)
                .contentType("application/problem+json");
        BaselinesRestFlowTest.as(qa).body(Map.of("trainer", "random-forest"))
                .post("/api/v1/baselines/datasets/no-such-data/training-jobs").then().statusCode(404)
                .contentType("application/problem+json");
        BaselinesRestFlowTest.as(auditor).body(Map.of("trainer", "random-forest"))
                .post("/api/v1/baselines/datasets/steel-plates/training-jobs").then().statusCode(403);
        Api.asAdmin().get("/api/v1/baselines/training-jobs/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        int after = BaselinesRestFlowTest.as(qa).get("/api/v1/baselines/training-jobs").then().statusCode(200)
                .extract().path("size()");
        assertEquals(before, after);
    }
}
