package io.poka.scoring.internal;

import io.poka.scoring.ActiveModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the rows each line's streaming scoring saw in the last hour (one bucket per minute), so the dashboard can
 * judge a model's health without storing every score. In memory and per process: it restarts empty with the
 * application, and with several replicas each one sees the lines it scored.
 */
@ApplicationScoped
public class RecentActivity {
    /** The window the health indication looks back over. */
    public static final Duration WINDOW = Duration.ofHours(1);
    private static final int BUCKETS = (int) WINDOW.toMinutes();

    /** Per line: scored and anomalous rows per minute bucket, the minute each bucket holds, the last scoring time. */
    private static final class Line {
        final long[] minute = new long[BUCKETS];
        final long[] rows = new long[BUCKETS];
        final long[] anomalies = new long[BUCKETS];
        Instant last;
    }

    private final Clock clock;
    private final Map<String, Line> lines = new ConcurrentHashMap<>();

    @Inject
    RecentActivity(Clock clock) {
        this.clock = clock;
    }

    /** Records that {@code rows} rows of the line were scored now, {@code anomalies} of them above the threshold. */
    public void record(String line, int rows, int anomalies) {
        if (rows == 0) {
            return;
        }
        Instant now = clock.instant();
        long minute = now.getEpochSecond() / 60;
        Line l = lines.computeIfAbsent(line, k -> new Line());
        synchronized (l) {
            int b = (int) (minute % BUCKETS);
            if (l.minute[b] != minute) {
                l.minute[b] = minute;
                l.rows[b] = 0;
                l.anomalies[b] = 0;
            }
            l.rows[b] += rows;
            l.anomalies[b] += anomalies;
            l.last = now;
        }
    }

    /** The line's health over the last {@link #WINDOW} against the target false-alarm rate {@code alpha}. */
    public ActiveModel.Health health(String line, double alpha) {
        long now = clock.instant().getEpochSecond() / 60;
        long rows = 0;
        long anomalies = 0;
        Instant last = null;
        Line l = lines.get(line);
        if (l != null) {
            synchronized (l) {
                for (int b = 0; b < BUCKETS; b++) {
                    if (now - l.minute[b] < BUCKETS) {
                        rows += l.rows[b];
                        anomalies += l.anomalies[b];
                    }
                }
                last = l.last;
            }
        }
        return new ActiveModel.Health(status(rows, anomalies, alpha), WINDOW, rows, anomalies,
                rows == 0 ? null : (double) anomalies / rows, last);
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
