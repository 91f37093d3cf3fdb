package io.poka.platform;

/** The request contradicts the current state (409), e.g. a duplicate key or a stale version. */
public class ConflictProblem extends ProblemException {
    public ConflictProblem(String typeSlug, String detail) {
        super(409, typeSlug, "Conflict", detail);
    }
}
