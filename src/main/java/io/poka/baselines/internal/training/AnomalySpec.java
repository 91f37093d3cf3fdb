package io.poka.baselines.internal.training;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an anomaly monitor learns from a data set beyond its features: which rows are normal operation (by the label
 * column's value, by a range of the order column, or both; every row when neither is given), columns never to use as
 * features, the target false-alarm rate of its limit and, for dynamic PCA, the lags. The label column is the
 * request's {@code targetColumn}; rows whose label is not normal are the labelled abnormal rows detection is measured on.
 *
 * @param normalValues label values that mean normal operation (required with a label column), e.g. ["0"]
 * @param normalFrom smallest order value (order column, else 0-based upload position) of a normal row, inclusive
 * @param normalTo order value (or position) where normal rows end, exclusive
 * @param excludeColumns columns left out of the default features (all numeric columns but label, order and these)
 * @param falseAlarmRate target false-alarm rate of the limit, in (0, 0.5); default {@code anomaly-false-alarm-rate}
 * @param lags dynamic PCA: rows of history [x_t .. x_t-L], 1-10; default {@code dynamic-pca-lags}
 */
@Schema(name = "BaselineAnomalySpec")
public record AnomalySpec(List<String> normalValues, Double normalFrom, Double normalTo, List<String> excludeColumns,
        Double falseAlarmRate, Integer lags) {
}
