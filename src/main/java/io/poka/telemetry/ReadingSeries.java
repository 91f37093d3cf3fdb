package io.poka.telemetry;

import java.time.Instant;
import java.util.List;

/**
 * The readings of one line and variable over [from, to) as a time series of buckets, and which storage answered:
 * RAW (each reading a bucket of one) for short ranges, MINUTE or HOUR rollups for longer ones.
 */
public record ReadingSeries(String line, String variable, Instant from, Instant to, Source source,
        List<Bucket> buckets) {

    /** The storage a series was read from. */
    public enum Source { RAW, MINUTE, HOUR }

    /** The readings of one bucket [start, start + width): count, mean, min, max and sample standard deviation. */
    public record Bucket(Instant start, long count, double mean, double min, double max, double stdDev) {
    }
}
