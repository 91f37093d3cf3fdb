package io.poka.baselines.internal.training;

import io.poka.baselines.internal.data.TabularData;
import io.poka.baselines.internal.model.Splits;
import io.poka.platform.ValidationProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Turns a data set and a {@link TrainingSpec} into training rows and an evaluation hold-out, refusing with the reason
 * (a {@link TrainingDataProblem}) whatever a trainer cannot learn from. Rows with a missing value in a chosen feature,
 * order or group column are left out and counted; a missing target value is refused, since silently dropping labels
 * changes what the model learns.
 */
public final class TableSelection {
    /** Fewest complete rows per task: enough for 5 folds of 4 rows (classification) or a hold-out of 4 (regression). */
    public static final Map<TrainingSpec.Task, Integer> MINIMUM_ROWS = Map.of(
            TrainingSpec.Task.CLASSIFICATION, 20, TrainingSpec.Task.REGRESSION, 20);
    static final double MIN_TEST_SHARE = 0.05;
    static final double MAX_TEST_SHARE = 0.9;

    private final int maxClasses;
    private final double defaultTestShare;
    private final long seed;

    /**
     * @param maxClasses most distinct target values a classifier takes
     * @param defaultTestShare hold-out share when the request names none
     * @param seed seed of random and grouped hold-outs
     */
    public TableSelection(int maxClasses, double defaultTestShare, long seed) {
        this.maxClasses = maxClasses;
        this.defaultTestShare = defaultTestShare;
        this.seed = seed;
    }

