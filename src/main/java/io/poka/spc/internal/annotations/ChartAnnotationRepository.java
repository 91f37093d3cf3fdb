package io.poka.spc.internal.annotations;

import io.agroal.api.AgroalDataSource;
import io.poka.spc.ChartAnnotation;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JDBC access to spc.chart_annotation. Callers own the transaction. */
@ApplicationScoped
public class ChartAnnotationRepository {
    private static final String COLUMNS = "id, line, variable, at, text, created_at, created_by";

    private final AgroalDataSource dataSource;

    ChartAnnotationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(ChartAnnotation a) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into spc.chart_annotation (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, a.id());
            ps.setString(2, a.line());
            ps.setString(3, a.variable());
            ps.setTimestamp(4, Timestamp.from(a.at()));
            ps.setString(5, a.text());
            ps.setTimestamp(6, Timestamp.from(a.createdAt()));
            ps.setString(7, a.createdBy());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chart's annotations with a time in [from, to), oldest first, at most {@code limit}. */
    List<ChartAnnotation> find(String line, String variable, Instant from, Instant to, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from spc.chart_annotation where line = ? and variable = ? and at >= ? and at < ? "
                        + "order by at, created_at limit ?")) {
            ps.setString(1, line);
            ps.setString(2, variable);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            ps.setInt(5, limit);
            List<ChartAnnotation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<ChartAnnotation> find(String line, String variable, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from spc.chart_annotation where line = ? and variable = ? and id = ?")) {
            ps.setString(1, line);
            ps.setString(2, variable);
            ps.setObject(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void delete(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from spc.chart_annotation where id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChartAnnotation row(ResultSet rs) throws SQLException {
        return new ChartAnnotation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7));
    }
}
