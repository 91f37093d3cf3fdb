package io.poka.baselines.internal;

import io.poka.platform.ProblemException;
import java.util.List;

/** Rows sent for prediction do not match the model's columns or carry non-numeric values (400). */
public class BadRowsProblem extends ProblemException {
    public BadRowsProblem(String detail, List<String> missing, List<String> unknown, List<String> nonNumeric) {
        super(400, "baselines/bad-rows", "Rows do not fit the model", detail);
        with("missing", missing);
        with("unknown", unknown);
        with("nonNumeric", nonNumeric);
    }
}
