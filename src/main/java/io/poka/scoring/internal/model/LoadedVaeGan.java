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
import java.util.Arrays;

/**
 * A trained VAE-GAN in memory with its feature pipeline and score scale: loaded once per version and shared; every
 * call opens its own predictor, so no predictor is ever used by two threads.
 */
public final class LoadedVaeGan implements AutoCloseable {
    /** Rows per predictor call: bounds the native memory of one forward pass. */
    private static final int CHUNK = 16_384;
    private static final ScoringTranslator TRANSLATOR = new ScoringTranslator();

    /**
     * One scored row: score, its two parts (mean squared reconstruction error, discriminator's fake probability) and
     * the per-variable contributions (their sum = reconstruction).
     */
    public record Scored(double score, double reconstruction, double discriminator, double[] contributions) {
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
        try (Predictor<float[][], ScoringTranslator.Raw> predictor = model.newPredictor(TRANSLATOR)) {
            for (int start = 0; start < vectors.length; start += CHUNK) {
                float[][] chunk = Arrays.copyOfRange(vectors, start, Math.min(vectors.length, start + CHUNK));
                ScoringTranslator.Raw raw = predictor.predict(chunk);
                float[] e = raw.squaredErrors();
                for (int i = 0; i < chunk.length; i++) {
                    double[] contributions = new double[p];
                    int rowStart = i * d;
                    // the vector is p-wide blocks (lags, temporal features) in variable order
                    for (int block = rowStart; block < rowStart + d; block += p) {
                        for (int j = 0; j < p; j++) {
                            contributions[j] += e[block + j];
                        }
                    }
                    double reconstruction = 0;
                    for (int j = 0; j < p; j++) {
                        contributions[j] /= d;
                        reconstruction += contributions[j];
                    }
                    double discriminator = ScoreScale.fakeProbability(raw.discriminatorLogits()[i]);
                    out[start + i] = new Scored(scale == null ? Double.NaN : scale.score(reconstruction, discriminator),
                            reconstruction, discriminator, contributions);
                }
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("scoring failed in the engine: " + e.getMessage(), e);
        }
        return out;
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
