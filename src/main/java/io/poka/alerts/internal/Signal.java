package io.poka.alerts.internal;

import io.poka.scoring.Contribution;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One signal that feeds an incident: a stored SPC violation (kind RULE: its variable, alert, severity and how many
 * firings it holds) or an anomaly detection (kind ANOMALY: model, score, threshold and top contributors). The id is the
 * violation's or the anomaly's, so a signal delivered twice is recognised.
 *
 * @param from when it first fired (a rule fires at the newest point of its pattern; an anomaly at its row's time)
 * @param to when it last fired
 */
record Signal(UUID id, String kind, String variable, UUID alertId, Severity severity, int firings, Instant from,
        Instant to, UUID modelId, Integer modelVersion, Double score, Double threshold,
        List<Contribution> contributors) {
    static final String RULE = "RULE";
    static final String ANOMALY = "ANOMALY";

    boolean anomaly() {
        return kind.equals(ANOMALY);
    }
}
