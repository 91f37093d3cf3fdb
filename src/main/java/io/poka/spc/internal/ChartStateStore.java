package io.poka.spc.internal;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * JDBC access to spc.chart_state: the memory of the charts a replay of the last readings cannot rebuild (EWMA,
 * CUSUM, forecasts, subgroups), saved with each batch in the readings' transaction, so the replica that takes a
 * line over resumes its charts exactly where the last owner's committed batch left them.
 */
@ApplicationScoped
class ChartStateStore {

    /** One chart's saved memory; {@code fingerprint} names the limits and settings it belongs to ({@link ChartRun}). */
    record Saved(String line, String variable, String fingerprint, Instant lastReadingAt, byte[] state) {
    }

    private final AgroalDataSource dataSource;

    ChartStateStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Upserts the charts' memory of one batch (one statement, batched). */
    void saveAll(List<Saved> states) {
        if (states.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into spc.chart_state (line, variable, fingerprint, last_reading_at, state) values (?, ?, ?, ?, ?) "
                        + "on conflict (line, variable) do update set fingerprint = excluded.fingerprint, "
                        + "last_reading_at = excluded.last_reading_at, state = excluded.state, saved_at = now()")) {
            for (Saved s : states) {
                ps.setString(1, s.line());
                ps.setString(2, s.variable());
                ps.setString(3, s.fingerprint());
                ps.setTimestamp(4, Timestamp.from(s.lastReadingAt()));
                ps.setBytes(5, s.state());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Saved> find(String line, String variable) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select fingerprint, last_reading_at, state from spc.chart_state where line = ? and variable = ?")) {
            ps.setString(1, line);
            ps.setString(2, variable);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Saved(line, variable, rs.getString(1),
                        rs.getTimestamp(2).toInstant(), rs.getBytes(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
