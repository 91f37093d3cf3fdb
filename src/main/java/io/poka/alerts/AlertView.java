package io.poka.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert: the chart and rule of the condition, the points of the violation that raised it, the time span and
 * count of violations attached since, and who acknowledged and resolved it (with the root cause).
 */
public record AlertView(UUID id, String line, String variable, String chart, String ruleId, String status,
        int limitsVersion, List<Instant> firstPoints, Instant firstPointAt, Instant lastPointAt, int occurrences,
        Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy,
        String rootCause) {
}
