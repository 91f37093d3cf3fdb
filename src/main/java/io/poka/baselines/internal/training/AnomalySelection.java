package io.poka.baselines.internal.training;

import io.poka.platform.ValidationProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns a data set and an ANOMALY {@link TrainingSpec} into an anomaly monitor's rows: features, normal rows (label
 * value and/or order range) and a time-ordered split of them (the earliest train, the latest {@code testShare} count
 * false alarms, so no monitor is judged on rows older than its training), refusing with the reason what a monitor
 * cannot learn from. Rows with a missing feature, order or label value are left out and counted.
 */
public final class AnomalySelection {
    /** Fewest normal training rows per cross-fitting block (so each block's monitor has rows to fit and to score). */
    public static final int MIN_ROWS_PER_BLOCK = 10;
    static final int MAX_LAGS = 10;

    private final double defaultTestShare;
    private final double defaultFalseAlarmRate;
    private final int defaultLags;
    private final int crossFitBlocks;

    public AnomalySelection(double defaultTestShare, double defaultFalseAlarmRate, int defaultLags, int crossFitBlocks) {
        this.defaultTestShare = defaultTestShare;
        this.defaultFalseAlarmRate = defaultFalseAlarmRate;
        this.defaultLags = defaultLags;
        this.crossFitBlocks = crossFitBlocks;
    }

