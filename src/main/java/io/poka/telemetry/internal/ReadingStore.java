package io.poka.telemetry.internal;

import io.poka.platform.CopyBinary;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores readings in the compact, day-partitioned table (telemetry.reading_row: timestamp, value, source and lot ids,
 * reading id), a reading id once per timestamp, so a record delivered twice is stored once. A batch (first copy of
 * each id kept) goes in with one binary COPY; only when the unique key refuses it (some readings were stored before)
 * does it go through a per-session staging table and one INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING, which
 * tells which readings were new (only those are charted and rolled up). The texts a reading repeats become dictionary
 * ids ({@link ReadingDictionary}) before the COPY. Callers own the transaction.
 */
@ApplicationScoped
public class ReadingStore {
    private static final String COLUMNS = "ts, value, source_id, lot_id, reading_id";
    private static final String STAGING = "create temporary table if not exists reading_in (ts timestamptz, "
            + "value double precision, source_id integer, lot_id integer, reading_id text collate \"C\") "
            + "on commit delete rows";
    private static final String CONFLICT = " on conflict (ts, (hashtextextended(reading_id, 0))) do nothing";
    private static final String MERGE = "insert into telemetry.reading_row (" + COLUMNS + ") select " + COLUMNS
            + " from reading_in order by ts" + CONFLICT + " returning reading_id";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String INSERT_ONE = "insert into telemetry.reading_row (" + COLUMNS + ") "
            + "values (?, ?, ?, ?, ?)" + CONFLICT;
    private static final String SELECT = "select r.reading_id, r.value, r.ts, l.lot from telemetry.reading_row r "
            + "left join telemetry.reading_lot l on l.id = r.lot_id where r.source_id = ? ";

    private final AgroalDataSource dataSource;
    private final ReadingDictionary dictionary;
    private final ThreadLocal<CopyBinary> copyBuffer = ThreadLocal.withInitial(CopyBinary::new);

    ReadingStore(AgroalDataSource dataSource, ReadingDictionary dictionary) {
        this.dataSource = dataSource;
        this.dictionary = dictionary;
    }

    /** Stores the batch and returns the readings that were new, in batch order (first copy of an id wins). */
    public List<Reading> storeNew(List<Reading> readings) throws SQLException {
        if (readings.isEmpty()) {
            return List.of();
        }
        List<Reading> unique = firstOfEachId(readings);
        ReadingDictionary.Resolved ids = dictionary.resolve(unique);
        try (Connection c = dataSource.getConnection()) {
            if (copyStraightIn(c, unique, ids)) {
                ReadingRollups.add(c, unique, ids.sources());
                return unique;
            }
            boolean[] isFresh = merge(c, unique, ids);
            List<Reading> fresh = new ArrayList<>();
            int[] freshSources = new int[unique.size()];
            for (int i = 0; i < isFresh.length; i++) {
                if (isFresh[i]) {
                    freshSources[fresh.size()] = ids.sources()[i];
                    fresh.add(unique.get(i));
                }
            }
            ReadingRollups.add(c, fresh, java.util.Arrays.copyOf(freshSources, fresh.size()));
            return fresh;
        }
    }

