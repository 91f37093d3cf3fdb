package io.poka.capa.internal;

import io.poka.capa.CapaStatus;
import io.poka.platform.ProblemException;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The CAPA module's refusals, each a problem with a stable {@code capa/...} type. */
final class CapaProblems {
    private CapaProblems() {
    }

    /** The status machine does not allow the move (409). */
    static final class IllegalTransition extends ProblemException {
        IllegalTransition(CapaStatus from, CapaStatus to, Set<CapaStatus> allowed) {
            super(409, "capa/illegal-transition", "Illegal CAPA status transition",
                    "a CAPA in " + from + " cannot move to " + to + "; allowed from " + from + ": " + new TreeSet<>(allowed));
            with("from", from);
            with("to", to);
            with("allowed", new TreeSet<>(allowed));
        }
    }

    /** The effectiveness window cannot start without a criterion to evaluate (409). */
    static final class NoCriterion extends ProblemException {
        NoCriterion(UUID id) {
            super(409, "capa/no-effectiveness-criterion", "No effectiveness criterion",
                    "CAPA " + id + " has no effectiveness criterion; define one before the effectiveness window starts");
        }
    }

    /** Closure needs a passed evaluation of the criterion inside the current window (409). */
    static final class EffectivenessNotProven extends ProblemException {
        EffectivenessNotProven(UUID id, String latest) {
            super(409, "capa/effectiveness-not-proven", "Effectiveness not proven",
                    "CAPA " + id + " cannot be closed: its latest effectiveness evaluation in the current window is "
                            + latest + "; closure needs PASSED");
            with("latestResult", latest);
        }
    }

    /** The request named a version that is not the current one (409). */
    static final class StaleVersion extends ProblemException {
        StaleVersion(UUID id, long expected, long actual) {
            super(409, "capa/stale-version", "CAPA changed meanwhile",
                    "CAPA " + id + " is at version " + actual + ", the request expected " + expected);
            with("currentVersion", actual);
        }
    }

    /** The criterion cannot be evaluated now: the data it needs does not exist (409). */
    static final class CannotEvaluate extends ProblemException {
        CannotEvaluate(String detail) {
            super(409, "capa/cannot-evaluate", "Effectiveness criterion cannot be evaluated", detail);
        }
    }

    /** Effectiveness is evaluated only while the window runs (409). */
    static final class NotInWindow extends ProblemException {
        NotInWindow(UUID id, CapaStatus status) {
            super(409, "capa/not-in-effectiveness-window", "No effectiveness window running",
                    "CAPA " + id + " is " + status + "; its effectiveness is evaluated only while EFFECTIVENESS_PENDING");
            with("status", status);
        }
    }

    /** Only a QA manager signs a CAPA closure (403). */
    static final class NotQaManager extends ProblemException {
        NotQaManager(String user) {
            super(403, "capa/closure-needs-qa-manager", "Closure needs a QA manager",
                    "'" + user + "' is not a QA manager; a CAPA closure is signed by a QA manager");
        }
    }
}
