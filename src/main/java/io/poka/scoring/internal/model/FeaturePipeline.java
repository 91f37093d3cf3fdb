package io.poka.scoring.internal.model;

import io.poka.scoring.internal.data.NumericTable;
import io.poka.scoring.internal.data.UnusableData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns rows of readings into the model's input vectors: missing values imputed with the training median, training
 * spikes clipped, every variable standardised with the training mean and standard deviation, and optionally the
 * previous {@code lags} steps stacked behind the current one. It is fitted once on training data and stored with the
 * model, so scoring applies exactly the same transformation.
 *
 * @param variables the variable names, in model column order
 * @param lags lagged steps stacked onto each row
 * @param medians training median per variable (imputation value)
 * @param means training mean per variable (after clipping)
 * @param stds training standard deviation per variable (after clipping)
 */
public record FeaturePipeline(List<String> variables, int lags, double[] medians, double[] means, double[] stds) {

    /** Robust standard deviation of a normal sample = 1.4826 * median absolute deviation (Hampel). */
    static final double MAD_TO_SIGMA = 1.4826;

    /**
     * Fits the pipeline on training rows; fails with {@link UnusableData} on too few rows, mostly-missing or constant
     * columns.
     */
    public static FeaturePipeline fit(NumericTable train, int lags, double spikeLimit, int minRows) {
        int usable = train.rowCount() - lags;
        if (usable < minRows) {
            throw new UnusableData("too-few-rows", "Training needs at least " + minRows + " usable rows"
                    + (lags > 0 ? " after stacking " + lags + " lags" : "") + "; got " + Math.max(usable, 0))
                    .at("rows", train.rowCount()).at("minimumRows", minRows + lags);
        }
        int p = train.columnCount();
        double[] medians = new double[p];
        double[] means = new double[p];
        double[] stds = new double[p];
        List<String> constant = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] col = column(train.rows(), j);
            double[] present = Arrays.stream(col).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (present.length < col.length / 2.0) {
                throw new UnusableData("mostly-missing", "Column '" + train.variables().get(j) + "' is missing in "
                        + (col.length - present.length) + " of " + col.length + " rows")
                        .at("column", train.variables().get(j));
            }
            double median = median(present);
            double robustSigma = robustSigma(present, median);
            double sum = 0;
            double sumSq = 0;
            for (double v : col) {
                double x = Double.isNaN(v) ? median : v;
                if (robustSigma > 0) {
                    x = Math.max(median - spikeLimit * robustSigma, Math.min(median + spikeLimit * robustSigma, x));
                }
                sum += x;
                sumSq += x * x;
            }
            double mean = sum / col.length;
            double var = Math.max(0, (sumSq - col.length * mean * mean) / (col.length - 1));
            medians[j] = median;
            means[j] = mean;
            stds[j] = Math.sqrt(var);
            if (stds[j] <= 1e-9 * Math.max(1, Math.abs(mean))) {
                constant.add(train.variables().get(j));
            }
        }
        if (!constant.isEmpty()) {
            throw new UnusableData("constant-columns", "Constant columns carry no information and cannot be "
                    + "standardised; remove them: " + String.join(", ", constant)).at("columns", constant);
        }
        return new FeaturePipeline(train.variables(), lags, medians, means, stds);
    }

    /** Width of one model input vector. */
    public int inputSize() {
        return variables.size() * (lags + 1);
    }

    /**
     * Standardised, imputed, lag-stacked vectors; vector k belongs to row k + lags (the first {@code lags} rows only
     * serve as history). Fails when the columns differ from the training columns.
     */
    public float[][] transform(NumericTable table) {
        NumericTable t = aligned(table);
        int p = variables.size();
        double[][] z = new double[t.rowCount()][p];
        for (int i = 0; i < t.rowCount(); i++) {
            for (int j = 0; j < p; j++) {
                double v = t.rows()[i][j];
                z[i][j] = ((Double.isNaN(v) ? medians[j] : v) - means[j]) / stds[j];
            }
        }
        int n = Math.max(0, t.rowCount() - lags);
        float[][] out = new float[n][inputSize()];
        for (int k = 0; k < n; k++) {
            for (int l = 0; l <= lags; l++) {
                double[] src = z[k + lags - l];
                for (int j = 0; j < p; j++) {
                    out[k][l * p + j] = (float) src[j];
                }
            }
        }
        return out;
    }

    /** Training rows with spikes clipped as in {@link #fit}, then transformed. */
    public float[][] transformClipped(NumericTable table, double spikeLimit) {
        double[][] rows = new double[table.rowCount()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = table.rows()[i].clone();
        }
        for (int j = 0; j < variables.size(); j++) {
            double[] col = Arrays.stream(column(table.rows(), j)).filter(v -> !Double.isNaN(v)).toArray();
            double median = medians[j];
            double robustSigma = robustSigma(col, median);
            if (robustSigma > 0) {
                for (double[] row : rows) {
                    if (!Double.isNaN(row[j])) {
                        row[j] = Math.max(median - spikeLimit * robustSigma, Math.min(median + spikeLimit * robustSigma, row[j]));
                    }
                }
            }
        }
        return transform(new NumericTable(table.variables(), rows));
    }

    /** The table's columns in model order, or a problem naming the missing and unexpected ones. */
    public NumericTable aligned(NumericTable table) {
        if (table.variables().equals(variables)) {
            return table;
        }
        List<String> missing = variables.stream().filter(v -> !table.variables().contains(v)).toList();
        if (!missing.isEmpty()) {
            List<String> unexpected = table.variables().stream().filter(v -> !variables.contains(v)).toList();
            throw new UnusableData("wrong-columns", "The model needs the columns it was trained on; missing: "
                    + String.join(", ", missing) + (unexpected.isEmpty() ? "" : "; unknown: " + String.join(", ", unexpected)))
                    .at("missing", missing).at("unexpected", unexpected).at("expected", variables);
        }
        return table.select(variables);
    }

    private static double[] column(double[][] rows, int j) {
        double[] col = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            col[i] = rows[i][j];
        }
        return col;
    }

    private static double robustSigma(double[] values, double median) {
        return MAD_TO_SIGMA * median(Arrays.stream(values).map(v -> Math.abs(v - median)).sorted().toArray());
    }

    /** Median of sorted values. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
