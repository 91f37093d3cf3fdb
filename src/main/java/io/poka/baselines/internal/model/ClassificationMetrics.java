package io.poka.baselines.internal.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics of a multi-class confusion matrix: accuracy, balanced accuracy (mean per-class recall), macro-F1 (mean of
 * per-class F1, a class never predicted has precision 0), per-class precision, recall and F1; and, when the class
 * scores are given, ROC AUC per class (one vs rest) and their unweighted mean (as scikit-learn's
 * {@code roc_auc_score(multi_class="ovr", average="macro")}).
 */
public final class ClassificationMetrics {
    private final List<String> classes;
    private final long[][] confusion; // [true][predicted]
    private final List<Integer> truths = new java.util.ArrayList<>();
    private final List<double[]> scores = new java.util.ArrayList<>();

    public ClassificationMetrics(List<String> classes) {
        this.classes = List.copyOf(classes);
        this.confusion = new long[classes.size()][classes.size()];
    }

    public void add(String truth, String predicted) {
        confusion[classes.indexOf(truth)][classes.indexOf(predicted)]++;
    }

    /** Adds a prediction with its score per class (in the order of the classes given to the constructor). */
    public void add(String truth, String predicted, double[] classScores) {
        add(truth, predicted);
        truths.add(classes.indexOf(truth));
        scores.add(classScores.clone());
    }

    /** One-vs-rest ROC AUC of class c over the rows added with scores; NaN without scores or without both sides. */
    public double rocAuc(int c) {
        return RocAuc.oneVsRest(c, truths.stream().mapToInt(Integer::intValue).toArray(), scores.toArray(double[][]::new));
    }

    /** Unweighted mean of the per-class one-vs-rest AUCs (classes without a defined AUC left out); NaN if none. */
    public double rocAucMacro() {
        return java.util.stream.IntStream.range(0, classes.size()).mapToDouble(this::rocAuc).filter(v -> !Double.isNaN(v))
                .average().orElse(Double.NaN);
    }

    public double accuracy() {
        long right = 0;
        long all = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                all += confusion[i][j];
                if (i == j) {
                    right += confusion[i][j];
                }
            }
        }
        return all == 0 ? 0 : (double) right / all;
    }

    public double recall(int c) {
        long actual = 0;
        for (long v : confusion[c]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) confusion[c][c] / actual;
    }

    public double precision(int c) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    public double balancedAccuracy() {
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
            sum += recall(c);
        }
        return sum / classes.size();
    }

    public double macroF1() {
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
            double p = precision(c);
            double r = recall(c);
            sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return sum / classes.size();
    }

    /** Everything as JSON-ready maps: the confusion matrix rows are true classes, columns predicted classes. */
    public Map<String, Object> asMap() {
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("precision", precision(c));
            one.put("recall", recall(c));
            one.put("f1", precision(c) + recall(c) == 0 ? 0 : 2 * precision(c) * recall(c) / (precision(c) + recall(c)));
            if (!scores.isEmpty()) {
                one.put("rocAuc", rocAuc(c));
            }
            perClass.put(classes.get(c), one);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy());
        m.put("balancedAccuracy", balancedAccuracy());
        m.put("macroF1", macroF1());
        if (!scores.isEmpty()) {
            m.put("rocAucMacroOneVsRest", rocAucMacro());
        }
        m.put("perClass", perClass);
        m.put("classes", classes);
        m.put("confusionMatrix", confusion);
        return m;
    }
}
