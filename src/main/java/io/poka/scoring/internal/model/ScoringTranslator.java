package io.poka.scoring.internal.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * All tensor code of scoring: standardised vectors in, per-feature squared reconstruction errors and the
 * discriminator's logit out. Stateless, so one instance may serve many predictors.
 */
final class ScoringTranslator implements NoBatchifyTranslator<float[][], ScoringTranslator.Raw> {

    /**
     * Squared standardised error of every input feature, row after row (row i at [i * width, (i + 1) * width)), and
     * the discriminator logit of each input row; flat, so a large batch costs no per-row arrays.
     */
    record Raw(float[] squaredErrors, int width, float[] discriminatorLogits) {
    }

    private static final String INPUT = "input";

    @Override
    public NDList processInput(TranslatorContext ctx, float[][] input) {
        NDArray x = ctx.getNDManager().create(input);
        ctx.setAttachment(INPUT, x);
        return new NDList(x);
    }

    @Override
    public Raw processOutput(TranslatorContext ctx, NDList list) {
        NDArray x = (NDArray) ctx.getAttachment(INPUT);
        NDArray errors = list.get(0).sub(x).square();
        int n = (int) x.getShape().get(0);
        int d = (int) x.getShape().get(1);
        return new Raw(errors.toFloatArray(), d, list.get(1).reshape(n).toFloatArray());
    }
}
