package io.poka.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Failed deliveries wait twice as long after each failure, never longer than the cap, and stop after the maximum. */
class RetryPolicyTest {
    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheCap() {
        assertEquals(Optional.of(T.plusSeconds(30)), policy.nextAttempt(1, T));
        assertEquals(Optional.of(T.plusSeconds(60)), policy.nextAttempt(2, T));
        assertEquals(Optional.of(T.plusSeconds(120)), policy.nextAttempt(3, T));
        assertEquals(Optional.of(T.plusSeconds(480)), policy.nextAttempt(5, T));
        assertEquals(Optional.of(T.plus(Duration.ofMinutes(10))), policy.nextAttempt(6, T), "30 s * 2^5 = 16 min, capped");
        assertEquals(Optional.of(T.plus(Duration.ofMinutes(10))), policy.nextAttempt(7, T));
    }

    @Test
    void afterTheLastAllowedAttemptTheDeliveryIsDeadLettered() {
        assertTrue(policy.nextAttempt(8, T).isEmpty());
        assertTrue(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).nextAttempt(1, T).isEmpty(),
                "one attempt allowed: no retry");
    }

    @Test
    void aPolicyThatCouldNeverWaitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }
}
