package io.poka.baselines.internal.training;

import io.poka.baselines.internal.data.TabularData;

/**
 * Training rows ready for a trainer, with the evaluation's hold-out and the provenance to store beside the model.
 *
 * @param holdout {train rows, test rows}, or null for stratified k-fold cross-validation (classification)
 * @param holdoutProtocol the hold-out in words (null with cross-validation)
 * @param anomaly the rows of an anomaly model's training and evaluation; null for classification and regression
 */
public record Prepared(TabularData data, int[][] holdout, String holdoutProtocol, TrainingProvenance provenance,
        AnomalyRows anomaly) {

    public Prepared(TabularData data, int[][] holdout, String holdoutProtocol, TrainingProvenance provenance) {
        this(data, holdout, holdoutProtocol, provenance, null);
    }

    /** Rows for an anomaly monitor (task ANOMALY); {@code data} and {@code holdout} are then null. */
    public static Prepared anomaly(AnomalyRows rows, TrainingProvenance provenance) {
        return new Prepared(null, null, provenance.protocol(), provenance, rows);
    }

    public boolean classification() {
        return data != null && data.classification();
    }
}
