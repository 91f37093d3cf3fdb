package io.poka.telemetry.internal;

import io.agroal.api.AgroalDataSource;
import io.poka.telemetry.ReadingSeries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers a time series of one line and variable from the cheapest storage that holds it exactly: raw readings for
 * ranges up to poka.telemetry.storage.raw-series-max-range, minute rollups up to minute-series-max-range, hour
 * rollups beyond, so a chart over months reads a few thousand rollup rows instead of millions of readings.
 */
@ApplicationScoped
public class ReadingSeriesQuery {
    /** Most raw readings one series answers; a longer raw range is cut here (the rollups have no such cut). */
    static final int MAX_RAW = 50_000;

    private final AgroalDataSource dataSource;
    private final ReadingDictionary dictionary;
    private final ReadingStore store;
    private final TelemetryConfig config;

    ReadingSeriesQuery(AgroalDataSource dataSource, ReadingDictionary dictionary, ReadingStore store,
            TelemetryConfig config) {
        this.dataSource = dataSource;
        this.dictionary = dictionary;
        this.store = store;
        this.config = config;
    }

    /** The storage that answers a range of this length. */
    ReadingSeries.Source sourceFor(Duration range) {
        if (range.compareTo(config.storage().rawSeriesMaxRange()) <= 0) {
            return ReadingSeries.Source.RAW;
        }
        return range.compareTo(config.storage().minuteSeriesMaxRange()) <= 0 ? ReadingSeries.Source.MINUTE
                : ReadingSeries.Source.HOUR;
    }

    @Transactional
    public ReadingSeries series(String line, String variable, Instant from, Instant to) throws SQLException {
        ReadingSeries.Source source = sourceFor(Duration.between(from, to));
        List<ReadingSeries.Bucket> buckets = new ArrayList<>();
        if (source == ReadingSeries.Source.RAW) {
            for (Reading r : store.find(line, variable, from, to, MAX_RAW)) {
                buckets.add(new ReadingSeries.Bucket(r.timestamp().toInstant(), 1, r.value(), r.value(), r.value(), 0));
            }
        } else {
            buckets = rollups(line, variable, from, to, source == ReadingSeries.Source.MINUTE
                    ? ReadingRollups.Granularity.MINUTE : ReadingRollups.Granularity.HOUR);
        }
        return new ReadingSeries(line, variable, from, to, source, buckets);
    }

    /**
     * The rollup buckets overlapping [from, to) (a bucket starting before {@code from} is included when it reaches
     * into the range, so the edges are whole buckets), merged across the sources of the line and variable.
     */
    private List<ReadingSeries.Bucket> rollups(String line, String variable, Instant from, Instant to,
            ReadingRollups.Granularity g) throws SQLException {
        Map<Long, RollupBuckets.Bucket> merged = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (Integer sourceId : dictionary.sourcesOf(c, line, variable).keySet()) {
                try (PreparedStatement ps = c.prepareStatement("select extract(epoch from bucket)::int8, n, mean, m2, "
                        + "min, max from " + g.table + " where source_id = ? and bucket > ? and bucket < ? order by bucket")) {
                    ps.setInt(1, sourceId);
                    ps.setTimestamp(2, Timestamp.from(from.minusSeconds(g.seconds)));
                    ps.setTimestamp(3, Timestamp.from(to));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            RollupBuckets.Bucket b = new RollupBuckets.Bucket(0, rs.getLong(1), rs.getLong(2),
                                    rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6));
                            merged.merge(b.startSecond(), b, RollupBuckets.Bucket::merge);
                        }
                    }
                }
            }
        }
        List<ReadingSeries.Bucket> out = new ArrayList<>(merged.size());
        for (RollupBuckets.Bucket b : merged.values()) {
            out.add(new ReadingSeries.Bucket(Instant.ofEpochSecond(b.startSecond()), b.n(), b.mean(), b.min(), b.max(),
                    b.stdDev()));
        }
        return out;
    }
}
