package io.poka.scoring.internal.model;

/**
 * Per-variable features over recent rows of standardised readings, so that a model that sees one input vector at a
 * time still sees the process's recent behaviour: an EWMA of each variable (small sustained mean shifts stand out of
 * the noise once filtered: the MEWMA idea, Lowry et al., Technometrics 1992) and the standard deviation of each
 * variable over the last {@code window} rows (faults that change the dynamics, not the level). Both look back a
 * bounded number of rows ({@link #history()}), rows before the first of a series count as the training mean (0), so a
 * streamed window preceded by that many stored rows gives exactly the features of one long batch.
 *
 * @param ewmaLambda weight of the newest row in the filtered inputs, 0 = no filtered inputs
 * @param window rows of the moving standard deviation, 0 = none
 */
public record TemporalFeatures(double ewmaLambda, int window) {

    /** The EWMA's weights are cut where they fall below 1 % of the newest row's (so its memory is bounded). */
    static final double EWMA_CUT = 0.01;

    public static final TemporalFeatures NONE = new TemporalFeatures(0, 0);

    public boolean any() {
        return ewmaLambda > 0 || window > 0;
    }

    /** Number of derived feature blocks (each one value per variable). */
    public int blocks() {
        return (ewmaLambda > 0 ? 1 : 0) + (window > 0 ? 1 : 0);
    }

    /** Rows of the EWMA's bounded memory (newest included). */
    int ewmaRows() {
        return ewmaLambda <= 0 ? 0 : ewmaLambda >= 1 ? 1
                : 1 + (int) Math.ceil(Math.log(EWMA_CUT) / Math.log(1 - ewmaLambda));
    }

    /** Rows before a row that its features depend on. */
    public int history() {
        return Math.max(0, Math.max(ewmaRows(), window) - 1);
    }

    /**
     * The derived features of every row of {@code z} (standardised, rows in time order), {@link #blocks()} * p values
     * per row: first the filtered inputs, then the moving standard deviations, each in variable order.
     */
    public double[][] of(double[][] z) {
        int n = z.length;
        int p = n == 0 ? 0 : z[0].length;
        double[][] out = new double[n][blocks() * p];
        int ewmaRows = ewmaRows();
        double[] weights = new double[ewmaRows];
        for (int k = 0; k < ewmaRows; k++) {
            weights[k] = ewmaLambda * Math.pow(1 - ewmaLambda, k);
        }
        for (int i = 0; i < n; i++) {
            int at = 0;
            if (ewmaLambda > 0) {
                for (int k = 0; k < ewmaRows && i - k >= 0; k++) {
                    double[] row = z[i - k];
                    for (int j = 0; j < p; j++) {
                        out[i][j] += weights[k] * row[j];
                    }
                }
                at = p;
            }
            if (window > 0) {
                for (int j = 0; j < p; j++) {
                    double sum = 0;
                    double sumSq = 0;
                    for (int k = Math.max(0, i - window + 1); k <= i; k++) {
                        sum += z[k][j];
                        sumSq += z[k][j] * z[k][j];
                    }
                    double mean = sum / window;
                    out[i][at + j] = Math.sqrt(Math.max(0, sumSq / window - mean * mean));
                }
            }
        }
        return out;
    }
}
