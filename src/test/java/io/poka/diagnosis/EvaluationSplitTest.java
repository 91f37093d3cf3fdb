package io.poka.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.diagnosis.internal.model.BlockedFolds;
import io.poka.diagnosis.internal.model.CrossValidation;
import io.poka.diagnosis.internal.model.FaultClassifier;
import io.poka.diagnosis.internal.model.TepFaultRuns;
import io.poka.diagnosis.internal.model.WindowClassifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The time-blocked cross-validation never lets a row (or a row within the gap of the test block) train the model that
 * is tested on it, and every row is tested in exactly one fold: checked on the fold arithmetic, and on the rows a
 * trainer is actually handed, by identity.
 */
class EvaluationSplitTest {

    @Test
    void foldsTileTheRunAndKeepTheGapBetweenTrainingAndTestRows() {
        BlockedFolds folds = new BlockedFolds(5, 20);
        for (int length : List.of(480, 500, 97)) {
            int[] tested = new int[length];
            for (int k = 0; k < 5; k++) {
                BlockedFolds.Fold f = folds.fold(length, k);
                for (int row = f.test().from(); row < f.test().to(); row++) {
                    tested[row]++;
                }
                for (BlockedFolds.Range r : f.train()) {
                    for (int row = r.from(); row < r.to(); row++) {
                        assertFalse(f.test().contains(row), "row " + row + " of fold " + k + " trains and tests");
                        int away = row < f.test().from() ? f.test().from() - row : row - f.test().to() + 1;
                        assertTrue(away > 20, "training row " + row + " lies " + away + " rows from test block " + f.test());
                    }
                }
            }
            for (int row = 0; row < length; row++) {
                assertEquals(1, tested[row], "row " + row + " of a run of " + length + " tested once");
            }
        }
    }

    @Test
    void theRowsATrainerIsHandedNeverAppearInTheWindowsItIsTestedOn() {
        Map<String, double[][]> runs = TepFaultRuns.runs(List.of(0, 1, 2));
        BlockedFolds folds = new BlockedFolds(4, 20);
        Set<double[]> trainedRows = Collections.newSetFromMap(new IdentityHashMap<>());
        CrossValidation.Trainer recording = (parts, normal) -> {
            trainedRows.clear();
            parts.values().forEach(list -> list.forEach(part -> trainedRows.addAll(List.of(part))));
            trainedRows.addAll(List.of(normal));
            return new WindowClassifier() {
                @Override
                public int window() {
                    return 20;
                }

                @Override
                public FaultClassifier.Verdict classify(double[][] rows, int from) {
                    for (int i = from; i < from + 20; i++) {
                        assertFalse(trainedRows.contains(rows[i]), "row " + i + " trained the model testing it");
                    }
                    for (int i = Math.max(0, from - 20); i < Math.min(rows.length, from + 40); i++) {
                        assertFalse(trainedRows.contains(rows[i]), "row " + i + " within a window of a test window");
                    }
                    return new FaultClassifier.Verdict("normal", List.of(new FaultClassifier.Likely("normal", 1)), 0, 1);
                }
            };
        };
        List<String> labels = List.copyOf(runs.keySet());
        List<CrossValidation.Outcome> outcomes = CrossValidation.run(runs, folds, 4, recording, labels, labels,
                IntStream.range(0, 4).boxed().toList());
        // 4 folds x (normal: (125 - 20) / 4 + 1 = 27 windows; faults: (120 - 20) / 4 + 1 = 26 windows x 2)
        assertEquals(4 * (27 + 26 + 26), outcomes.size());
    }
}
