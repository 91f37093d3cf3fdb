package io.poka.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.poka.scoring.ActiveModel;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An active model's health is counted in the database, so every replica sees what all replicas scored. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RecentActivityTest {
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    @Inject
    RecentActivity activity;

    private static String line() {
        return "activity-" + UUID.randomUUID();
    }

    @Test
    void aLineNeverScoredHasNoRecentScores() {
        ActiveModel.Health h = activity.health(line(), 0.01, T0);
        assertEquals(ActiveModel.Status.NO_RECENT_SCORES, h.status());
        assertEquals(0, h.rowsScored());
        assertNull(h.anomalyRate());
        assertNull(h.lastScoredAt());
    }

    @Test
    void rowsOfTheLastHourCountAndOlderOnesDropOut() {
        String l1 = line();
        String l2 = line();
        activity.record(l1, 100, 1, T0);
        activity.record(l2, 50, 50, T0);
        Instant now = T0.plus(Duration.ofMinutes(30));
        activity.record(l1, 100, 0, now);
        ActiveModel.Health h = activity.health(l1, 0.01, now);
        assertEquals(200, h.rowsScored());
        assertEquals(1, h.anomalies());
        assertEquals(0.005, h.anomalyRate(), 1e-12);
        assertEquals(now, h.lastScoredAt());
        assertEquals(ActiveModel.Status.WITHIN_TARGET, h.status());
        assertEquals(ActiveModel.Status.ABOVE_TARGET, activity.health(l2, 0.01, now).status());

        now = now.plus(Duration.ofMinutes(31));
        ActiveModel.Health later = activity.health(l1, 0.01, now);
        assertEquals(100, later.rowsScored(), "the first batch is more than an hour old");
        assertEquals(0, later.anomalies());
        assertEquals(ActiveModel.Status.NO_RECENT_SCORES, activity.health(l1, 0.01, now.plus(Duration.ofHours(2)))
                .status());
    }

    @Test
    void rowsScoredInTheSameMinuteBySeveralReplicasAddUp() {
        // two replicas score the same line in one minute (e.g. across a partition move): both counts are kept
        String l = line();
        activity.record(l, 30, 0, T0);
        activity.record(l, 70, 2, T0.plusSeconds(20));
        ActiveModel.Health h = activity.health(l, 0.01, T0.plusSeconds(40));
        assertEquals(100, h.rowsScored());
        assertEquals(2, h.anomalies());
        assertEquals(T0.plusSeconds(20), h.lastScoredAt());
    }

    @Test
    void minutesThatLeftTheWindowAreForgotten() {
        String l = line();
        activity.record(l, 10, 0, T0);
        activity.record(l, 5, 0, T0.plus(Duration.ofMinutes(59)));
        activity.forgetBefore(T0.plus(Duration.ofMinutes(61)));
        assertEquals(5, activity.health(l, 0.01, T0.plus(Duration.ofMinutes(59))).rowsScored());
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
