package io.poka.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.poka.scoring.ActiveModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentActivityTest {

    /** A clock the test moves forward. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-29T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aLineNeverScoredHasNoRecentScores() {
        ActiveModel.Health h = new RecentActivity(new MovingClock()).health("l1", 0.01);
        assertEquals(ActiveModel.Status.NO_RECENT_SCORES, h.status());
        assertEquals(0, h.rowsScored());
        assertNull(h.anomalyRate());
        assertNull(h.lastScoredAt());
    }

    @Test
    void rowsOfTheLastHourCountAndOlderOnesDropOut() {
        MovingClock clock = new MovingClock();
        RecentActivity activity = new RecentActivity(clock);
        activity.record("l1", 100, 1);
        activity.record("l2", 50, 50);
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        activity.record("l1", 100, 0);
        ActiveModel.Health h = activity.health("l1", 0.01);
        assertEquals(200, h.rowsScored());
        assertEquals(1, h.anomalies());
        assertEquals(0.005, h.anomalyRate(), 1e-12);
        assertEquals(clock.now, h.lastScoredAt());
        assertEquals(ActiveModel.Status.WITHIN_TARGET, h.status());
        assertEquals(ActiveModel.Status.ABOVE_TARGET, activity.health("l2", 0.01).status());

        clock.now = clock.now.plus(Duration.ofMinutes(31));
        ActiveModel.Health later = activity.health("l1", 0.01);
        assertEquals(100, later.rowsScored(), "the first batch is more than an hour old");
        assertEquals(0, later.anomalies());
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertEquals(ActiveModel.Status.NO_RECENT_SCORES, activity.health("l1", 0.01).status());
    }

    @Test
    void aboveTargetMeansMoreAnomaliesThanThreeBinomialSigmasAboveTheExpectedCount() {
        // n = 1000, alpha = 1 %: expected 10, sd = sqrt(9.9) = 3.146, limit 19.44
        assertEquals(ActiveModel.Status.WITHIN_TARGET, RecentActivity.status(1000, 19, 0.01));
        assertEquals(ActiveModel.Status.ABOVE_TARGET, RecentActivity.status(1000, 20, 0.01));
        // few rows: a single chance alarm is tolerated, two are not (limit 0.1 + 3 * 0.31 = 1.04)
        assertEquals(ActiveModel.Status.WITHIN_TARGET, RecentActivity.status(10, 1, 0.01));
        assertEquals(ActiveModel.Status.ABOVE_TARGET, RecentActivity.status(10, 2, 0.01));
    }
}
