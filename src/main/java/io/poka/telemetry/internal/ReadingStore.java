package io.poka.telemetry.internal;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes readings in one JDBC batch per transaction; the reading id is the primary key, so a record delivered
 * twice is stored once.
 */
@ApplicationScoped
public class ReadingStore {
    private static final String INSERT = "insert into telemetry.reading "
            + "(reading_id, line, station, variable, value, unit, ts, lot) values (?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (reading_id) do nothing";

    private final AgroalDataSource dataSource;

    ReadingStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the batch and returns how many readings were new. */
    @Transactional
    public int store(List<Reading> readings) throws SQLException {
        if (readings.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Reading r : readings) {
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
                ps.addBatch();
            }
            int inserted = 0;
            for (int n : ps.executeBatch()) {
                // with reWriteBatchedInserts the driver reports SUCCESS_NO_INFO (-2) per row
                inserted += n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : n;
            }
            return inserted;
        }
    }

    /** Readings of one line and variable in a time range, oldest first. */
    @Transactional
    public List<Reading> find(String line, String variable, Instant from, Instant to, int limit) throws SQLException {
        String sql = "select reading_id, line, station, variable, value, unit, ts, lot from telemetry.reading "
                + "where line = ? and variable = ? and ts >= ? and ts < ? order by ts, reading_id limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, line);
            ps.setString(2, variable);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
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
