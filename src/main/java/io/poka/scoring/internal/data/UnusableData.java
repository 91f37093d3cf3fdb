package io.poka.scoring.internal.data;

import io.poka.platform.ProblemException;

/**
 * Data that parses as a request but cannot train or be scored (422): too few rows, constant or non-numeric columns,
 * columns that do not match the model. {@code reason} is a stable machine-readable code.
 */
public class UnusableData extends ProblemException {
    public UnusableData(String reason, String detail) {
        super(422, "scoring/unusable-data", "Unusable data", detail);
        with("reason", reason);
    }

    /** Adds the offending column, row or similar location to the problem document. */
    public UnusableData at(String name, Object value) {
        with(name, value);
        return this;
    }
}
