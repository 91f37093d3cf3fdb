package io.poka.diagnosis.internal;

import io.poka.platform.ProblemException;

/** The diagnosis module's problems (stable {@code type} slugs diagnosis/...). */
final class DiagnosisProblems {
    private DiagnosisProblems() {
    }

    /** No model has been trained for the data set yet (404). */
    static final class NoModelProblem extends ProblemException {
        NoModelProblem(String dataset) {
            super(404, "diagnosis/no-model", "No diagnosis model",
                    "no diagnosis model of data set '" + dataset + "' has been trained; POST /api/v1/diagnosis/datasets/"
                            + dataset + "/training-jobs trains one");
            with("dataset", dataset);
        }
    }

    /** The line has too few stored readings of a model variable before the window's end (422). */
    static final class NotEnoughReadingsProblem extends ProblemException {
        NotEnoughReadingsProblem(String line, String variable, int found, int needed) {
            super(422, "diagnosis/not-enough-readings", "Not enough readings",
                    "line '" + line + "' has " + found + " reading(s) of '" + variable + "' before the window's end; "
                            + needed + " are needed");
            with("line", line);
            with("variable", variable);
            with("found", found);
            with("needed", needed);
        }
    }

    /** Too many training jobs queued or running (429). */
    static final class QueueFullProblem extends ProblemException {
        QueueFullProblem(int limit) {
            super(429, "diagnosis/training-queue-full", "Training queue full",
                    limit + " diagnosis training job(s) already queued or running; try again when one has finished");
            with("limit", limit);
        }
    }
}
