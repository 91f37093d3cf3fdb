package io.poka.baselines.internal;

import io.poka.platform.ProblemException;
import java.util.List;

/** Data the anomaly comparison cannot use: too many training rows (422) or a fault data set missing columns (400). */
public class ComparisonProblem extends ProblemException {
    private ComparisonProblem(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static ComparisonProblem tooManyRows(int rows, int limit) {
        ComparisonProblem p = new ComparisonProblem(422, "baselines/too-many-rows", "Too many training rows",
                "The VAE-GAN trained on " + rows + " rows; the baselines fit on at most " + limit
                        + " (poka.baselines.anomaly-max-training-rows)");
        p.with("trainingRows", rows);
        p.with("limit", limit);
        return p;
    }

    public static ComparisonProblem wrongColumns(String field, Object datasetId, List<String> missing) {
        ComparisonProblem p = new ComparisonProblem(400, "baselines/wrong-columns", "Fault data set lacks columns",
                field + " (data set " + datasetId + ") lacks columns of the normal data set: " + missing);
        p.with("field", field);
        p.with("missing", missing);
        return p;
    }
}
