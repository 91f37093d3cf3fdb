package io.poka.capa;

/**
 * The measurable criterion that proves an action worked, evaluated by Poka on stored data over a window that starts
 * when the action enters EFFECTIVENESS_PENDING. Parameters a kind does not use are null.
 *
 * @param kind NO_RULE_VIOLATION: chart {@code variable} of {@code line} shows no stored rule violation for
 *        {@code days}; CPK_AT_LEAST: Cpk of {@code variable} on {@code line} is at least {@code minCpk} over at least
 *        {@code count} readings of the window; NO_DEFECT_RECURRENCE: no NCR with {@code defectCode} on
 *        {@code product} while {@code count} lots of the product were made; ANOMALY_RATE_WITHIN_TARGET: the share of
 *        anomalous rows the active model finds on {@code line} over {@code days} is compatible with its target
 *        false-alarm rate
 */
public record EffectivenessCriterion(Kind kind, String line, String variable, String defectCode, String product,
        Double minCpk, Integer days, Integer count) {

    /** The four criteria Poka can evaluate (named in the OpenAPI document so other enums called Kind keep their names). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "EffectivenessCriterionKind")
    public enum Kind {
        NO_RULE_VIOLATION, CPK_AT_LEAST, NO_DEFECT_RECURRENCE, ANOMALY_RATE_WITHIN_TARGET
    }

    public static EffectivenessCriterion noRuleViolation(String line, String variable, int days) {
        return new EffectivenessCriterion(Kind.NO_RULE_VIOLATION, line, variable, null, null, null, days, null);
    }

    public static EffectivenessCriterion cpkAtLeast(String line, String variable, double minCpk, int readings) {
        return new EffectivenessCriterion(Kind.CPK_AT_LEAST, line, variable, null, null, minCpk, null, readings);
    }

    public static EffectivenessCriterion noDefectRecurrence(String defectCode, String product, int lots) {
        return new EffectivenessCriterion(Kind.NO_DEFECT_RECURRENCE, null, null, defectCode, product, null, null, lots);
    }

    public static EffectivenessCriterion anomalyRateWithinTarget(String line, int days) {
        return new EffectivenessCriterion(Kind.ANOMALY_RATE_WITHIN_TARGET, line, null, null, null, null, days, null);
    }
}
