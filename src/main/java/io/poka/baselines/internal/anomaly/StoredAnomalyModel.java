package io.poka.baselines.internal.anomaly;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An anomaly monitor as the registry keeps it: the standardisation fitted on the normal training rows, the fitted
 * monitor and its calibrated limit. Scores raw rows in the model's feature order; explains a row's score by what each
 * feature adds to it.
 *
 * @param threshold a row whose score exceeds it is anomalous
 */
public record StoredAnomalyModel(List<String> features, Standardiser standardiser, AnomalyMonitor monitor,
        double threshold) implements Serializable {

    /** One score per raw row (consecutive rows: a lagged monitor's first {@code lags} rows get NaN, history only). */
    public double[] scores(double[][] rows) {
        return monitor.scores(standardiser.transform(rows));
    }

    /** How {@link #explain} measured the contributions of this monitor's rows. */
    public String explanationMethod() {
        return monitor.name().contains("pca")
                ? "exact decomposition of the PCA statistic (terms sum to the score): SPE per variable its squared "
                        + "residual, T² per variable x_a sum_c t_c p_ca / lambda_c; dynamic PCA sums a variable's terms over "
                        + "its lags"
                : "per feature: the row's score minus its score with that feature at its training mean (other features "
                        + "and history unchanged); correlated features can give negative terms";
    }

    /**
     * Which features push row {@code i}'s score: the monitor's exact decomposition where it has one (PCA), else per
     * feature the score minus the score with that feature of this row set to its training mean (standardised value 0;
     * the other features and the history unchanged). Positive = the feature's value makes the row more anomalous.
     * Largest magnitude first.
     */
    public List<Map<String, Object>> explain(double[][] rows, int i) {
        double[][] z = standardiser.transform(rows);
        double[] exact = monitor.contributions(z, i);
        double base = exact != null ? 0 : monitor.scores(z)[i];
        List<Map<String, Object>> out = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            double contribution;
            double kept = z[i][j];
            if (exact != null) {
                contribution = exact[j];
            } else {
                z[i][j] = 0;
                contribution = base - monitor.scores(z)[i];
                z[i][j] = kept;
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("feature", features.get(j));
            c.put("contribution", contribution);
            c.put("standardisedValue", kept);
            out.add(c);
        }
        out.sort(Comparator.comparingDouble((Map<String, Object> c) -> -Math.abs((double) c.get("contribution"))));
        return out;
    }
}
