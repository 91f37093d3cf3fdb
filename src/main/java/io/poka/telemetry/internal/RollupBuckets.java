package io.poka.telemetry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Summaries of readings per source and time bucket (count, mean, sum of squared deviations, min, max), built with
 * Welford's update and merged with Chan, Golub and LeVeque's pairwise formula, so a bucket filled batch by batch equals
 * the bucket computed at once over the same readings (to rounding).
 */
public final class RollupBuckets {
    /** One bucket's summary; m2 is the sum of squared deviations from the mean. */
    public record Bucket(int sourceId, long startSecond, long n, double mean, double m2, double min, double max) {

        /** Sample standard deviation (n - 1 in the denominator); 0 for a single reading. */
        public double stdDev() {
            return n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
        }

        /** This bucket and another of the same source and start, as if their readings had been summarised together. */
        public Bucket merge(Bucket o) {
            long total = n + o.n;
            double delta = o.mean - mean;
            return new Bucket(sourceId, startSecond, total, mean + delta * o.n / total,
                    m2 + o.m2 + delta * delta * ((double) n * o.n / total), Math.min(min, o.min), Math.max(max, o.max));
        }
    }

    private final long widthSeconds;
    private final Map<Long, Map<Long, double[]>> acc = new HashMap<>();

    /** Buckets of the given width in seconds (60 for minutes, 3600 for hours), aligned on the Unix epoch (UTC). */
    public RollupBuckets(long widthSeconds) {
        this.widthSeconds = widthSeconds;
    }

    /**
     * The bucket start of a timestamp, after rounding it to the microsecond half up as PostgreSQL stores it, so a
     * reading is summarised in the bucket its stored timestamp falls in.
     */
    public long startOf(Instant t) {
        long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), (t.getNano() + 500) / 1000);
        return Math.floorDiv(micros, widthSeconds * 1_000_000L) * widthSeconds;
    }

    public void add(int sourceId, Instant t, double value) {
        double[] s = acc.computeIfAbsent((long) sourceId, k -> new HashMap<>())
                .computeIfAbsent(startOf(t), k -> new double[] {0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
        s[0]++;
        double delta = value - s[1];
        s[1] += delta / s[0];
        s[2] += delta * (value - s[1]);
        s[3] = Math.min(s[3], value);
        s[4] = Math.max(s[4], value);
    }

    /** The buckets by source, then start (the order in which concurrent upserts take their row locks). */
    public List<Bucket> buckets() {
        List<Bucket> out = new ArrayList<>();
        acc.forEach((source, byStart) -> byStart.forEach((start, s) -> out.add(new Bucket(source.intValue(), start,
                (long) s[0], s[1], s[2], s[3], s[4]))));
        out.sort(Comparator.comparingInt(Bucket::sourceId).thenComparingLong(Bucket::startSecond));
        return out;
    }
}
