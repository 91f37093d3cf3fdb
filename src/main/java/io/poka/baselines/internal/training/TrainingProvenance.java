package io.poka.baselines.internal.training;

import java.util.List;

/**
 * Where a model's training rows came from, so an auditor can rebuild them: the data set and its fingerprint, the
 * chosen columns and split, and how many rows were used or left out.
 *
 * @param datasetFingerprint the registry's fingerprint of the whole data set
 * @param trainingFingerprint SHA-256 of the canonical CSV of the rows and columns actually used (features, target)
 * @param rowsLeftOut rows left out because a chosen column had a missing value there
 * @param protocol the evaluation protocol in words
 * @param testGroups GROUPED: the group values held out (every other group trained); null otherwise
 */
public record TrainingProvenance(String datasetId, String datasetName, String datasetFingerprint,
        String trainingFingerprint, String task, String targetColumn, List<String> featureColumns,
        TrainingSpec.SplitSpec split, int rowsUsed, int rowsLeftOut, int trainRows, int testRows, String protocol,
        List<Double> testGroups) {
}
