package io.poka.scoring.internal.model;

/**
 * Per-variable features over recent rows of standardised readings, so that a model that sees one input vector at a
 * time still sees the process's recent behaviour: an EWMA of each variable (small sustained mean shifts stand out of
 * the noise once filtered: the MEWMA idea, Lowry et al., Technometrics 1992) and the standard deviation of each
 * variable over the last {@code window} rows (faults that change the dynamics, not the level). Both look back a
 * bounded number of rows ({@link #history()}), rows before the first of a series count as the training mean (0), so a
 * streamed window preceded by that many stored rows gives exactly the features of one long batch.
 *
 * A third, slower EWMA ({@code driftLambda}) is computed for the combined monitor's drift statistic only: it follows
 * the network's blocks in every vector and is not an input of the network ({@link #blocks()} counts the network's).
 *
 * @param ewmaLambda weight of the newest row in the filtered inputs, 0 = no filtered inputs
 * @param window rows of the moving standard deviation, 0 = none
 * @param driftLambda weight of the newest row in the slow filtered copy read by the drift statistic, 0 = none (models
 *        stored before it)
 */
public record TemporalFeatures(double ewmaLambda, int window, double driftLambda) {

    /** Without the drift block (models stored before it). */
    public TemporalFeatures(double ewmaLambda, int window) {
        this(ewmaLambda, window, 0);
    }

    /** The EWMA's weights are cut where they fall below 1 % of the newest row's (so its memory is bounded). */
    static final double EWMA_CUT = 0.01;

    public static final TemporalFeatures NONE = new TemporalFeatures(0, 0, 0);

    public boolean any() {
        return ewmaLambda > 0 || window > 0 || driftLambda > 0;
    }

    /** Number of derived feature blocks the network sees (each one value per variable). */
    public int blocks() {
        return (ewmaLambda > 0 ? 1 : 0) + (window > 0 ? 1 : 0);
    }

    /** Number of derived blocks after the network's (the drift block), read by the combined monitor only. */
    public int companionBlocks() {
        return driftLambda > 0 ? 1 : 0;
    }

    /** Rows of the EWMA's bounded memory (newest included). */
    int ewmaRows() {
        return rows(ewmaLambda);
    }

    private static int rows(double lambda) {
        return lambda <= 0 ? 0 : lambda >= 1 ? 1 : 1 + (int) Math.ceil(Math.log(EWMA_CUT) / Math.log(1 - lambda));
    }

    /** Rows before a row that its features depend on. */
    public int history() {
        return Math.max(0, Math.max(Math.max(ewmaRows(), window), rows(driftLambda)) - 1);
    }

    /**
     * The derived features of every row of {@code z} (standardised, rows in time order), ({@link #blocks()} +
     * {@link #companionBlocks()}) * p values per row: the filtered inputs, the moving standard deviations, then the
     * slow filtered inputs, each in variable order.
     */
    public double[][] of(double[][] z) {
        int n = z.length;
        int p = n == 0 ? 0 : z[0].length;
        double[][] out = new double[n][(blocks() + companionBlocks()) * p];
        int ewmaRows = ewmaRows();
        // e_t = sum_{k < H} lambda (1 - lambda)^k z_t-k, kept as a running sum: the row leaving the memory is taken off
        double leaving = ewmaLambda * Math.pow(1 - ewmaLambda, ewmaRows);
        int driftRows = rows(driftLambda);
        double driftLeaving = driftLambda * Math.pow(1 - driftLambda, driftRows);
        int driftAt = blocks() * p;
        double[] drift = new double[p];
        double[] ewma = new double[p];
        double[] sum = new double[p];
        double[] sumSq = new double[p];
        int at = ewmaLambda > 0 ? p : 0;
        for (int i = 0; i < n; i++) {
            double[] row = z[i];
            double[] old = ewmaRows > 0 && i >= ewmaRows ? z[i - ewmaRows] : null;
            double[] gone = window > 0 && i >= window ? z[i - window] : null;
            double[] driftOld = driftRows > 0 && i >= driftRows ? z[i - driftRows] : null;
            double[] o = out[i];
            for (int j = 0; j < p; j++) {
                double v = row[j];
                if (ewmaLambda > 0) {
                    ewma[j] = ewmaLambda * v + (1 - ewmaLambda) * ewma[j] - (old == null ? 0 : leaving * old[j]);
                    o[j] = ewma[j];
                }
                if (window > 0) {
                    sum[j] += v - (gone == null ? 0 : gone[j]);
                    sumSq[j] += v * v - (gone == null ? 0 : gone[j] * gone[j]);
                    double mean = sum[j] / window;
                    o[at + j] = Math.sqrt(Math.max(0, sumSq[j] / window - mean * mean));
                }
                if (driftLambda > 0) {
                    drift[j] = driftLambda * v + (1 - driftLambda) * drift[j]
                            - (driftOld == null ? 0 : driftLeaving * driftOld[j]);
                    o[driftAt + j] = drift[j];
                }
            }
        }
        return out;
    }
}
