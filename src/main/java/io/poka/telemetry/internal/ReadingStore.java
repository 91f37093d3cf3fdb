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
import java.util.List;
import java.util.Set;

/**
 * Stores readings with the reading id as primary key, so a record delivered twice is stored once. A batch (first copy
 * of each id kept) goes in with one binary COPY straight into the table; only when the key refuses it (some ids were
 * stored before) does it go through a per-session staging table and one INSERT ... SELECT ... ON CONFLICT DO NOTHING
 * RETURNING, which tells which readings were new (only those are charted). The COPY is binary (no number or timestamp
 * text), written into a buffer each thread reuses. Callers own the transaction.
 */
@ApplicationScoped
public class ReadingStore {
    private static final String COLUMNS = "reading_id, line, station, variable, value, unit, ts, lot";
    private static final String STAGING = "create temporary table if not exists reading_in (reading_id text collate \"C\", line text, "
            + "station text, variable text, value double precision, unit text, ts timestamptz, lot text) "
            + "on commit delete rows";
    private static final String MERGE = "insert into telemetry.reading (" + COLUMNS + ") select " + COLUMNS
            + " from reading_in order by reading_id on conflict (reading_id) do nothing returning reading_id";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String INSERT_ONE = "insert into telemetry.reading (" + COLUMNS + ") "
            + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (reading_id) do nothing";

    private final AgroalDataSource dataSource;
    private final ThreadLocal<CopyBinary> copyBuffer = ThreadLocal.withInitial(CopyBinary::new);

    ReadingStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the batch and returns the readings that were new, in batch order (first copy of an id wins). */
    public List<Reading> storeNew(List<Reading> readings) throws SQLException {
        if (readings.isEmpty()) {
            return List.of();
        }
        List<Reading> unique = firstOfEachId(readings);
        try (Connection c = dataSource.getConnection()) {
            if (copyStraightIn(c, unique)) {
                return unique;
            }
            return merge(c, unique);
        }
    }

    /**
     * The common case, a batch of readings never seen: one binary COPY straight into the table, inside a savepoint.
     * If any reading id is already stored (a redelivery after a crash or a rebalance, or a client resending), the
     * unique key refuses the COPY, the savepoint undoes it and false tells the caller to merge instead.
     */
    private boolean copyStraightIn(Connection c, List<Reading> unique) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("savepoint reading_batch");
            try {
                encode(unique).copy(c, "copy telemetry.reading (" + COLUMNS + ") from stdin with (format binary)");
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
    private List<Reading> merge(Connection c, List<Reading> unique) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(STAGING);
        }
        encode(unique).copy(c, "copy reading_in (" + COLUMNS + ") from stdin with (format binary)");
        Set<String> fresh = new HashSet<>(unique.size() * 2);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(MERGE)) {
            while (rs.next()) {
                fresh.add(rs.getString(1));
            }
        }
        List<Reading> out = new ArrayList<>(fresh.size());
        for (Reading r : unique) {
            if (fresh.contains(r.readingId())) {
                out.add(r);
            }
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

    private CopyBinary encode(List<Reading> readings) {
        CopyBinary rows = copyBuffer.get().begin();
        for (Reading r : readings) {
            rows.row(8).text(r.readingId()).text(r.line()).text(r.station()).text(r.variable()).float8(r.value())
                    .text(r.unit()).timestamptz(r.timestamp().toInstant()).text(r.lot());
        }
        return rows;
    }

    /** The naive path: one INSERT for one reading; true when it was new. */
    public boolean storeOne(Reading r) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_ONE)) {
            ps.setString(1, r.readingId());
            ps.setString(2, r.line());
            ps.setString(3, r.station());
            ps.setString(4, r.variable());
            ps.setDouble(5, r.value());
            ps.setString(6, r.unit());
            ps.setTimestamp(7, Timestamp.from(r.timestamp().toInstant()));
            if (r.lot() == null) {
                ps.setNull(8, Types.VARCHAR);
            } else {
                ps.setString(8, r.lot());
            }
            return ps.executeUpdate() == 1;
        }
    }

    /** Readings of one line and variable in a time range, oldest first. */
    @Transactional
    public List<Reading> find(String line, String variable, Instant from, Instant to, int limit) throws SQLException {
        return query("select " + COLUMNS + " from telemetry.reading where line = ? and variable = ? and ts >= ? "
                + "and ts < ? order by ts, reading_id limit ?", line, variable, from, to, limit);
    }

    /** The newest readings before a time, oldest first. */
    @Transactional
    public List<Reading> latest(String line, String variable, Instant before, int limit) throws SQLException {
        List<Reading> newestFirst = query("select " + COLUMNS + " from telemetry.reading where line = ? and variable = ? "
                + "and ts < ? and ts >= ? order by ts desc, reading_id desc limit ?", line, variable, before, Instant.EPOCH, limit);
        List<Reading> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    private List<Reading> query(String sql, String line, String variable, Instant a, Instant b, int limit)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, line);
            ps.setString(2, variable);
            ps.setTimestamp(3, Timestamp.from(a));
            ps.setTimestamp(4, Timestamp.from(b));
            ps.setInt(5, limit);
            List<Reading> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Reading(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDouble(5), rs.getString(6), rs.getTimestamp(7).toInstant().atOffset(ZoneOffset.UTC),
                            rs.getString(8)));
                }
            }
            return out;
        }
    }
}
