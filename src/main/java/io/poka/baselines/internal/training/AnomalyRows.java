package io.poka.baselines.internal.training;

import java.util.List;

/**
 * The rows an anomaly monitor is fitted, calibrated and evaluated on, in time order: every complete row of the data set
 * (so lagged monitors take their history from the rows before), and which of them are the normal training rows, the
 * later normal rows held out to count false alarms, and the labelled abnormal rows detection is measured on.
 *
 * @param series complete rows (the features only), sorted by the order column (upload order when none)
 * @param train indices into {@code series} of the normal training rows, ascending
 * @param testNormal indices of the held-out normal rows, all after the last training row
 * @param abnormal indices of the rows whose label is not a normal value (empty without a label column)
 * @param falseAlarmRate target false-alarm rate of the limit
 * @param lags dynamic PCA lags
 */
public record AnomalyRows(List<String> features, double[][] series, int[] train, int[] testNormal, int[] abnormal,
        double falseAlarmRate, int lags) {
}
