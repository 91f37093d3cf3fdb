package io.poka.baselines.internal.anomaly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predictions of a stored anomaly monitor for rows given as maps (already checked to carry its numeric features): the
 * score, the limit and whether the row is anomalous, and with {@code explain} which features push the score. Rows are
 * consecutive in time, so a lagged monitor's first rows only serve as history (no score).
 */
public final class AnomalyPredictions {
    private AnomalyPredictions() {
    }

    public static List<Map<String, Object>> predict(StoredAnomalyModel model, List<String> features,
            List<Map<String, Object>> rows, boolean explain) {
        double[][] x = new double[rows.size()][features.size()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < features.size(); j++) {
                x[i][j] = ((Number) rows.get(i).get(features.get(j))).doubleValue();
            }
        }
        double[] scores = model.scores(x);
        List<Map<String, Object>> out = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            boolean history = Double.isNaN(scores[i]);
            p.put("score", history ? null : scores[i]);
            p.put("threshold", model.threshold());
            p.put("anomalous", history ? null : scores[i] > model.threshold());
            if (history) {
                p.put("history", "history of the lagged monitor: the first " + model.monitor().lags()
                        + " rows of a request get no score");
            }
            if (explain && !history) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("method", model.explanationMethod());
                e.put("contributions", model.explain(x, i));
                p.put("explanation", e);
            }
            out.add(p);
        }
        return out;
    }
}
