package io.poka.baselines.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Predicts rows given as column-name to value maps with a stored model. A row must carry exactly the model's columns,
 * each a finite JSON number; {@link #problems} lists what is wrong before anything is predicted.
 */
public final class RowPredictor {
    private RowPredictor() {
    }

    /** What is wrong with the rows, by kind (missing, unknown, nonNumeric), each entry prefixed with the row index. */
    public static Map<String, List<String>> problems(List<String> features, List<Map<String, Object>> rows) {
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> nonNumeric = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> row = rows.get(r) == null ? Map.of() : rows.get(r);
            for (String f : features) {
                if (!row.containsKey(f)) {
                    missing.add("rows[" + r + "]." + f);
                } else if (!(row.get(f) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    nonNumeric.add("rows[" + r + "]." + f);
                }
            }
            for (String k : row.keySet()) {
                if (!features.contains(k)) {
                    unknown.add("rows[" + r + "]." + k);
                }
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("missing", missing);
        out.put("unknown", unknown);
        out.put("nonNumeric", nonNumeric);
        return out;
    }

    /**
     * Predictions of valid rows: {@code {label, scores}} for classifiers (scores are class probabilities where the
     * model produces them), {@code {value}} for regressors.
     */
    public static List<Map<String, Object>> predict(Model<?> model, List<String> features, List<Map<String, Object>> rows) {
        return predict(model, features, rows, null);
    }

    /**
     * As {@link #predict(Model, List, List)}, and with {@code explain} given, each classifier prediction also carries
     * {@code explanation} = explain(row).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<Map<String, Object>> predict(Model<?> model, List<String> features, List<Map<String, Object>> rows,
            Function<Example<Label>, Map<String, Object>> explain) {
        String[] names = features.toArray(String[]::new);
        boolean classification = model.getOutputIDInfo().getDomain().iterator().next() instanceof Label;
        List examples = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            double[] values = new double[names.length];
            for (int i = 0; i < names.length; i++) {
                values[i] = ((Number) row.get(names[i])).doubleValue();
            }
            examples.add(TribuoRows.unknown(classification, names, values));
        }
        List<Prediction<?>> predictions = ((Model) model).predict(examples);
        List<Map<String, Object>> out = new ArrayList<>(predictions.size());
        for (int r = 0; r < predictions.size(); r++) {
            Prediction<?> p = predictions.get(r);
            Map<String, Object> m = new LinkedHashMap<>();
            if (p.getOutput() instanceof Label label) {
                m.put("label", label.getLabel());
                Map<String, Double> scores = new LinkedHashMap<>();
                ((Map<String, Label>) (Map) p.getOutputScores()).forEach((k, v) -> scores.put(k, v.getScore()));
                m.put("scores", scores);
                if (explain != null) {
                    m.put("explanation", explain.apply((Example<Label>) examples.get(r)));
                }
            } else {
                m.put("value", ((Regressor) p.getOutput()).getValues()[0]);
            }
            out.add(m);
        }
        return out;
    }
}
