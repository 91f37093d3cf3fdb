package io.poka.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A new out-of-control condition: the first violation of a chart and rule with no unresolved alert. Fired (CDI)
 * and published as quality event {@code AlertRaised} in the transaction that stored the violation.
 */
public record AlertRaised(UUID alertId, String line, String variable, String chart, String ruleId,
        String ruleDescription, int limitsVersion, List<Instant> points, Instant raisedAt,
        String severity) {
}
