package io.poka.spc;

import java.time.Instant;
import java.util.List;

/**
 * One plotted point of a chart query: the statistic's value with the center line and control limits in force at
 * that point (they vary per point on an EWMA chart); upper/lower are the CUSUM sums (null on other charts) and
 * {@code rules} the rule ids that fired on this point.
 */
public record ChartPointView(Instant time, double value, double center, Double lcl, Double ucl, Double upper,
        Double lower, List<String> rules) {
}
