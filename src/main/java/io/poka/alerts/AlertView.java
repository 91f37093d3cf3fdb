package io.poka.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert: the chart and rule of the condition, the points of the violation that raised it, the time span and
 * count of violations attached since, and who acknowledged and resolved it (with the root cause).
 *
 * @param severity HIGH, MEDIUM or LOW, derived from chart and rule (docs/telemetry-spc-alerts.md, "Severity")
 * @param ruleDescription the rule in plain words, as spc describes it
 * @param label the feedback label set by the resolution: FALSE_ALARM or TRUE_POSITIVE (who and when: resolvedBy,
 *        resolvedAt); null while unresolved and for alerts resolved before labels existed
 */
public record AlertView(UUID id, String line, String variable, String chart, String ruleId, String status,
        int limitsVersion, List<Instant> firstPoints, Instant firstPointAt, Instant lastPointAt, int occurrences,
        Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy,
        String rootCause, String severity, String ruleDescription, String label) {
}
