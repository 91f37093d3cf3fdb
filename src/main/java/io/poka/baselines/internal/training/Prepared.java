package io.poka.baselines.internal.training;

import io.poka.baselines.internal.data.TabularData;

/**
 * Training rows ready for a trainer, with the evaluation's hold-out and the provenance to store beside the model.
 *
 * @param holdout {train rows, test rows}, or null for stratified k-fold cross-validation (classification)
 * @param holdoutProtocol the hold-out in words (null with cross-validation)
 */
public record Prepared(TabularData data, int[][] holdout, String holdoutProtocol, TrainingProvenance provenance) {

    public boolean classification() {
        return data.classification();
    }
}
