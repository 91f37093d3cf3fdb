package io.poka.baselines.internal.anomaly;

import java.util.Map;

/**
 * A fitted anomaly baseline: scores standardised rows (larger = more anomalous). Its limit is not part of it: the
 * comparison calibrates every monitor's limit the same way, on the same held-out normal rows. Serializable, so a
 * monitor trained on a user's data set is stored in the model registry like a Tribuo model.
 */
public interface AnomalyMonitor extends java.io.Serializable {

    /** Stable name in comparisons, e.g. {@code pca-t2}. */
    String name();

    /** The settings that shaped the fit, stored with every result. */
    Map<String, Object> hyperparameters();

    /** How the monitor was built (Tribuo's provenance for Tribuo models, a description for plain Java ones). */
    String provenance();

    /** Rows of history a score needs: the first {@code lags()} rows of a scored series get NaN. */
    default int lags() {
        return 0;
    }

    /** One anomaly score per standardised row (NaN for a row that only serves as history). */
    double[] scores(double[][] z);

    /**
     * An exact decomposition of row {@code i}'s score into one term per variable that sums to the score (PCA's
     * contribution plots), or null when the monitor has none and contributions are measured by replacement.
     */
    default double[] contributions(double[][] z, int i) {
        return null;
    }
}
