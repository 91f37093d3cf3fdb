package io.poka.ncr.internal;

import io.poka.ncr.NcrStatus;
import io.poka.platform.ProblemException;
import java.util.Set;
import java.util.TreeSet;

/** The nonconformance module's problems (application/problem+json, type urn:poka:problem:ncr/...). */
public final class NcrProblems {
    private NcrProblems() {
    }

    /** The action is not allowed in the report's status. */
    public static class IllegalTransition extends ProblemException {
        public IllegalTransition(NcrStatus from, NcrStatusMachine.Action action, Set<NcrStatusMachine.Action> allowed) {
            super(409, "ncr/illegal-transition", "Action not allowed in this status",
                    "a report in " + from + " cannot " + action + "; allowed: " + new TreeSet<>(allowed));
            with("status", from.name());
            with("action", action.name());
            with("allowed", new TreeSet<>(allowed.stream().map(Enum::name).toList()));
        }
    }

    /** The action is allowed in the status but a precondition does not hold (e.g. closing without a root cause). */
    public static class NotReady extends ProblemException {
        public NotReady(String what, String detail) {
            super(409, "ncr/" + what, "Report not ready", detail);
        }
    }

    /** Disposition quantities of a lot do not add up to its suspect quantity. */
    public static class QuantitiesDoNotReconcile extends ProblemException {
        public QuantitiesDoNotReconcile(String detail, java.util.List<java.util.Map<String, Object>> lots) {
            super(422, "ncr/quantities-do-not-reconcile", "Disposition quantities do not reconcile", detail);
            with("lots", lots);
        }
    }

    /** An attachment refused: too large, empty, or of a type not allowed (judged by its content). */
    public static class AttachmentRefused extends ProblemException {
        public AttachmentRefused(int status, String what, String detail) {
            super(status, "ncr/attachment-" + what, "Attachment refused", detail);
        }
    }

    /** If-Match named an older version of the report. */
    public static class StaleVersion extends ProblemException {
        public StaleVersion(long current, String given) {
            super(412, "ncr/stale-version", "The report changed since it was read",
                    "If-Match " + given + " does not match the current version " + current);
            with("currentVersion", current);
        }
    }

    /** A defect-code change that would loop the catalogue or conflicts with an existing code. */
    public static class CatalogueConflict extends ProblemException {
        public CatalogueConflict(String detail) {
            super(409, "ncr/defect-code-conflict", "Defect catalogue conflict", detail);
        }
    }
}
