package io.poka.scoring.internal.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import io.poka.scoring.internal.data.NumericTable;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * A trained VAE-GAN in memory with its feature pipeline and score scale: loaded once per version and shared; every
 * call opens its own predictor, so no predictor is ever used by two threads.
 */
public final class LoadedVaeGan implements AutoCloseable {
    /** Rows per predictor call: bounds the native memory of one forward pass. */
    private static final int CHUNK = 16_384;
    private static final ScoringTranslator TRANSLATOR = new ScoringTranslator();

    /**
     * One scored row: the served score (the combined monitor's, or the VAE-GAN's for models without companions), the
     * VAE-GAN's own score and its two parts (mean squared reconstruction error, discriminator's fake probability),
     * the per-variable contributions (their sum = reconstruction), and the companions' per-variable maxima over the
     * current standardised row ({@code jump}), the filtered inputs ({@code shift}), the moving standard deviations
     * ({@code spread}) and the slow filtered inputs ({@code drift}); the last three are 0 without those features.
     */
    public record Scored(double score, double vae, double reconstruction, double discriminator, double[] contributions,
            double jump, double shift, double spread, double drift) {
    }

    private final Model model;
    private final FeaturePipeline pipeline;
    private final ScoreScale scale;

    private LoadedVaeGan(Model model, FeaturePipeline pipeline, ScoreScale scale) {
        this.model = model;
        this.pipeline = pipeline;
        this.scale = scale;
    }

    /** Rebuilds the network from its hyperparameters and loads the stored parameters. */
    public static LoadedVaeGan load(byte[] parameters, Hyperparameters h, FeaturePipeline pipeline, ScoreScale scale,
            Device device) {
        Model model = Model.newInstance("vaegan", device, "PyTorch");
        try {
            VaeGanBlock block = new VaeGanBlock(pipeline.inputSize(), h);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, pipeline.inputSize()));
            block.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(parameters)));
            // scoring never trains: without gradients the engine records no autograd graph in the forward pass
            block.freezeParameters(true);
            model.setBlock(block);
            return new LoadedVaeGan(model, pipeline, scale);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("stored model parameters cannot be loaded: " + e.getMessage(), e);
        }
    }

    public FeaturePipeline pipeline() {
        return pipeline;
    }

    public ScoreScale scale() {
        return scale;
    }

    /** Scores every row of the table that has {@code lags} rows of history; result k belongs to row k + lags. */
    public Scored[] score(NumericTable table) {
        return score(pipeline.transform(table));
    }

    /**
     * Scores the rows after the first max(lags, historyRows), which only serve as history; result k belongs to row
     * k + max(lags, historyRows).
     */
    public Scored[] score(NumericTable table, int historyRows) {
        return score(pipeline.transform(table, historyRows));
    }

    /** Scores already transformed input vectors. */
    public Scored[] score(float[][] vectors) {
        int p = pipeline.variables().size();
        int d = pipeline.inputSize();
        Scored[] out = new Scored[vectors.length];
        // blocks of the input vector: lags (the current row first), then the filtered inputs, then the moving stds
        int stacked = p * (pipeline.lags() + 1);
        TemporalFeatures t = pipeline.temporal();
        int shiftFrom = stacked;
        int shiftTo = t != null && t.ewmaLambda() > 0 ? stacked + p : stacked;
        int spreadFrom = shiftTo;
        int spreadTo = t != null && t.window() > 0 ? spreadFrom + p : spreadFrom;
        int driftFrom = d;
        int driftTo = t != null && t.companionBlocks() > 0 ? driftFrom + p : driftFrom;
        ScoreScale.Companions companions = scale == null ? null : scale.companions();
        // one flat buffer reused by every chunk: the engine copies it in, no per-row arrays on the way
        float[] flat = new float[Math.min(vectors.length, CHUNK) * d];
        try (Predictor<ScoringTranslator.Batch, ScoringTranslator.Raw> predictor = model.newPredictor(TRANSLATOR)) {
            for (int start = 0; start < vectors.length; start += CHUNK) {
                int rows = Math.min(CHUNK, vectors.length - start);
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(vectors[start + i], 0, flat, i * d, d);
                }
                ScoringTranslator.Raw raw = predictor.predict(new ScoringTranslator.Batch(flat, rows, d, p));
                float[] e = raw.variableErrors();
                float[] logits = raw.discriminatorLogits();
                for (int i = 0; i < rows; i++) {
                    double[] contributions = new double[p];
                    double reconstruction = 0;
                    int rowStart = i * p;
                    for (int j = 0; j < p; j++) {
                        contributions[j] = e[rowStart + j] / (double) d;
                        reconstruction += contributions[j];
                    }
                    double discriminator = ScoreScale.fakeProbability(logits[i]);
                    double vae = scale == null ? Double.NaN : scale.score(reconstruction, discriminator);
                    float[] v = vectors[start + i];
                    double jump = maxAbs(v, 0, p);
                    double shift = maxAbs(v, shiftFrom, shiftTo);
                    double spread = maxAbs(v, spreadFrom, spreadTo);
                    double drift = maxAbs(v, driftFrom, driftTo);
                    double score = companions == null ? vae : companions.combine(vae, jump, shift, spread, drift);
                    out[start + i] = new Scored(score, vae, reconstruction, discriminator, contributions, jump, shift,
                            spread, drift);
                }
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("scoring failed in the engine: " + e.getMessage(), e);
        }
        return out;
    }

    /** Largest |v_j| for j in [from, to); 0 for an empty range. */
    static double maxAbs(float[] v, int from, int to) {
        float max = 0;
        for (int j = from; j < to; j++) {
            max = Math.max(max, Math.abs(v[j]));
        }
        return max;
    }

    /** A copy that uses another score scale (the training job sets it once the medians are known). */
    public LoadedVaeGan withScale(ScoreScale newScale) {
        return new LoadedVaeGan(model, pipeline, newScale);
    }

    @Override
    public void close() {
        model.close();
    }
}
