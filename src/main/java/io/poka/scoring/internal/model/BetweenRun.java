package io.poka.scoring.internal.model;

import io.poka.scoring.internal.data.NumericTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Between-run variation of a process, as a random effect per variable: a new normal run sits at an offset m_j from
 * the training level and varies e^u_j times as much, m_j ~ N(0, k tau_m,j^2), u_j ~ N(0, k tau_s,j^2). The variances
 * are estimated from consecutive blocks of the training rows (tau_m^2: variance of the block means of the
 * standardised variable; tau_s^2: variance of the log block standard deviations); a block of one run varies less than
 * a new run does, so k (hyperparameter {@code betweenRun}) scales them. Cross-fitting scores held-out blocks also as
 * perturbed copies drawn from this model, so limits are calibrated for a new run, not only for a block of the
 * training run (issue 14: near-invisible-fault runs were flagged on 2-8 % of rows at a 1 % target).
 *
 * @param levelVariance tau_m^2 per variable, times k (in standard deviations of the variable, squared)
 * @param logScaleVariance tau_s^2 per variable, times k
 */
public record BetweenRun(double[] levelVariance, double[] logScaleVariance) {

    /** Perturbed copies of every held-out block the cross-fit scores (beside the block itself). */
    public static final int REPLICATES = 19;

    /** Copies of the training rows a network is trained on beside the rows themselves (see {@link #trainingCopies}). */
    public static final int TRAINING_COPIES = 8;

    /**
     * Smallest block standard deviation counted, as a share of the pooled one: a variable nearly constant within each
     * block (a setpoint that steps between blocks, a quantised reading) has log block standard deviations near
     * ln(1e-6), and their variance drew scale factors of 1000x, finite but pushing every limit up.
     */
    static final double MIN_BLOCK_SD = 0.1;

    /** A drawn scale factor is kept within [1 / MAX_SCALE, MAX_SCALE]. */
    static final double MAX_SCALE = 4;

    /**
     * Estimates the variances from {@code blocks} consecutive blocks of the pipeline's standardised training rows,
     * times {@code k}; k = 0 gives no variation.
     */
    public static BetweenRun estimate(NumericTable train, FeaturePipeline pipeline, int blocks, double k) {
        int p = pipeline.variables().size();
        double[][] rows = pipeline.aligned(train).rows();
        int n = rows.length;
        double[][] means = new double[blocks][p];
        double[][] logSds = new double[blocks][p];
        for (int b = 0; b < blocks; b++) {
            int from = (int) Math.round((double) n * b / blocks);
            int to = (int) Math.round((double) n * (b + 1) / blocks);
            for (int j = 0; j < p; j++) {
                double sum = 0;
                double sumSq = 0;
                int count = 0;
                for (int i = from; i < to; i++) {
                    double v = rows[i][j];
                    if (!Double.isNaN(v)) {
                        double z = (v - pipeline.means()[j]) / pipeline.stds()[j];
                        sum += z;
                        sumSq += z * z;
                        count++;
                    }
                }
                double mean = count == 0 ? 0 : sum / count;
                double var = count < 2 ? 1 : Math.max(MIN_BLOCK_SD * MIN_BLOCK_SD,
                        (sumSq - count * mean * mean) / (count - 1));
                means[b][j] = mean;
                logSds[b][j] = 0.5 * Math.log(var);
            }
        }
        double[] level = new double[p];
        double[] logScale = new double[p];
        for (int j = 0; j < p; j++) {
            level[j] = k * variance(means, j);
            logScale[j] = k * variance(logSds, j);
        }
        return new BetweenRun(level, logScale);
    }

    /** True when no variation is modelled (k = 0). */
    public boolean none() {
        for (int j = 0; j < levelVariance.length; j++) {
            if (levelVariance[j] > 0 || logScaleVariance[j] > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code replicates} copies of the table, each as if recorded in another run: per copy and variable one draw of
     * (m_j, u_j), x' = mean_j + (x - mean_j) e^u_j + m_j std_j with the pipeline's mean and standard deviation; missing
     * values stay missing.
     */
    public List<NumericTable> perturbedCopies(NumericTable table, FeaturePipeline pipeline, int replicates,
            Random random) {
        NumericTable t = pipeline.aligned(table);
        int p = levelVariance.length;
        List<NumericTable> out = new ArrayList<>(replicates);
        for (int r = 0; r < replicates; r++) {
            double[] offset = new double[p];
            double[] factor = new double[p];
            for (int j = 0; j < p; j++) {
                offset[j] = random.nextGaussian() * Math.sqrt(levelVariance[j]) * pipeline.stds()[j];
                factor[j] = Math.min(MAX_SCALE, Math.max(1 / MAX_SCALE,
                        Math.exp(random.nextGaussian() * Math.sqrt(logScaleVariance[j]))));
            }
            double[][] rows = new double[t.rowCount()][p];
            for (int i = 0; i < rows.length; i++) {
                double[] src = t.rows()[i];
                for (int j = 0; j < p; j++) {
                    double mean = pipeline.means()[j];
                    rows[i][j] = Double.isNaN(src[j]) ? Double.NaN : mean + (src[j] - mean) * factor[j] + offset[j];
                }
            }
            out.add(new NumericTable(t.variables(), rows));
        }
        return out;
    }

    /**
     * The network's training vectors of {@code copies} versions of the training rows, each as if recorded in another
     * run ({@link #perturbedCopies} of every segment, one draw per copy and segment, then clipped and transformed like
     * the rows themselves): {@code result.get(c)[i]} is row i's vector in copy c, aligned with
     * {@code pipeline.transformClipped} of the segments in order. Training on them teaches the network that such
     * offsets and scale changes are normal (issue 14: the VAE-GAN's own score raised the alarms on new runs).
     */
    public List<float[][]> trainingCopies(List<NumericTable> segments, FeaturePipeline pipeline, double spikeLimit,
            int copies, Random random) {
        List<List<float[]>> out = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            out.add(new ArrayList<>());
        }
        for (NumericTable segment : segments) {
            if (segment.rowCount() <= pipeline.lags()) {
                continue;
            }
            List<NumericTable> drawn = perturbedCopies(segment, pipeline, copies, random);
            for (int c = 0; c < copies; c++) {
                out.get(c).addAll(java.util.Arrays.asList(pipeline.transformClipped(drawn.get(c), spikeLimit)));
            }
        }
        return out.stream().map(l -> l.toArray(float[][]::new)).toList();
    }

    private static double variance(double[][] byBlock, int j) {
        int b = byBlock.length;
        if (b < 2) {
            return 0;
        }
        double mean = 0;
        for (double[] row : byBlock) {
            mean += row[j];
        }
        mean /= b;
        double ss = 0;
        for (double[] row : byBlock) {
            ss += (row[j] - mean) * (row[j] - mean);
        }
        return ss / (b - 1);
    }
}