    /**
     * The common case, a batch of readings never seen: one binary COPY straight into the table, inside a savepoint.
     * If any reading is already stored (a redelivery after a crash or a rebalance, or a client resending), the
     * unique key refuses the COPY, the savepoint undoes it and false tells the caller to merge instead.
     */
    private boolean copyStraightIn(Connection c, List<Reading> unique, ReadingDictionary.Resolved ids) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("savepoint reading_batch");
            try {
                encode(unique, ids).copy(c, "copy telemetry.reading_row (" + COLUMNS + ") from stdin with (format binary)");
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                s.execute("rollback to savepoint reading_batch");
                return false;
            }
            s.execute("release savepoint reading_batch");
            return true;
        }
    }

    /** Some readings are stored already: COPY into a staging table, insert what is new, and say which those were. */
    private boolean[] merge(Connection c, List<Reading> unique, ReadingDictionary.Resolved ids) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(STAGING);
        }
        encode(unique, ids).copy(c, "copy reading_in (" + COLUMNS + ") from stdin with (format binary)");
        Set<String> fresh = new HashSet<>(unique.size() * 2);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(MERGE)) {
            while (rs.next()) {
                fresh.add(rs.getString(1));
            }
        }
        boolean[] out = new boolean[unique.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fresh.contains(unique.get(i).readingId());
        }
        return out;
    }

    private static List<Reading> firstOfEachId(List<Reading> readings) {
        Set<String> seen = new HashSet<>(readings.size() * 2);
        List<Reading> out = new ArrayList<>(readings.size());
        for (Reading r : readings) {
            if (seen.add(r.readingId())) {
                out.add(r);
            }
        }
        return out;
    }

    private CopyBinary encode(List<Reading> readings, ReadingDictionary.Resolved ids) {
        CopyBinary rows = copyBuffer.get().begin();
        int[] sources = ids.sources();
        int[] lots = ids.lots();
        for (int i = 0; i < sources.length; i++) {
            Reading r = readings.get(i);
            rows.row(5).timestamptz(r.timestamp().toInstant()).float8(r.value()).int4(sources[i]);
            (lots[i] == 0 ? rows.nul() : rows.int4(lots[i])).text(r.readingId());
        }
        return rows;
    }

    /** The naive path: one INSERT for one reading; true when it was new. */
    public boolean storeOne(Reading r) throws SQLException {
        ReadingDictionary.Resolved ids = dictionary.resolve(List.of(r));
        int source = ids.sources()[0];
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_ONE)) {
            ps.setTimestamp(1, Timestamp.from(r.timestamp().toInstant()));
            ps.setDouble(2, r.value());
            ps.setInt(3, source);
            if (r.lot() == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setInt(4, ids.lots()[0]);
            }
            ps.setString(5, r.readingId());
            if (ps.executeUpdate() != 1) {
                return false;
            }
            ReadingRollups.add(c, List.of(r), new int[] {source});
            return true;
        }
    }

    /** Readings of one line and variable in a time range, oldest first. */
    @Transactional
    public List<Reading> find(String line, String variable, Instant from, Instant to, int limit) throws SQLException {
        return query(line, variable, "and r.ts >= ? and r.ts < ? order by r.ts, r.reading_id limit ?", from, to, limit,
                false);
    }

    /** The newest readings before a time, oldest first. */
    @Transactional
    public List<Reading> latest(String line, String variable, Instant before, int limit) throws SQLException {
        return query(line, variable, "and r.ts < ? and r.ts >= ? order by r.ts desc, r.reading_id desc limit ?", before,
                Instant.EPOCH, limit, true);
    }

    /**
     * One ordered index scan per source of the line and variable (usually one; several when stations or units
     * differ), merged in time order and cut to the limit.
     */
    private List<Reading> query(String line, String variable, String condition, Instant a, Instant b, int limit,
            boolean newestFirst) throws SQLException {
        List<Reading> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<Integer, ReadingDictionary.Source> source : dictionary.sourcesOf(c, line, variable).entrySet()) {
                ReadingDictionary.Source s = source.getValue();
                try (PreparedStatement ps = c.prepareStatement(SELECT + condition)) {
                    ps.setInt(1, source.getKey());
                    ps.setTimestamp(2, Timestamp.from(a));
                    ps.setTimestamp(3, Timestamp.from(b));
                    ps.setInt(4, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Reading(rs.getString(1), line, s.station(), variable, rs.getDouble(2), s.unit(),
                                    rs.getTimestamp(3).toInstant().atOffset(ZoneOffset.UTC), rs.getString(4)));
                        }
                    }
                }
            }
        }
        Comparator<Reading> order = Comparator.comparing((Reading r) -> r.timestamp().toInstant())
                .thenComparing(Reading::readingId);
        out.sort(order);
        if (out.size() > limit) {
            out = newestFirst ? new ArrayList<>(out.subList(out.size() - limit, out.size()))
                    : new ArrayList<>(out.subList(0, limit));
        }
        return out;
    }
}
