package io.poka.baselines.internal;

import io.poka.platform.ProblemException;
import java.util.List;

/**
 * Rows sent for prediction lack some of the model's features (422), named per row so the caller can add them; rows
 * that also carry unknown or non-numeric values get {@link BadRowsProblem} (400) instead, as before.
 */
public class MissingFeaturesProblem extends ProblemException {
    public MissingFeaturesProblem(List<String> features, List<String> missing) {
        super(422, "baselines/missing-features", "Missing features", "The model predicts from " + features
                + "; missing: " + (missing.size() > 10 ? missing.subList(0, 10) + "..." : missing));
        with("missing", missing);
        with("features", features);
    }
}
