package io.poka.prognostics.internal;

import io.poka.platform.ProblemException;
import java.util.List;

/**
 * Plant data a RUL model cannot be trained on, or predict from (422); the reason is the stable {@code type}
 * (prognostics/unknown-column, non-numeric-column, too-few-units, unit-without-failure, failure-before-last-cycle)
 * and in words in {@code detail}.
 */
public class RulDataProblem extends ProblemException {
    private RulDataProblem(String slug, String title, String detail) {
        super(422, "prognostics/" + slug, title, detail);
    }

    static RulDataProblem unknownColumns(List<String> unknown, List<String> available) {
        RulDataProblem p = new RulDataProblem("unknown-column", "Unknown column", "The data has no column " + unknown
                + "; its columns are " + (available.size() > 40 ? available.subList(0, 40) + " ..." : available));
        p.with("unknown", unknown);
        p.with("available", available);
        return p;
    }

    static RulDataProblem nonNumeric(List<String> columns, int cells) {
        RulDataProblem p = new RulDataProblem("non-numeric-column", "Non-numeric column", "Columns " + columns
                + " have " + cells + " empty or non-numeric cell(s); a RUL model needs a number in every cell of the"
                + " unit, cycle and feature columns");
        p.with("columns", columns);
        p.with("cells", cells);
        return p;
    }

    static RulDataProblem tooFewUnits(int units, int minimum) {
        RulDataProblem p = new RulDataProblem("too-few-units", "Too few units", "Validation by unit needs at least "
                + minimum + " units run to failure; the data has " + units);
        p.with("units", units);
        p.with("minimum", minimum);
        return p;
    }

    static RulDataProblem withoutFailure(String column, List<String> units) {
        RulDataProblem p = new RulDataProblem("unit-without-failure", "Unit without failure", "Units " + abbreviate(units)
                + " have no value in the failure column '" + column + "': every training unit must have failed");
        p.with("units", units);
        return p;
    }

    static RulDataProblem failureBeforeLastCycle(String column, List<String> units) {
        RulDataProblem p = new RulDataProblem("failure-before-last-cycle", "Failure before the last cycle", "Units "
                + abbreviate(units) + " have rows after the failure cycle given in '" + column + "'");
        p.with("units", units);
        return p;
    }

    private static String abbreviate(List<String> v) {
        return (v.size() > 20 ? v.subList(0, 20) + " ..." : v.toString());
    }
}
