package io.poka.baselines.internal.training;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What to learn from a data set: the task, the target column, the feature columns and how to hold rows out for the
 * evaluation. On the built-in data sets every field may be left out (their documented defaults apply); on uploaded
 * and telemetry-built data sets {@code targetColumn} is required.
 *
 * @param task CLASSIFICATION or REGRESSION; implied by the built-in data sets and by the trainers
 *        {@code logistic-regression} (classification) and {@code linear-sgd} (regression)
 * @param targetColumn the column to predict
 * @param featureColumns the columns to predict from; default: every numeric column except the target and the split's
 *        order and group columns
 * @param split how the evaluation holds rows out; default RANDOM (anomaly models: always TIME_ORDERED)
 * @param anomaly ANOMALY only: which rows are normal, columns left out, target false-alarm rate, lags
 */
public record TrainingSpec(Task task, String targetColumn, List<String> featureColumns, SplitSpec split,
        AnomalySpec anomaly) {

    public TrainingSpec(Task task, String targetColumn, List<String> featureColumns, SplitSpec split) {
        this(task, targetColumn, featureColumns, split, null);
    }

    /** What the model predicts: a class label, a number, or how anomalous a row is. */
    @Schema(name = "BaselineTask")
    public enum Task { CLASSIFICATION, REGRESSION, ANOMALY }

    /** How rows are held out for the evaluation. */
    @Schema(name = "BaselineSplitKind")
    public enum SplitKind {
        /** Classification: stratified k-fold cross-validation; regression: a seeded random share held out. */
        RANDOM,
        /** Rows sorted by {@code orderColumn} (upload order when absent); the last {@code testShare} is held out. */
        TIME_ORDERED,
        /** Whole groups of {@code groupColumn} held out, so no group is on both sides. */
        GROUPED
    }

    /**
     * @param kind RANDOM, TIME_ORDERED or GROUPED
     * @param orderColumn TIME_ORDERED: the column giving the time order (optional)
     * @param groupColumn GROUPED: the unit or group column (required)
     * @param testShare share of rows (TIME_ORDERED, RANDOM regression) or of groups (GROUPED) held out, 0.05-0.9;
     *        default {@code poka.baselines.test-unit-fraction}
     */
    @Schema(name = "BaselineSplit")
    public record SplitSpec(SplitKind kind, String orderColumn, String groupColumn, Double testShare) {
    }

    /** True when nothing was chosen, so a built-in data set keeps its documented protocol. */
    public boolean isDefault() {
        return task == null && targetColumn == null && featureColumns == null && split == null && anomaly == null;
    }

    public static TrainingSpec none() {
        return new TrainingSpec(null, null, null, null, null);
    }
}
