package io.poka.spc;

import java.util.List;

/**
 * All violations one transaction found, in the order found; fired once per ingested batch, after the individual
 * {@link RuleViolated} events, so observers that need the whole batch (alerts folds them into conditions) make one
 * pass instead of one round trip per violation.
 */
public record RuleViolations(List<RuleViolated> violations) {
}
