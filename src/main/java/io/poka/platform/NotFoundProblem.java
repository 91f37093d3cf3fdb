package io.poka.platform;

/** A referenced record does not exist (404); modules throw it with their own entity name. */
public class NotFoundProblem extends ProblemException {
    public NotFoundProblem(String entity, Object id) {
        super(404, "not-found", "Not found", entity + " '" + id + "' does not exist");
        with("entity", entity);
        with("id", String.valueOf(id));
    }
}
