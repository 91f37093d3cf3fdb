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
     * slow filtered inputs, each in variable order. The rows are fed through one {@link State}, so a series fed to a
     * state in pieces gets exactly these values.
     */
    public double[][] of(double[][] z) {
        int n = z.length;
        int p = n == 0 ? 0 : z[0].length;
        double[][] out = new double[n][(blocks() + companionBlocks()) * p];
        State state = new State(p);
        for (int i = 0; i < n; i++) {
            state.next(z[i], out[i]);
        }
        return out;
    }

    /** A fresh running state over rows of {@code p} standardised values, before the first row of a series. */
    public State newState(int p) {
        return new State(p);
    }

    /**
     * The features carried from row to row: the running EWMAs, the moving window's sums, and a ring of the last rows
     * the bounded memories drop again. Feeding a series row by row (in any split into pieces) gives exactly the
     * values of {@link #of} over the whole series, at a cost per row that does not grow with the look-back; not
     * thread-safe (streaming keeps one per line and model version, used under the line's lock).
     */
    public final class State {
        private final int p;
        private final double[] ewma;
        private final double[] sum;
        private final double[] sumSq;
        private final double[] drift;
        /** Row t is kept at slot t % ring.length until the longest memory has dropped it. */
        private final double[][] ring;
        private final int ewmaRows = ewmaRows();
        private final int driftRows = TemporalFeatures.rows(driftLambda);
        // e_t = sum_{k < H} lambda (1 - lambda)^k z_t-k, kept as a running sum: the row leaving the memory is taken off
        private final double leaving = ewmaLambda * Math.pow(1 - ewmaLambda, ewmaRows);
        private final double driftLeaving = driftLambda * Math.pow(1 - driftLambda, driftRows);
        private long rows;

        private State(int p) {
            this.p = p;
            ewma = new double[p];
            sum = new double[p];
            sumSq = new double[p];
            drift = new double[p];
            ring = new double[Math.max(1, Math.max(Math.max(ewmaRows, window), driftRows))][p];
        }

        /** Rows fed so far. */
        public long rows() {
            return rows;
        }

        /**
         * Feeds the next row (standardised, p values) and writes its features into {@code o} (({@link #blocks()} +
         * {@link #companionBlocks()}) * p values, laid out as in {@link #of}).
         */
        public void next(double[] row, double[] o) {
            double[] old = ewmaRows > 0 && rows >= ewmaRows ? back(ewmaRows) : null;
            double[] gone = window > 0 && rows >= window ? back(window) : null;
            double[] driftOld = driftRows > 0 && rows >= driftRows ? back(driftRows) : null;
            int at = ewmaLambda > 0 ? p : 0;
            int driftAt = blocks() * p;
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
            // the slot of the row `ring.length` back, read above if a memory is that long, takes this row
            System.arraycopy(row, 0, ring[(int) (rows % ring.length)], 0, p);
            rows++;
        }

        /** The row {@code k} rows before the one being fed (1 <= k <= ring length, k <= rows fed). */
        private double[] back(int k) {
            return ring[(int) ((rows - k) % ring.length)];
        }
    }
}
