package io.poka.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.scoring.internal.data.NumericTable;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Streaming keeps the alarm rule's state and the feature history per line between windows: a series streamed in
 * windows gets the same post-processed scores as the same rows scored in one batch request, and a line whose state is
 * new (restart, newly promoted model) rebuilds it from its stored readings instead of starting cold.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class StreamedWindowsTest {
    @Inject
    ScoringApi scoring;

    @Test
    void consecutiveWindowsScoreLikeOneBatch() {
        String line = "windows-" + UUID.randomUUID();
        String modelId = ScoringFixtures.activeModel(line, 5);
        NumericTable rows = TepData.fault(1).slice(0, 40);
        List<RowScore> batch = scoring.scoreWithModel(UUID.fromString(modelId), rows.variables(), rows.rows()).rows();
        List<RowScore> streamed = new ArrayList<>();
        for (int from = 0; from < 40; from += 10) {
            streamed.addAll(scoring.scoreWindow(line, rows.variables(),
                    Arrays.asList(rows.slice(from, from + 10).rows()), null).rows());
        }
        assertEquals(batch.size(), streamed.size());
        for (int i = 0; i < batch.size(); i++) {
            assertNotNull(streamed.get(i).score());
            // float32 matrix products differ in the last bits between batch sizes (row 8: 4.7167507 vs 4.7167508)
            assertEquals(batch.get(i).score(), streamed.get(i).score(), 1e-6 * batch.get(i).score(), "row " + i);
            assertEquals(batch.get(i).rawScore(), streamed.get(i).rawScore(), 1e-6 * batch.get(i).rawScore(), "row " + i);
        }
    }

    @Test
    void stepsStreamedOneWindowEachScoreFlagAndExplainLikeOneBatch() {
        // the row-at-a-time extreme of streaming (a poll bringing one step) against the batch of the same stretch:
        // 30 held-out normal steps of d00, then the first 30 of fault 6 (A feed loss), so some rows are flagged
        String line = "steps-" + UUID.randomUUID();
        String modelId = ScoringFixtures.activeModel(line, 5);
        NumericTable rows = new NumericTable(TepData.VARIABLES,
                ScoringFixtures.normalThenFault6(30).toArray(double[][]::new));
        List<RowScore> batch = scoring.scoreWithModel(UUID.fromString(modelId), rows.variables(), rows.rows()).rows();
        List<RowScore> streamed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            streamed.addAll(scoring.scoreWindow(line, rows.variables(), List.of(rows.rows()[i]), null).rows());
        }
        assertTrue(sameAsBatch(batch, streamed) > 0, "no anomalous row in the stretch, so no flag was compared");
    }

    @Test
    void aLongStreamOfManyPollsOfEverySizeScoresFlagsAndExplainsLikeOneBatch() {
        // longer than the features' look-back (152 rows with the default slow drift copy) many times over, in ~90
        // polls of 0 to 24 steps (one-step polls included), so the carried state wraps around its memory repeatedly
        String line = "long-" + UUID.randomUUID();
        String modelId = ScoringFixtures.activeModel(line, 5);
        List<double[]> all = new ArrayList<>(Arrays.asList(TepData.normal().slice(0, 500).rows()));
        all.addAll(Arrays.asList(TepData.fault(6).rows()));
        NumericTable rows = new NumericTable(TepData.VARIABLES, all.toArray(double[][]::new));
        List<RowScore> batch = scoring.scoreWithModel(UUID.fromString(modelId), rows.variables(), rows.rows()).rows();
        List<RowScore> streamed = new ArrayList<>();
        Random sizes = new Random(14);
        int polls = 0;
        for (int from = 0; from < rows.rowCount(); polls++) {
            int to = Math.min(rows.rowCount(), from + (polls % 5 == 0 ? 1 : sizes.nextInt(25)));
            if (to == from) {
                continue; // an empty poll never reaches scoring (the scorer returns before it)
            }
            streamed.addAll(scoring.scoreWindow(line, rows.variables(), Arrays.asList(rows.slice(from, to).rows()),
                    null).rows());
            from = to;
        }
        assertTrue(polls > 60, polls + " polls");
        assertTrue(sameAsBatch(batch, streamed) > 50, "too few anomalous rows compared");
    }

    /**
     * Asserts that streamed row scores are the batch's: same scores and raw scores (within float32 differences of
     * forward passes of different batch sizes), same flags, same top contributors; returns the rows flagged.
     */
    private static int sameAsBatch(List<RowScore> batch, List<RowScore> streamed) {
        assertEquals(batch.size(), streamed.size());
        int flagged = 0;
        for (int i = 0; i < batch.size(); i++) {
            RowScore a = batch.get(i);
            RowScore b = streamed.get(i);
            if (a.score() == null) { // the first `lags` rows are history only, in both
                assertEquals(null, b.score(), "row " + i);
                continue;
            }
            // float32 products differ in the last bits between batch sizes of the forward pass (see above): 1e-6
            assertEquals(a.score(), b.score(), 1e-6 * a.score(), "row " + i);
            assertEquals(a.rawScore(), b.rawScore(), 1e-6 * a.rawScore(), "row " + i);
            assertEquals(a.anomalous(), b.anomalous(), "row " + i);
            assertEquals(a.topContributors().stream().map(Contribution::variable).toList(),
                    b.topContributors().stream().map(Contribution::variable).toList(), "row " + i);
            for (int c = 0; c < a.topContributors().size(); c++) {
                double x = a.topContributors().get(c).value();
                assertEquals(x, b.topContributors().get(c).value(), 1e-5 * Math.abs(x), "row " + i);
            }
            flagged += a.anomalous() ? 1 : 0;
        }
        return flagged;
    }

    @Test
    void aNewStreamingStateIsRebuiltFromTheLinesStoredReadings() {
        String line = "warm-" + UUID.randomUUID();
        NumericTable rows = TepData.fault(1).slice(0, 60);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        // 50 steps stored before any model is active on the line (as before a restart): nothing scores them
        ScoringFixtures.catalogue(line);
        ScoringFixtures.postReadings(line, Arrays.asList(rows.slice(0, 50).rows()), start, 60);
        String modelId = ScoringFixtures.activeModel(line, 5);
        List<RowScore> batch = scoring.scoreWithModel(UUID.fromString(modelId), rows.variables(), rows.rows()).rows();
        List<RowScore> cold = scoring.scoreWithModel(UUID.fromString(modelId), rows.variables(),
                rows.slice(50, 60).rows()).rows();
        List<Instant> times = IntStream.range(50, 60).mapToObj(i -> start.plusSeconds(60L * i)).toList();
        List<RowScore> streamed = scoring.scoreWindow(line, rows.variables(), Arrays.asList(rows.slice(50, 60).rows()),
                times).rows();
        for (int i = 0; i < 10; i++) {
            double expected = batch.get(50 + i).score();
            // features: exact (their whole look-back is stored); alarm rule: rebuilt over its memory (weight < 1 %)
            assertEquals(expected, streamed.get(i).score(), 0.01 * expected, "row " + (50 + i));
            assertEquals(batch.get(50 + i).rawScore(), streamed.get(i).rawScore(), 1e-5 * expected, "row " + (50 + i));
        }
        // a cold start would not have remembered the fault (the first rows of a series start from the normal level)
        assertTrue(Math.abs(cold.get(0).score() - batch.get(50).score()) > 0.05 * batch.get(50).score(),
                cold.get(0).score() + " vs " + batch.get(50).score());
    }
}
