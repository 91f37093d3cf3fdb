package io.poka.baselines.internal.training;

import io.poka.platform.ProblemException;
import java.util.List;

/**
 * A data set, or the columns chosen from it, that a trainer cannot learn from (422): the reason is in the stable
 * {@code type} (baselines/unknown-column, non-numeric-target, non-numeric-feature, too-few-rows, too-few-classes,
 * too-many-classes, missing-target-values, too-few-groups; for anomaly models no-normal-rows, too-few-normal-rows) and
 * in words in {@code detail}.
 */
public class TrainingDataProblem extends ProblemException {
    private TrainingDataProblem(String slug, String title, String detail) {
        super(422, "baselines/" + slug, title, detail);
    }

    public static TrainingDataProblem unknownColumns(List<String> unknown, List<String> available) {
        TrainingDataProblem p = new TrainingDataProblem("unknown-column", "Unknown column",
                "The data set has no column " + unknown + "; its columns are " + abbreviated(available));
        p.with("unknown", unknown);
        p.with("available", available);
        return p;
    }

    static TrainingDataProblem nonNumericTarget(String column) {
        TrainingDataProblem p = new TrainingDataProblem("non-numeric-target", "Non-numeric target",
                "Regression needs a numeric target; column '" + column + "' holds text (train a classifier instead)");
        p.with("column", column);
        return p;
    }

    static TrainingDataProblem nonNumericFeatures(List<String> columns) {
        TrainingDataProblem p = new TrainingDataProblem("non-numeric-feature", "Non-numeric feature",
                "Features must be numeric; " + columns + " hold text");
        p.with("columns", columns);
        return p;
    }

    static TrainingDataProblem tooFewRows(String task, int rows, int minimum, int leftOut) {
        TrainingDataProblem p = new TrainingDataProblem("too-few-rows", "Too few rows",
                task + " needs at least " + minimum + " complete rows; the data set gives " + rows
                        + (leftOut > 0 ? " (" + leftOut + " left out for missing values in the chosen columns)" : ""));
        p.with("rows", rows);
        p.with("minimum", minimum);
        p.with("rowsLeftOut", leftOut);
        return p;
    }

    static TrainingDataProblem tooFewClasses(String column, List<String> classes, String where) {
        TrainingDataProblem p = new TrainingDataProblem("too-few-classes", "Too few classes",
                "A classifier needs at least 2 classes; target '" + column + "' has " + classes + where);
        p.with("classes", classes);
        return p;
    }

    static TrainingDataProblem tooManyClasses(String column, int classes, int limit) {
        TrainingDataProblem p = new TrainingDataProblem("too-many-classes", "Too many classes",
                "Target '" + column + "' has " + classes + " distinct values; a classifier takes at most " + limit
                        + " (poka.baselines.max-classes). Is it a numeric target for regression?");
        p.with("classes", classes);
        p.with("limit", limit);
        return p;
    }

    static TrainingDataProblem missingTarget(String column, int missing, List<Integer> firstRows) {
        TrainingDataProblem p = new TrainingDataProblem("missing-target-values", "Missing target values",
                "Target '" + column + "' is missing in " + missing + " rows (first, 1-based data rows: " + firstRows
                        + "); fill or remove them");
        p.with("column", column);
        p.with("missing", missing);
        p.with("rows", firstRows);
        return p;
    }

    static TrainingDataProblem tooFewGroups(String column, int groups) {
        TrainingDataProblem p = new TrainingDataProblem("too-few-groups", "Too few groups",
                "A grouped split needs at least 2 groups with a group on each side; '" + column + "' has " + groups);
        p.with("groups", groups);
        return p;
    }

    static TrainingDataProblem noNormalRows(String rule, int rows, int leftOut) {
        TrainingDataProblem p = new TrainingDataProblem("no-normal-rows", "No normal rows",
                "None of the " + rows + " complete rows is normal by the request (" + rule + "); an anomaly model "
                        + "learns normal operation from them" + (leftOut > 0 ? " (" + leftOut
                        + " rows left out for missing values)" : ""));
        p.with("rows", rows);
        p.with("rowsLeftOut", leftOut);
        return p;
    }

    /** Fewer normal rows than the time-ordered split, the cross-fitting blocks or the false-alarm target need. */
    public static TrainingDataProblem tooFewNormalRows(int normalRows, int trainRows, int minimum, String why,
            double alpha) {
        TrainingDataProblem p = new TrainingDataProblem("too-few-normal-rows", "Too few normal rows",
                "Too few normal rows for the target false-alarm rate " + alpha + ": " + why);
        p.with("normalRows", normalRows);
        p.with("trainRows", trainRows);
        p.with("minimum", minimum);
        p.with("falseAlarmRate", alpha);
        return p;
    }

    private static String abbreviated(List<String> names) {
        return names.size() <= 30 ? names.toString() : names.subList(0, 30) + "... (" + names.size() + ")";
    }
}
