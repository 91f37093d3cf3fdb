package io.poka.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential backoff (the base delay doubled per failure, capped), and no
 * further attempt once the maximum is spent, so a dead receiver costs a bounded number of calls.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1 || baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need maxAttempts >= 1 and 0 < baseDelay <= maxDelay");
        }
    }

    static RetryPolicy of(NotificationsConfig config) {
        return new RetryPolicy(config.maxAttempts(), config.retryBaseDelay(), config.retryMaxDelay());
    }

    /**
     * @param failedAttempts attempts made so far, all failed (the one that just failed included), at least 1
     * @return when to try next, or empty when the delivery is to be dead-lettered
     */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant failedAt) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(delayAfter(failedAttempts)));
    }

    /** base * 2^(failedAttempts - 1), at most maxDelay. */
    Duration delayAfter(int failedAttempts) {
        Duration delay = baseDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
