package io.poka.scoring.internal.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;

/**
 * All tensor code of scoring: a flat batch of standardised vectors in, per-variable sums of squared reconstruction
 * errors and the discriminator's logit out. The per-variable reduction over the vector's p-wide blocks (lags,
 * temporal features) runs in the engine, so only p values per row come back. Stateless, so one instance may serve
 * many predictors.
 */
final class ScoringTranslator implements NoBatchifyTranslator<ScoringTranslator.Batch, ScoringTranslator.Raw> {

    /** Rows i at [i * width, (i + 1) * width) of {@code values}; each row is blocks of {@code variables} values. */
    record Batch(float[] values, int rows, int width, int variables) {
    }

    /**
     * Per row the sum over the row's blocks of each variable's squared standardised error (row i at [i * p, (i + 1) *
     * p)), and the discriminator logit of each input row; flat, so a large batch costs no per-row arrays.
     */
    record Raw(float[] variableErrors, int variables, float[] discriminatorLogits) {
    }

    private static final String INPUT = "input";

    @Override
    public NDList processInput(TranslatorContext ctx, Batch input) {
        NDArray x = ctx.getNDManager().create(FloatBuffer.wrap(input.values(), 0, input.rows() * input.width()),
                new Shape(input.rows(), input.width()));
        ctx.setAttachment(INPUT, input);
        ctx.setAttachment("x", x);
        return new NDList(x);
    }

    @Override
    public Raw processOutput(TranslatorContext ctx, NDList list) {
        Batch batch = (Batch) ctx.getAttachment(INPUT);
        NDArray x = (NDArray) ctx.getAttachment("x");
        int n = batch.rows();
        int p = batch.variables();
        NDArray perVariable = list.get(0).sub(x).square().reshape(n, batch.width() / p, p).sum(new int[] {1});
        return new Raw(perVariable.toFloatArray(), p, list.get(1).reshape(n).toFloatArray());
    }
}
