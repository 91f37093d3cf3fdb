package io.poka.scoring.internal;

import io.poka.platform.Leases;
import io.poka.scoring.ActiveModel;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts the rows each line's streaming scoring saw in the last hour, one row per line and minute in
 * scoring.line_activity, so the dashboard can judge a model's health without storing every score; stored, so every
 * replica answers with what all replicas scored and a restart forgets nothing.
 */
@ApplicationScoped
public class RecentActivity {
    /** The window the health indication looks back over. */
    public static final Duration WINDOW = Duration.ofHours(1);
    private static final long MINUTES = WINDOW.toMinutes();

    /** Lease of the replica that drops expired minutes. */
    static final String CLEANUP_LEASE = "scoring.line-activity-cleanup";

    private final Clock clock;
    private final EntityManager em;
    private final Leases leases;

    @Inject
    RecentActivity(Clock clock, EntityManager em, Leases leases) {
        this.clock = clock;
        this.em = em;
        this.leases = leases;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanUp() {
        if (leases.tryHold(CLEANUP_LEASE)) {
            forgetBefore(clock.instant());
        }
    }

    /** Records that {@code rows} rows of the line were scored now, {@code anomalies} of them above the threshold. */
    @Transactional
    public void record(String line, int rows, int anomalies) {
        record(line, rows, anomalies, clock.instant());
    }

    @Transactional
    void record(String line, int rows, int anomalies, Instant at) {
        if (rows == 0) {
            return;
        }
        em.createNativeQuery("""
                insert into scoring.line_activity as a (line, minute, rows_scored, anomalies, last_scored_at)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (line, minute) do update set rows_scored = a.rows_scored + excluded.rows_scored,
                    anomalies = a.anomalies + excluded.anomalies,
                    last_scored_at = greatest(a.last_scored_at, excluded.last_scored_at)""")
                .setParameter(1, line).setParameter(2, at.getEpochSecond() / 60).setParameter(3, (long) rows)
                .setParameter(4, (long) anomalies).setParameter(5, Timestamp.from(at)).executeUpdate();
    }

    /** The line's health over the last {@link #WINDOW} against the target false-alarm rate {@code alpha}. */
    @Transactional
    public ActiveModel.Health health(String line, double alpha) {
        return health(line, alpha, clock.instant());
    }

    @Transactional
    ActiveModel.Health health(String line, double alpha, Instant now) {
        long minute = now.getEpochSecond() / 60;
        Object[] sums = (Object[]) em.createNativeQuery("""
                select coalesce(sum(rows_scored), 0), coalesce(sum(anomalies), 0), max(last_scored_at)
                from scoring.line_activity where line = ?1 and minute > ?2 and minute <= ?3""")
                .setParameter(1, line).setParameter(2, minute - MINUTES).setParameter(3, minute).getSingleResult();
        long rows = ((Number) sums[0]).longValue();
        long anomalies = ((Number) sums[1]).longValue();
        Instant last = sums[2] == null ? null : toInstant(sums[2]);
        return new ActiveModel.Health(status(rows, anomalies, alpha), WINDOW, rows, anomalies,
                rows == 0 ? null : (double) anomalies / rows, last);
    }

    /** Drops the minutes that have left the window of every line (they can no longer count). */
    @Transactional
    public int forgetBefore(Instant now) {
        return em.createNativeQuery("delete from scoring.line_activity where minute <= ?1")
                .setParameter(1, now.getEpochSecond() / 60 - MINUTES).executeUpdate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /**
     * Above target when the anomalies exceed what alpha explains by more than three binomial standard deviations:
     * n alpha + 3 sqrt(n alpha (1 - alpha)); with few rows this tolerates a single chance alarm.
     */
    static ActiveModel.Status status(long rows, long anomalies, double alpha) {
        if (rows == 0) {
            return ActiveModel.Status.NO_RECENT_SCORES;
        }
        double expected = rows * alpha;
        double limit = expected + 3 * Math.sqrt(expected * (1 - alpha));
        return anomalies > Math.max(limit, 1) ? ActiveModel.Status.ABOVE_TARGET : ActiveModel.Status.WITHIN_TARGET;
    }
}
