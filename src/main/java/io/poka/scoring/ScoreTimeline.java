package io.poka.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Anomaly scores of a line over a time range, computed on demand from the stored telemetry with one model version,
 * with the model's version, threshold and training fingerprint so an auditor can trace every point.
 *
 * @param points one per complete time step (every model variable present), oldest first
 * @param incompleteSteps time steps left out because a model variable was missing
 * @param truncated true when the range held more time steps than one timeline returns (the oldest are kept)
 */
public record ScoreTimeline(String line, UUID modelId, int modelVersion, double threshold,
        String trainingFingerprint, Instant from, Instant to, List<Point> points, int incompleteSteps,
        boolean truncated) {

    /**
     * One scored time step; {@code score} is null for the first rows of a lagged model (history only).
     *
     * @param contributions the largest per-variable contributions to the reconstruction error, largest first
     */
    public record Point(Instant at, Double score, boolean anomalous, List<Contribution> contributions) {
    }
}
