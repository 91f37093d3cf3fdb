package io.poka.scoring.internal.stream;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * JDBC access to scoring.stream_position, one row per line: saved in the transaction that publishes a window's
 * anomaly events, read by the replica that takes the line over. A save never moves a line's position back under the
 * same model (a late window of a previous owner loses against the new owner's newer one).
 */
@ApplicationScoped
public class StreamPositions {
    private final AgroalDataSource dataSource;

    StreamPositions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Upserts the line's position (joins the caller's transaction through the data source). */
    public void save(StreamPosition p) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into scoring.stream_position (line, model_id, last_scored_at, state) values (?, ?, ?, ?) "
                        + "on conflict (line) do update set model_id = excluded.model_id, "
                        + "last_scored_at = excluded.last_scored_at, state = excluded.state, saved_at = now() "
                        + "where stream_position.model_id <> excluded.model_id "
                        + "or stream_position.last_scored_at < excluded.last_scored_at")) {
            ps.setString(1, p.line());
            ps.setObject(2, p.modelId());
            ps.setTimestamp(3, Timestamp.from(p.lastScoredAt()));
            ps.setBytes(4, p.state());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line's saved position, if it was scored in streaming. */
    public Optional<StreamPosition> find(String line) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select model_id, last_scored_at, state from scoring.stream_position where line = ?")) {
            ps.setString(1, line);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(StreamPosition.of(line, rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(), rs.getBytes(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
