package io.poka.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The model scoring a line now, with a health indication for the dashboard.
 *
 * @param trainedAt when the version was registered
 * @param targetFalseAlarmRate the alpha its threshold was calibrated for
 */
public record ActiveModel(String line, UUID modelId, int version, double threshold, Instant trainedAt,
        Instant activatedAt, String activatedBy, double targetFalseAlarmRate, Health health) {

    /** How the health status was judged; see {@link Health}. */
    public enum Status {
        /** No row of the line was scored (streaming) in the window: the line is idle or its feed is broken. */
        NO_RECENT_SCORES,
        /** The share of anomalous rows is compatible with the target false-alarm rate. */
        WITHIN_TARGET,
        /**
         * More anomalous rows than the target rate explains (above n alpha + 3 sqrt(n alpha (1 - alpha))): the process
         * is abnormal, or the model no longer fits it (drift) and needs review.
         */
        ABOVE_TARGET
    }

    /**
     * Streaming activity of this process over the last {@code window}: rows scored, rows above the threshold, their
     * share, and when the line was last scored (null if never since the application started).
     */
    public record Health(Status status, Duration window, long rowsScored, long anomalies, Double anomalyRate,
            Instant lastScoredAt) {
    }
}
