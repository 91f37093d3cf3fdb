package io.poka.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.poka.scoring.internal.data.NumericTable;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Streaming keeps the alarm rule's state per line between windows: a series streamed in windows gets the same
 * post-processed scores as the same rows scored in one batch request.
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
}
