package io.poka.scoring;

import java.util.List;
import java.util.UUID;

/**
 * Scores of a batch or window with what an auditor needs to trace them: the model version, its threshold and the
 * fingerprint of the data it was trained on.
 */
public record ScoredWindow(String line, UUID modelId, int modelVersion, double threshold, String trainingFingerprint,
        List<RowScore> rows) {
}
