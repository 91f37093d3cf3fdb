package io.poka.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.platform.NotFoundProblem;
import io.poka.scoring.internal.data.NumericTable;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reads ScoringApi gives the admin UI: registry, jobs, active models with health, and the score timeline. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ScoringReadsTest {
    @Inject
    ScoringApi scoring;

    @Test
    void theRegistryJobAndActiveModelReadsCarryWhatAnAuditorTracesAndHealthFollowsStreamedScores() {
        String line = "reads-" + UUID.randomUUID();
        String name = "tep-d00-" + line;
        String datasetId = ScoringFixtures.uploadNormal(name);
        String modelId = ScoringFixtures.train(datasetId, line, 5);

        List<ModelVersion> versions = scoring.models(line);
        assertEquals(1, versions.size());
        ModelVersion v = versions.get(0);
        assertEquals(UUID.fromString(modelId), v.id());
        // the same d00 content uploaded by another test class before is returned, with the name it was stored under
        String storedName = scoring.datasets().stream().filter(d -> d.id().toString().equals(datasetId))
                .map(d -> d.name()).findFirst().orElseThrow();
        assertEquals(storedName, v.datasetName());
        assertEquals(TepData.normal().fingerprint(), v.dataFingerprint());
        assertEquals(ScoringRestFlowTest.PLUMBING_TARGET, v.targetFalseAlarmRate(), "the requested falseAlarmRate");
        assertEquals(5, v.lossHistory().size());
        assertEquals(52, v.variables().size());
        assertEquals(500, v.trainingRows(), "every d00 row trains; calibration is cross-fitted over time blocks");
        assertEquals(5, v.hyperparameters().get("crossFitBlocks"), "the documented default");
        assertTrue(v.validation().containsKey("crossCalibratedFalseAlarmRate"), v.validation().toString());
        assertEquals(5, v.hyperparameters().get("epochs"));
        assertFalse(v.active());
        assertTrue(scoring.model(UUID.randomUUID()).isEmpty());
        assertTrue(scoring.datasets().stream().anyMatch(d -> d.id().toString().equals(datasetId) && d.rowCount() == 500));

        TrainingJob job = scoring.trainingJobs(line).get(0);
        assertEquals("SUCCEEDED", job.status());
        assertEquals(5, job.epoch());
        assertEquals(5, job.epochs());
        assertEquals(UUID.fromString(modelId), job.modelId());
        assertEquals(job, scoring.trainingJob(job.id()).orElseThrow());
        assertFalse(job.open());

        ScoringRestFlowTest.promote(modelId);
        ActiveModel active = active(line);
        assertEquals(v.threshold(), active.threshold());
        assertEquals(ActiveModel.Status.NO_RECENT_SCORES, active.health().status());
        assertNull(active.health().lastScoredAt());

        NumericTable fault = TepData.fault(6).slice(0, 40);
        ScoredWindow w = scoring.scoreWindow(line, fault.variables(), Arrays.asList(fault.rows()), null);
        long flagged = w.rows().stream().filter(RowScore::anomalous).count();
        ActiveModel after = active(line);
        assertEquals(40, after.health().rowsScored());
        assertEquals(flagged, after.health().anomalies());
        assertTrue(flagged > 20, "fault 6 is flagged by any model (docs/scoring.md: 1.000): " + flagged);
        assertEquals(ActiveModel.Status.ABOVE_TARGET, after.health().status());
    }

    @Test
    void theTimelineScoresStoredReadingsLikeBatchScoringAndNeedsAnActiveModel() {
        String line = "timeline-" + UUID.randomUUID();
        assertThrows(NotFoundProblem.class, () -> scoring.scoreTimeline(line, null, Instant.EPOCH, Instant.now()));
        String modelId = ScoringFixtures.activeModel(line, 5);
        Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        List<double[]> rows = ScoringFixtures.replayNormalThenFault6(line, 20, start);

        ScoreTimeline t = scoring.scoreTimeline(line, null, start.minusSeconds(1), start.plus(Duration.ofHours(1)));
        assertEquals(UUID.fromString(modelId), t.modelId());
        assertEquals(1, t.modelVersion());
        assertEquals(40, t.points().size());
        assertEquals(start, t.points().get(0).at());
        assertEquals(start.plusSeconds(60 * 39), t.points().get(39).at());
        assertFalse(t.truncated());

        // the same rows scored by the batch REST endpoint give the same scores and contributors
        JsonPath batch = ScoringFixtures.asQa().body(Map.of("variables", TepData.VARIABLES, "rows", rows))
                .post("/api/v1/scoring/lines/" + line + "/score").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < rows.size(); i++) {
            ScoreTimeline.Point p = t.points().get(i);
            assertEquals(batch.getDouble("rows[" + i + "].score"), p.score(), 1e-5, "row " + i + " (JSON path reads a float)");
            assertEquals(p.score() > t.threshold(), p.anomalous());
            assertEquals(batch.getString("rows[" + i + "].topContributors[0].variable"),
                    p.contributions().get(0).variable());
            assertEquals(8, p.contributions().size());
            assertTrue(p.contributions().get(0).value() >= p.contributions().get(7).value());
        }
        assertTrue(t.points().subList(20, 40).stream().filter(ScoreTimeline.Point::anomalous).count() > 15,
                "fault 6 rows flagged");
    }

    private ActiveModel active(String line) {
        return scoring.activeModels().stream().filter(a -> a.line().equals(line)).findFirst().orElseThrow();
    }
}
