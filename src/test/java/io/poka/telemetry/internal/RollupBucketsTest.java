package io.poka.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rollup buckets filled in parts and merged equal one bucket over all the readings (Chan et al. 1979 merge). */
class RollupBucketsTest {

    @Test
    void mergedPartsEqualTheWholeAndTheTextbookFormulas() {
        Random random = new Random(3);
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e6 + random.nextGaussian() * 0.5;
        }
        Instant t = Instant.parse("2026-12-05T10:15:00Z");
        RollupBuckets whole = new RollupBuckets(3600);
        RollupBuckets a = new RollupBuckets(3600);
        RollupBuckets b = new RollupBuckets(3600);
        for (int i = 0; i < values.length; i++) {
            whole.add(7, t, values[i]);
            (i < 317 ? a : b).add(7, t, values[i]);
        }
        RollupBuckets.Bucket merged = a.buckets().get(0).merge(b.buckets().get(0));
        RollupBuckets.Bucket all = whole.buckets().get(0);
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (values.length - 1)); // sample standard deviation, textbook two-pass
        assertEquals(1000, merged.n());
        assertEquals(mean, merged.mean(), mean * 1e-12);
        assertEquals(sd, merged.stdDev(), sd * 1e-9);
        assertEquals(all.stdDev(), merged.stdDev(), sd * 1e-9);
        assertEquals(all.min(), merged.min());
        assertEquals(all.max(), merged.max());
        assertEquals(Instant.parse("2026-12-05T10:00:00Z").getEpochSecond(), merged.startSecond());
    }

    @Test
    void aTimestampFallsInTheBucketOfItsStoredMicrosecondAndBucketsAreOrderedBySourceThenTime() {
        RollupBuckets minutes = new RollupBuckets(60);
        // PostgreSQL keeps microseconds, rounding half up: 10:00:59.9999996 is stored as 10:01:00.000000
        assertEquals(Instant.parse("2026-12-05T10:01:00Z").getEpochSecond(),
                minutes.startOf(Instant.parse("2026-12-05T10:00:59.9999996Z")));
        assertEquals(Instant.parse("2026-12-05T10:00:00Z").getEpochSecond(),
                minutes.startOf(Instant.parse("2026-12-05T10:00:59.9999994Z")));
        assertEquals(Instant.parse("1969-12-31T23:59:00Z").getEpochSecond(),
                minutes.startOf(Instant.parse("1969-12-31T23:59:30Z")), "before the epoch, floor not truncation");
        minutes.add(2, Instant.parse("2026-12-05T10:05:00Z"), 1);
        minutes.add(1, Instant.parse("2026-12-05T10:07:00Z"), 2);
        minutes.add(2, Instant.parse("2026-12-05T10:01:00Z"), 3);
        List<RollupBuckets.Bucket> out = minutes.buckets();
        assertEquals(List.of(1, 2, 2), out.stream().map(RollupBuckets.Bucket::sourceId).toList());
        assertEquals(3.0, out.get(1).mean());
    }
}
