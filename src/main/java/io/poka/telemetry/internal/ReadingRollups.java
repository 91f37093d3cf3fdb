package io.poka.telemetry.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Keeps the minute and hour rollups of the readings, in the transaction that stores them and from the new readings
 * only, so a rollup always equals the raw readings it summarises (a redelivery adds nothing). One upsert per table
 * and batch; the merge of a stored bucket with the batch's follows {@link RollupBuckets.Bucket#merge}.
 */
final class ReadingRollups {
    /** The rollup tables and their bucket width in seconds. */
    enum Granularity {
        MINUTE("telemetry.reading_rollup_minute", 60), HOUR("telemetry.reading_rollup_hour", 3600);

        final String table;
        final long seconds;

        Granularity(String table, long seconds) {
            this.table = table;
            this.seconds = seconds;
        }
    }

    private ReadingRollups() {
    }

    /** Adds the readings (with their source ids, same order) to both rollups through the caller's connection. */
    static void add(Connection c, List<Reading> readings, int[] sourceIds) throws SQLException {
        for (Granularity g : Granularity.values()) {
            RollupBuckets buckets = new RollupBuckets(g.seconds);
            for (int i = 0; i < readings.size(); i++) {
                Reading r = readings.get(i);
                buckets.add(sourceIds[i], r.timestamp().toInstant(), r.value());
            }
            upsert(c, g.table, buckets.buckets());
        }
    }

    private static void upsert(Connection c, String table, List<RollupBuckets.Bucket> buckets) throws SQLException {
        if (buckets.isEmpty()) {
            return;
        }
        int n = buckets.size();
        Integer[] source = new Integer[n];
        Long[] start = new Long[n];
        Long[] count = new Long[n];
        Double[] mean = new Double[n];
        Double[] m2 = new Double[n];
        Double[] min = new Double[n];
        Double[] max = new Double[n];
        for (int i = 0; i < n; i++) {
            RollupBuckets.Bucket b = buckets.get(i);
            source[i] = b.sourceId();
            start[i] = b.startSecond();
            count[i] = b.n();
            mean[i] = b.mean();
            m2[i] = b.m2();
            min[i] = b.min();
            max[i] = b.max();
        }
        String sql = "insert into " + table + " as t (source_id, bucket, n, mean, m2, min, max) "
                + "select s, to_timestamp(b), n, mean, m2, mn, mx from unnest(?::int4[], ?::int8[], ?::int8[], "
                + "?::float8[], ?::float8[], ?::float8[], ?::float8[]) as u(s, b, n, mean, m2, mn, mx) "
                + "on conflict (source_id, bucket) do update set n = t.n + excluded.n, "
                + "mean = t.mean + (excluded.mean - t.mean) * excluded.n / (t.n + excluded.n), "
                + "m2 = t.m2 + excluded.m2 + (excluded.mean - t.mean) * (excluded.mean - t.mean) "
                + "* (t.n::float8 * excluded.n / (t.n + excluded.n)), "
                + "min = least(t.min, excluded.min), max = greatest(t.max, excluded.max)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array[] arrays = {c.createArrayOf("int4", source), c.createArrayOf("int8", start),
                c.createArrayOf("int8", count), c.createArrayOf("float8", mean), c.createArrayOf("float8", m2),
                c.createArrayOf("float8", min), c.createArrayOf("float8", max)};
            for (int i = 0; i < arrays.length; i++) {
                ps.setArray(i + 1, arrays[i]);
            }
            ps.executeUpdate();
        }
    }
}
