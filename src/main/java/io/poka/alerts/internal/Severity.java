package io.poka.alerts.internal;

import java.util.Set;

/**
 * How urgent an alert is, from the chart and the rule that raised it, so triage starts with the strongest evidence of
 * an assignable cause. A point beyond the 3-sigma limits of a Shewhart chart of the process level (individuals,
 * X-bar) or spread (R, S) is HIGH: its false-alarm rate is 0.27 % per point, and it flags large shifts that make
 * nonconforming product now (Montgomery, Introduction to SQC, 5.3 and 6.2); so is a point beyond the limits of a p,
 * np, c or u chart, whose points are the fraction or count of nonconforming product itself (Montgomery 7.2, 7.3), and beyond the limits of
 * the residual chart of an autocorrelated variable, an individuals chart of its one-step-ahead forecast errors
 * (Montgomery 10.4).
 * The zone rules 2-of-3 beyond 2 sigma and 4-of-5 beyond 1 sigma (Western Electric 2 and 3, Nelson 5 and 6), EWMA
 * and CUSUM signals are MEDIUM: they are built to detect moderate, sustained shifts of 0.5 to 2 sigma (Montgomery 5.3.6 and 9), as is rule 1 on the moving-range
 * chart, whose successive ranges overlap and which adds little beyond the individuals chart (Montgomery 6.4, after
 * Rigdon, Cruthis and Champ 1994). Runs, trends, alternation, stratification and mixture (Western Electric 4, Nelson
 * 2, 3, 4, 7, 8) are LOW: patterns to investigate, with several points' delay and often a known non-process cause
 * such as a sampling or instrument change (Nelson 1984).
 */
public enum Severity {
    HIGH, MEDIUM, LOW;

    private static final Set<String> LIMIT_RULES = Set.of("WE1", "NELSON1");
    private static final Set<String> SHEWHART_CHARTS = Set.of("INDIVIDUALS", "XBAR", "RANGE", "STDDEV", "P", "NP",
            "C", "U", "RESIDUALS", "FORECAST_ERRORS");
    private static final Set<String> MEDIUM_RULES = Set.of("WE2", "WE3", "NELSON5", "NELSON6", "CUSUM_UPPER",
            "CUSUM_LOWER");

    /** The more severe of this and {@code other}. */
    public Severity orHigher(Severity other) {
        return other.ordinal() < ordinal() ? other : this;
    }

    /**
     * The severity of an anomaly detection: HIGH when its score is at least {@code highRatio} times the model's
     * threshold (configured: poka.alerts.anomaly-high-score-ratio), else MEDIUM.
     */
    public static Severity ofAnomaly(double score, double threshold, double highRatio) {
        return score >= highRatio * threshold ? HIGH : MEDIUM;
    }

    /** The severity of an alert of {@code ruleId} on the plotted statistic {@code chart} (as in RuleViolated). */
    public static Severity of(String chart, String ruleId) {
        if (LIMIT_RULES.contains(ruleId)) {
            return SHEWHART_CHARTS.contains(chart) ? HIGH : MEDIUM;
        }
        return MEDIUM_RULES.contains(ruleId) ? MEDIUM : LOW;
    }
}
