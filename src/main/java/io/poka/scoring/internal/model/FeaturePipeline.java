package io.poka.scoring.internal.model;

import io.poka.scoring.internal.data.NumericTable;
import io.poka.scoring.internal.data.UnusableData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns rows of readings into the model's input vectors: missing values imputed with the training median, training
 * spikes clipped, every variable standardised with the training mean and standard deviation, and optionally the
 * previous {@code lags} steps stacked behind the current one, and optionally {@link TemporalFeatures} over recent rows
 * (filtered inputs, moving standard deviations), standardised with their own training mean and standard deviation.
 * It is fitted once on training data and stored with the model, so scoring applies exactly the same transformation.
 *
 * @param variables the variable names, in model column order
 * @param lags lagged steps stacked onto each row
 * @param medians training median per variable (imputation value)
 * @param means training mean per variable (after clipping)
 * @param stds training standard deviation per variable (after clipping)
 * @param temporal the features over recent rows appended to each vector (null in models stored before them: none)
 * @param derivedMeans training mean of each temporal feature (null without them)
 * @param derivedStds training standard deviation of each temporal feature (null without them)
 */
public record FeaturePipeline(List<String> variables, int lags, double[] medians, double[] means, double[] stds,
        TemporalFeatures temporal, double[] derivedMeans, double[] derivedStds) {

    /** Without temporal features (the pipeline of models stored before them). */
    public FeaturePipeline(List<String> variables, int lags, double[] medians, double[] means, double[] stds) {
        this(variables, lags, medians, means, stds, null, null, null);
    }

    /** Robust standard deviation of a normal sample = 1.4826 * median absolute deviation (Hampel). */
    static final double MAD_TO_SIGMA = 1.4826;

    /**
     * Fits the pipeline on training rows; fails with {@link UnusableData} on too few rows, mostly-missing or constant
     * columns.
     */
    public static FeaturePipeline fit(NumericTable train, int lags, double spikeLimit, int minRows) {
        return fit(train, lags, TemporalFeatures.NONE, spikeLimit, minRows);
    }

    /**
     * Fits the pipeline, temporal features included (their statistics on the clipped training rows); fails like
     * {@link #fit(NumericTable, int, double, int)}.
     */
    public static FeaturePipeline fit(NumericTable train, int lags, TemporalFeatures temporal, double spikeLimit,
            int minRows) {
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
        FeaturePipeline base = new FeaturePipeline(train.variables(), lags, medians, means, stds);
        if (temporal == null || !temporal.any()) {
            return base;
        }
        double[][] all = temporal.of(base.standardised(clipped(train, medians, spikeLimit)));
        // statistics over rows whose look-back lies within the training rows
        double[][] derived = Arrays.copyOfRange(all, Math.min(temporal.history(), all.length / 2), all.length);
        int q = (temporal.blocks() + temporal.companionBlocks()) * p;
        double[] dMeans = new double[q];
        double[] dStds = new double[q];
        for (int j = 0; j < q; j++) {
            double sum = 0;
            double sumSq = 0;
            for (double[] row : derived) {
                sum += row[j];
                sumSq += row[j] * row[j];
            }
            dMeans[j] = sum / derived.length;
            double sd = Math.sqrt(Math.max(0, (sumSq - derived.length * dMeans[j] * dMeans[j]) / (derived.length - 1)));
            dStds[j] = sd > 1e-9 ? sd : 1;
        }
        return new FeaturePipeline(train.variables(), lags, medians, means, stds, temporal, dMeans, dStds);
    }

    /** Width of the network's input: the first this many values of every vector. */
    public int inputSize() {
        return variables.size() * (lags + 1 + (temporal == null ? 0 : temporal.blocks()));
    }

    /** Width of one vector: the network's input, then the blocks only the combined monitor reads (drift). */
    public int vectorSize() {
        return inputSize() + variables.size() * (temporal == null ? 0 : temporal.companionBlocks());
    }

    /**
     * Rows before a row that its input vector depends on: a streamed window needs that many stored rows before it to
     * score exactly like one long batch.
     */
    public int history() {
        return Math.max(lags, temporal == null ? 0 : temporal.history());
    }

    /**
     * Standardised, imputed, lag-stacked vectors ({@link #vectorSize()} wide: the network's input first); vector k belongs to row k + lags (the first {@code lags} rows only
     * serve as history). Fails when the columns differ from the training columns.
     */
    public float[][] transform(NumericTable table) {
        return transform(table, 0);
    }

    /**
     * Like {@link #transform(NumericTable)}, but the first max(lags, {@code historyRows}) rows only serve as history:
     * vector k belongs to row k + max(lags, historyRows). Temporal features take rows before the table's first as the
     * training mean.
     */
    public float[][] transform(NumericTable table, int historyRows) {
        NumericTable t = aligned(table);
        int skip = Math.max(lags, historyRows);
        int n = Math.max(0, t.rowCount() - skip);
        float[][] out = new float[n][vectorSize()];
        Stream stream = stream();
        double[][] rows = t.rows();
        for (int i = 0; i < rows.length; i++) {
            stream.next(rows[i], i >= skip ? out[i - skip] : null);
        }
        return out;
    }

    /** A fresh {@link Stream} of this pipeline: the next row fed is the first of a series. */
    public Stream stream() {
        return new Stream();
    }

    /**
     * The vectors of one series fed in pieces (streaming keeps one per line and model version): the last
     * {@code lags} standardised rows and the {@link TemporalFeatures.State} are carried from piece to piece, so a
     * piece costs in proportion to its own rows, not to the look-back, and its vectors are exactly those
     * {@link #transform(NumericTable)} gives the same rows within the whole series. Not thread-safe.
     */
    public final class Stream {
        private final int p = variables.size();
        /** Standardised row t at slot t % (lags + 1). */
        private final double[][] recent = new double[lags + 1][p];
        private final TemporalFeatures.State features = temporal == null || !temporal.any() ? null
                : temporal.newState(p);
        /** The features of the row being fed (reused from row to row). */
        private final double[] derived = features == null ? null
                : new double[(temporal.blocks() + temporal.companionBlocks()) * p];
        private long rows;

        private Stream() {
        }

        /** Rows fed so far. */
        public long rows() {
            return rows;
        }

        /** How many of the next {@code n} rows get no vector: the series' first {@code lags} rows only serve as lags. */
        public int unscored(int n) {
            return (int) Math.min(n, Math.max(0, lags - rows));
        }

        /**
         * Feeds rows (model column order, missing values NaN) and returns the vectors of those after the first
         * {@link #unscored(int)} of them, in order.
         */
        public float[][] next(double[][] raw) {
            int skip = unscored(raw.length);
            float[][] out = new float[raw.length - skip][vectorSize()];
            for (int i = 0; i < raw.length; i++) {
                next(raw[i], i >= skip ? out[i - skip] : null);
            }
            return out;
        }

        /** Feeds one row and writes its vector into {@code out} (null: the row only serves as history). */
        void next(double[] raw, float[] out) {
            long row = rows;
            double[] z = recent[(int) (row % recent.length)];
            for (int j = 0; j < p; j++) {
                double v = raw[j];
                z[j] = ((Double.isNaN(v) ? medians[j] : v) - means[j]) / stds[j];
            }
            if (features != null) {
                features.next(z, derived);
            }
            rows++;
            if (out == null) {
                return;
            }
            for (int l = 0; l <= lags; l++) {
                double[] src = recent[(int) ((row - l) % recent.length)];
                for (int j = 0; j < p; j++) {
                    out[l * p + j] = (float) src[j];
                }
            }
            if (features != null) {
                int stacked = p * (lags + 1);
                int stdFrom = temporal.ewmaLambda() > 0 ? p : 0;
                int stdTo = temporal.window() > 0 ? stdFrom + p : stdFrom;
                // a moving standard deviation over fewer than `window` rows (the series just started) is shrunk
                // towards the normal level in proportion to the rows missing, as the EWMA starts from the mean
                double complete = temporal.window() > 0 ? Math.min(1, (row + 1.0) / temporal.window()) : 1;
                for (int j = 0; j < derived.length; j++) {
                    double v = (derived[j] - derivedMeans[j]) / derivedStds[j];
                    out[stacked + j] = (float) (j >= stdFrom && j < stdTo ? v * complete : v);
                }
            }
        }
    }

    /** Imputed and standardised readings, one row per input row. */
    private double[][] standardised(double[][] rows) {
        int p = variables.size();
        double[][] z = new double[rows.length][p];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < p; j++) {
                double v = rows[i][j];
                z[i][j] = ((Double.isNaN(v) ? medians[j] : v) - means[j]) / stds[j];
            }
        }
        return z;
    }

    /** Training rows with spikes clipped as in {@link #fit}, then transformed. */
    public float[][] transformClipped(NumericTable table, double spikeLimit) {
        return transform(new NumericTable(variables, clipped(aligned(table), medians, spikeLimit)));
    }

    /** Copies of the rows with values further than spikeLimit robust sigmas from the training median clipped. */
    private static double[][] clipped(NumericTable table, double[] medians, double spikeLimit) {
        double[][] rows = new double[table.rowCount()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = table.rows()[i].clone();
        }
        for (int j = 0; j < medians.length; j++) {
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
        return rows;
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
