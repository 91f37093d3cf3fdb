package io.poka.baselines.internal.model;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.explanations.lime.LIMEBase;
import org.tribuo.classification.explanations.lime.LIMEExplanation;
import org.tribuo.regression.slm.LARSLassoTrainer;

/**
 * Per-prediction explanations of a classifier with Tribuo's LIME (Ribeiro et al., KDD 2016): {@code samples} points are
 * drawn around the row from each feature's training distribution, the classifier predicts them, and a sparse linear
 * surrogate (LARS-lasso, at most {@code features} features, samples weighted by closeness to the row) is fitted to the
 * class probabilities. The surrogate's coefficients for the predicted class are the contributions: how much that
 * class's probability changes per unit of the feature near this row.
 */
public final class LimeExplanations {
    private final LIMEBase lime;
    private final int features;
    private final int samples;

    /**
     * @param model a classifier that produces probabilities (both built-in classifiers do)
     * @param seed seeds the sampling, so the same row and model give the same explanation
     */
    public LimeExplanations(Model<Label> model, int features, int samples, long seed) {
        this.lime = new LIMEBase(new SplittableRandom(seed), model, new LARSLassoTrainer(features), samples);
        this.features = features;
        this.samples = samples;
    }

    /** The explanation of one row: predicted label, contributions (largest magnitude first) and surrogate fit. */
    public Map<String, Object> explain(Example<Label> row) {
        LIMEExplanation e = lime.explain(row);
        String label = e.getPrediction().getOutput().getLabel();
        Map<String, List<Pair<String, Double>>> top = e.getModel().getTopFeatures(features);
        List<Pair<String, Double>> pairs = top.getOrDefault(label, List.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "LIME (Tribuo LIMEBase, LARS-lasso surrogate)");
        m.put("label", label);
        m.put("samples", samples);
        m.put("surrogateRmse", e.getRMSE(label));
        m.put("contributions", pairs.stream().filter(p -> p.getB() != 0 && !p.getA().equals(Model.BIAS_FEATURE))
                .map(p -> Map.<String, Object>of("feature", p.getA(), "weight", p.getB())).toList());
        return m;
    }
}