    public Prepared prepare(SourceTable t, TrainingSpec spec) {
        AnomalySpec a = spec.anomaly() == null ? new AnomalySpec(null, null, null, null, null, null) : spec.anomaly();
        TrainingSpec.SplitSpec split = spec.split() == null
                ? new TrainingSpec.SplitSpec(TrainingSpec.SplitKind.TIME_ORDERED, null, null, null) : spec.split();
        if (split.kind() != TrainingSpec.SplitKind.TIME_ORDERED) {
            throw new ValidationProblem("split.kind", "an anomaly model is evaluated on a TIME_ORDERED split (later normal "
                    + "rows held out)");
        }
        if (split.testShare() != null && !(split.testShare() >= TableSelection.MIN_TEST_SHARE
                && split.testShare() <= TableSelection.MAX_TEST_SHARE)) {
            throw new ValidationProblem("split.testShare", "between " + TableSelection.MIN_TEST_SHARE + " and "
                    + TableSelection.MAX_TEST_SHARE);
        }
        double alpha = a.falseAlarmRate() == null ? defaultFalseAlarmRate : a.falseAlarmRate();
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new ValidationProblem("anomaly.falseAlarmRate", "must be above 0 and below 0.5");
        }
        int lags = a.lags() == null ? defaultLags : a.lags();
        if (lags < 1 || lags > MAX_LAGS) {
            throw new ValidationProblem("anomaly.lags", "must be between 1 and " + MAX_LAGS);
        }
        String label = spec.targetColumn() == null || spec.targetColumn().isBlank() ? null : spec.targetColumn();
        List<String> normalValues = a.normalValues() == null ? List.of() : a.normalValues();
        if (label != null && normalValues.isEmpty()) {
            throw new ValidationProblem("anomaly.normalValues", "name the values of label column '" + label
                    + "' that mean normal operation");
        }
        if (label == null && !normalValues.isEmpty()) {
            throw new ValidationProblem("targetColumn", "normalValues need the label column they are values of");
        }
        if (a.normalFrom() != null && a.normalTo() != null && !(a.normalFrom() < a.normalTo())) {
            throw new ValidationProblem("anomaly.normalTo", "must be above normalFrom");
        }
        List<String> named = new ArrayList<>();
        if (label != null) {
            named.add(label);
        }
        if (spec.featureColumns() != null) {
            named.addAll(spec.featureColumns());
        }
        if (a.excludeColumns() != null) {
            named.addAll(a.excludeColumns());
        }
        if (split.orderColumn() != null) {
            named.add(split.orderColumn());
        }
        List<String> unknown = named.stream().filter(c -> !t.columns().contains(c)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw TrainingDataProblem.unknownColumns(unknown, t.columns());
        }
        List<String> features = features(t, spec, a, label, split.orderColumn());
        int[] featureIdx = features.stream().mapToInt(t.columns()::indexOf).toArray();
        int orderIdx = split.orderColumn() == null ? -1 : t.columns().indexOf(split.orderColumn());
        String[] labels = label == null ? null : TableSelection.targetValues(t, label);
        int[] kept = IntStream.range(0, t.rowCount()).filter(r -> complete(t.rows()[r], featureIdx, orderIdx)
                && (labels == null || labels[r] != null)).boxed()
                .sorted(Comparator.comparingDouble(r -> orderIdx < 0 ? r : t.rows()[r][orderIdx])) // stable: ties keep upload order
                .mapToInt(Integer::intValue).toArray();
        int leftOut = t.rowCount() - kept.length;
        double[][] series = new double[kept.length][];
        List<Integer> normal = new ArrayList<>();
        List<Integer> abnormal = new ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
            int r = kept[i];
            series[i] = Arrays.stream(featureIdx).mapToDouble(c -> t.rows()[r][c]).toArray();
            double position = orderIdx < 0 ? r : t.rows()[r][orderIdx];
            boolean inRange = (a.normalFrom() == null || position >= a.normalFrom())
                    && (a.normalTo() == null || position < a.normalTo());
            boolean normalLabel = labels == null || normalValues.contains(labels[r]);
            if (normalLabel && inRange) {
                normal.add(i);
            } else if (!normalLabel) {
                abnormal.add(i);
            }
        }
        if (normal.isEmpty()) {
            throw TrainingDataProblem.noNormalRows(normalRule(label, normalValues, a, split.orderColumn()), kept.length,
                    leftOut);
        }
        double share = split.testShare() == null ? defaultTestShare : split.testShare();
        int test = (int) Math.round(share * normal.size());
        int trainCount = normal.size() - test;
        int minimum = crossFitBlocks * Math.max(MIN_ROWS_PER_BLOCK, 2 * lags + 2);
        if (test < 1 || trainCount < minimum) {
            throw TrainingDataProblem.tooFewNormalRows(normal.size(), trainCount, minimum, "the time-ordered split keeps " + trainCount
                    + " of the " + normal.size() + " normal rows to train on (" + test + " held out); the "
                    + crossFitBlocks + " cross-fitting blocks need at least " + minimum, alpha);
        }
        // the limit is calibrated on the cross-fitted scores of the training rows: a target below one row in n + 1
        // cannot be supported by any calibration
        if (alpha < 1.0 / (trainCount + 1)) {
            throw TrainingDataProblem.tooFewNormalRows(normal.size(), trainCount, (int) Math.ceil(1 / alpha) - 1, "a false-alarm target of "
                    + alpha + " needs at least " + ((int) Math.ceil(1 / alpha) - 1) + " normal training rows to calibrate "
                    + "on; there are " + trainCount, alpha);
        }
        int[] train = normal.subList(0, trainCount).stream().mapToInt(Integer::intValue).toArray();
        int[] testNormal = normal.subList(trainCount, normal.size()).stream().mapToInt(Integer::intValue).toArray();
        int[] abnormalIdx = abnormal.stream().mapToInt(Integer::intValue).toArray();
        String protocol = "time-ordered: rows sorted by " + (orderIdx < 0 ? "upload order" : "'" + split.orderColumn()
                + "'") + "; normal rows " + normalRule(label, normalValues, a, split.orderColumn()) + ": " + normal.size()
                + "; the earliest " + trainCount + " train (limit cross-fitted on " + crossFitBlocks + " time blocks of "
                + "them at false-alarm target " + alpha + "), the latest " + testNormal.length + " (share " + share
                + ") held out to count false alarms" + (label == null ? "" : "; " + abnormalIdx.length
                + " labelled abnormal rows measure detection");
        TrainingSpec.SplitSpec usedSplit = new TrainingSpec.SplitSpec(TrainingSpec.SplitKind.TIME_ORDERED,
                split.orderColumn(), null, share);
        TrainingProvenance provenance = new TrainingProvenance(t.datasetId(), t.datasetName(), t.fingerprint(),
                fingerprint(features, series, train), TrainingSpec.Task.ANOMALY.name(), label, features, usedSplit,
                kept.length, leftOut, trainCount, testNormal.length + abnormalIdx.length, protocol, null);
        return Prepared.anomaly(new AnomalyRows(features, series, train, testNormal, abnormalIdx, alpha, lags),
                provenance);
    }

    private static String normalRule(String label, List<String> values, AnomalySpec a, String order) {
        List<String> parts = new ArrayList<>();
        if (label != null) {
            parts.add("'" + label + "' in " + values);
        }
        if (a.normalFrom() != null || a.normalTo() != null) {
            parts.add((order == null ? "position" : "'" + order + "'") + " in [" + (a.normalFrom() == null ? "start"
                    : a.normalFrom()) + ", " + (a.normalTo() == null ? "end" : a.normalTo()) + ")");
        }
        return parts.isEmpty() ? "(every row)" : String.join(" and ", parts);
    }

    /** The chosen features, or every numeric column but the label, the order column and the excluded ones. */
    private static List<String> features(SourceTable t, TrainingSpec spec, AnomalySpec a, String label, String order) {
        List<String> excluded = a.excludeColumns() == null ? List.of() : a.excludeColumns();
        List<String> features;
        if (spec.featureColumns() == null) {
            features = t.columns().stream().filter(c -> !t.isText(c) && !c.equals(label) && !c.equals(order)
                    && !excluded.contains(c)).toList();
        } else {
            features = TableSelection.chosenFeatures(t, spec.featureColumns(), label, "label column");
        }
        return TableSelection.nonEmpty(features);
    }

    private static boolean complete(double[] row, int[] features, int order) {
        for (int c : features) {
            if (Double.isNaN(row[c])) {
                return false;
            }
        }
        return order < 0 || !Double.isNaN(row[order]);
    }

    /** SHA-256 of the training rows as canonical CSV (header = features; shortest round-trip decimals; LF). */
    private static String fingerprint(List<String> features, double[][] series, int[] train) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((String.join(",", features) + "\n").getBytes(StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder();
            for (int i : train) {
                line.setLength(0);
                for (int j = 0; j < series[i].length; j++) {
                    line.append(j == 0 ? "" : ",").append(series[i][j]);
                }
                sha.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