    public Prepared prepare(SourceTable t, TrainingSpec spec) {
        if (spec.task() == null) {
            throw new ValidationProblem("task", "CLASSIFICATION or REGRESSION is required for data set " + t.datasetId());
        }
        if (spec.targetColumn() == null || spec.targetColumn().isBlank()) {
            throw new ValidationProblem("targetColumn", "is required for data set " + t.datasetId());
        }
        TrainingSpec.SplitSpec split = spec.split() == null
                ? new TrainingSpec.SplitSpec(TrainingSpec.SplitKind.RANDOM, null, null, null) : spec.split();
        checkSplit(split);
        String target = spec.targetColumn();
        List<String> named = new ArrayList<>();
        named.add(target);
        if (spec.featureColumns() != null) {
            named.addAll(spec.featureColumns());
        }
        if (split.orderColumn() != null) {
            named.add(split.orderColumn());
        }
        if (split.groupColumn() != null) {
            named.add(split.groupColumn());
        }
        List<String> unknown = named.stream().filter(c -> !t.columns().contains(c)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw TrainingDataProblem.unknownColumns(unknown, t.columns());
        }
        List<String> features = features(t, spec, split);
        boolean classification = spec.task() == TrainingSpec.Task.CLASSIFICATION;
        if (!classification && t.isText(target)) {
            throw TrainingDataProblem.nonNumericTarget(target);
        }
        String[] targetText = targetValues(t, target);
        List<Integer> missingTarget = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (targetText[r] == null) {
                missingTarget.add(r + 1);
            }
        }
        if (!missingTarget.isEmpty()) {
            throw TrainingDataProblem.missingTarget(target, missingTarget.size(),
                    missingTarget.subList(0, Math.min(10, missingTarget.size())));
        }
        int[] featureIdx = features.stream().mapToInt(t.columns()::indexOf).toArray();
        int orderIdx = split.orderColumn() == null ? -1 : t.columns().indexOf(split.orderColumn());
        int groupIdx = split.groupColumn() == null ? -1 : t.columns().indexOf(split.groupColumn());
        int[] kept = IntStream.range(0, t.rowCount()).filter(r -> complete(t.rows()[r], featureIdx, orderIdx, groupIdx))
                .toArray();
        int leftOut = t.rowCount() - kept.length;
        int minimum = MINIMUM_ROWS.get(spec.task());
        if (kept.length < minimum) {
            throw TrainingDataProblem.tooFewRows(spec.task().name().toLowerCase(), kept.length, minimum, leftOut);
        }
        double[][] x = new double[kept.length][];
        for (int i = 0; i < kept.length; i++) {
            double[] row = t.rows()[kept[i]];
            x[i] = Arrays.stream(featureIdx).mapToDouble(c -> row[c]).toArray();
        }
        String[] labels = null;
        double[] targets = null;
        if (classification) {
            labels = Arrays.stream(kept).mapToObj(r -> targetText[r]).toArray(String[]::new);
            List<String> classes = List.copyOf(new TreeSet<>(Arrays.asList(labels)));
            if (classes.size() < 2) {
                throw TrainingDataProblem.tooFewClasses(target, classes, "");
            }
            if (classes.size() > maxClasses) {
                throw TrainingDataProblem.tooManyClasses(target, classes.size(), maxClasses);
            }
        } else {
            int ti = t.columns().indexOf(target);
            targets = Arrays.stream(kept).mapToDouble(r -> t.rows()[r][ti]).toArray();
        }
        int[] groups = groupIdx < 0 ? null : Splits.groupIds(Arrays.stream(kept)
                .mapToDouble(r -> t.rows()[r][groupIdx]).toArray());
        TabularData data = new TabularData(t.datasetId(), features, target, x, labels, targets, groups);
        double share = split.testShare() == null ? defaultTestShare : split.testShare();
        int[][] holdout;
        String protocol;
        switch (split.kind()) {
            case TIME_ORDERED -> {
                double[] order = orderIdx < 0 ? null : Arrays.stream(kept).mapToDouble(r -> t.rows()[r][orderIdx]).toArray();
                holdout = Splits.timeOrdered(kept.length, order, share);
                protocol = "time-ordered hold-out: rows sorted by " + (orderIdx < 0 ? "upload order" : "'"
                        + split.orderColumn() + "'") + ", the last " + holdout[1].length + " of " + kept.length
                        + " rows (share " + share + ") held out; kept model fitted on the earlier rows";
            }
            case GROUPED -> {
                int distinct = (int) Arrays.stream(groups).distinct().count();
                holdout = Splits.byGroup(groups, share, seed);
                if (distinct < 2 || holdout[0].length == 0 || holdout[1].length == 0) {
                    throw TrainingDataProblem.tooFewGroups(split.groupColumn(), distinct);
                }
                protocol = "grouped hold-out by '" + split.groupColumn() + "': " + Math.round(share * distinct)
                        + " of " + distinct + " groups (seed " + seed + ") held out, no group on both sides; kept "
                        + "model fitted on the training groups";
            }
            default -> {
                if (classification) {
                    holdout = null;
                    protocol = null;
                } else {
                    holdout = Splits.random(kept.length, share, seed);
                    protocol = "random hold-out: " + holdout[1].length + " of " + kept.length + " rows (share " + share
                            + ", seed " + seed + "); kept model fitted on the other rows";
                }
            }
        }
        if (holdout != null && (holdout[0].length == 0 || holdout[1].length == 0)) {
            throw TrainingDataProblem.tooFewRows(spec.task().name().toLowerCase(), kept.length, minimum, leftOut);
        }
        if (classification && holdout != null) {
            String[] ls = labels;
            List<String> trainClasses = List.copyOf(new TreeSet<>(Arrays.stream(holdout[0]).mapToObj(r -> ls[r]).toList()));
            if (trainClasses.size() < 2) {
                throw TrainingDataProblem.tooFewClasses(target, trainClasses, " in the training part of the split");
            }
        }
        TrainingProvenance provenance = new TrainingProvenance(t.datasetId(), t.datasetName(), t.fingerprint(),
                data.fingerprint(), spec.task().name(), target, features, split, kept.length, leftOut,
                holdout == null ? kept.length : holdout[0].length, holdout == null ? 0 : holdout[1].length, protocol,
                groupIdx < 0 || holdout == null ? null : Arrays.stream(holdout[1]).mapToDouble(
                        r -> t.rows()[kept[r]][groupIdx]).distinct().sorted().boxed().toList());
        return new Prepared(data, holdout, protocol, provenance);
    }

    private static void checkSplit(TrainingSpec.SplitSpec split) {
        if (split.kind() == null) {
            throw new ValidationProblem("split.kind", "RANDOM, TIME_ORDERED or GROUPED");
        }
        if (split.testShare() != null && !(split.testShare() >= MIN_TEST_SHARE && split.testShare() <= MAX_TEST_SHARE)) {
            throw new ValidationProblem("split.testShare", "between " + MIN_TEST_SHARE + " and " + MAX_TEST_SHARE);
        }
        if (split.kind() == TrainingSpec.SplitKind.GROUPED && split.groupColumn() == null) {
            throw new ValidationProblem("split.groupColumn", "is required for a GROUPED split");
        }
    }

    /** The chosen features, or every numeric column but the target and the split's order and group columns. */
    private static List<String> features(SourceTable t, TrainingSpec spec, TrainingSpec.SplitSpec split) {
        List<String> features;
        if (spec.featureColumns() == null) {
            features = t.columns().stream().filter(c -> !t.isText(c) && !c.equals(spec.targetColumn())
                    && !c.equals(split.orderColumn()) && !c.equals(split.groupColumn())).toList();
        } else {
            features = chosenFeatures(t, spec.featureColumns(), spec.targetColumn(), "target");
        }
        return nonEmpty(features);
    }

    /** The request's feature columns without repeats, refused when they hold the target (or label) or text. */
    static List<String> chosenFeatures(SourceTable t, List<String> chosen, String target, String role) {
        List<String> features = List.copyOf(new LinkedHashSet<>(chosen));
        if (target != null && features.contains(target)) {
            throw new ValidationProblem("featureColumns", "must not contain the " + role + " '" + target + "'");
        }
        List<String> text = features.stream().filter(t::isText).toList();
        if (!text.isEmpty()) {
            throw TrainingDataProblem.nonNumericFeatures(text);
        }
        return features;
    }

    static List<String> nonEmpty(List<String> features) {
        if (features.isEmpty()) {
            throw new ValidationProblem("featureColumns", "no numeric feature column is left");
        }
        return features;
    }

    /** Target values as text per row (null where missing): integral numbers without ".0", so 1 and 1.0 are one class. */
    static String[] targetValues(SourceTable t, String target) {
        if (t.isText(target)) {
            return Arrays.stream(t.text().get(target)).map(s -> s == null || s.isBlank() ? null : s).toArray(String[]::new);
        }
        int c = t.columns().indexOf(target);
        String[] out = new String[t.rowCount()];
        for (int r = 0; r < out.length; r++) {
            double v = t.rows()[r][c];
            out[r] = Double.isNaN(v) ? null : v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                    : Double.toString(v);
        }
        return out;
    }

    private static boolean complete(double[] row, int[] features, int order, int group) {
        for (int c : features) {
            if (Double.isNaN(row[c])) {
                return false;
            }
        }
        return (order < 0 || !Double.isNaN(row[order])) && (group < 0 || !Double.isNaN(row[group]));
    }
}
