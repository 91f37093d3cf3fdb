package io.poka.platform;

import java.util.List;

/** Input that is well-formed but not acceptable (400), with one entry per offending field. */
public class ValidationProblem extends ProblemException {
    /** One rejected field and why. */
    public record FieldError(String field, String message) {
    }

    public ValidationProblem(String detail, List<FieldError> errors) {
        super(400, "validation", "Invalid request", detail);
        with("errors", errors);
    }

    public ValidationProblem(String field, String message) {
        this(field + ": " + message, List.of(new FieldError(field, message)));
    }
}
