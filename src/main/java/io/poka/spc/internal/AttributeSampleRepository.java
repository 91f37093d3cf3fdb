package io.poka.spc.internal;

import io.agroal.api.AgroalDataSource;
import io.poka.platform.NotFoundProblem;
import io.poka.spc.internal.chart.AttributeSample;
import io.poka.spc.internal.chart.ChartType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * JDBC access to spc.attribute_sample (and the chart names and types it shares with spc.attribute_limits): samples
 * are only inserted, never updated. Callers own the transaction and, to write, hold the chart's lock
 * ({@link AttributeLimitsRepository#lockChart}).
 */
@ApplicationScoped
public class AttributeSampleRepository {
    private static final int MAX_ROWS = 100_000;

    /** One stored count with its chart type and sample time. */
    record Row(ChartType type, AttributeSample sample, Instant time) {
    }

    private final AgroalDataSource dataSource;

    AttributeSampleRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a request's samples of one chart with one JDBC batch; returns their new ids, in order. */
    List<UUID> insertAll(String name, List<Row> rows) {
        List<UUID> ids = new ArrayList<>(rows.size());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into spc.attribute_sample (id, chart_name, chart_type, count, size, sampled_at) "
                        + "values (?, ?, ?, ?, ?, ?)")) {
            for (Row r : rows) {
                UUID id = UUID.randomUUID();
                ps.setObject(1, id);
                ps.setString(2, name);
                ps.setString(3, r.type().name());
                ps.setDouble(4, r.sample().count());
                ps.setDouble(5, r.sample().size());
                ps.setTimestamp(6, Timestamp.from(r.time()));
                ps.addBatch();
                ids.add(id);
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** Names of the charts that have samples or limits, sorted. */
    List<String> names() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select chart_name from spc.attribute_sample union select chart_name from spc.attribute_limits "
                        + "order by 1 limit 1000");
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chart's type from its samples or, for a chart that has only limits, from them. */
    Optional<ChartType> typeOf(String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select chart_type from spc.attribute_sample where chart_name = ? union all "
                        + "(select chart_type from spc.attribute_limits where chart_name = ? limit 1) limit 1")) {
            ps.setString(1, name);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ChartType.valueOf(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chart's type; a 404 problem for a chart without samples or limits. */
    ChartType existing(String name) {
        return typeOf(name).orElseThrow(() -> new NotFoundProblem(AttributeCharts.CHART_ENTITY, name));
    }

    /** The chart's samples in [from, to), oldest first (at most 100,000). */
    List<Row> rows(String name, Instant from, Instant to) {
        return query("select chart_type, count, size, sampled_at from spc.attribute_sample where chart_name = ? "
                + "and sampled_at >= ? and sampled_at < ? order by sampled_at, id limit " + MAX_ROWS, name, from, to);
    }

    /** The newest {@code limit} samples before {@code before}, oldest first. */
    List<Row> latestRows(String name, Instant before, int limit) {
        List<Row> newestFirst = query("select chart_type, count, size, sampled_at from spc.attribute_sample "
                + "where chart_name = ? and sampled_at < ? order by sampled_at desc, id desc limit " + Math.max(0, limit),
                name, before);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The time of the chart's newest sample, null without samples. */
    Instant newestSample(String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select max(sampled_at) from spc.attribute_sample where chart_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return LimitsRepository.instant(rs.getTimestamp(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Row> query(String sql, String name, Instant... times) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            for (int i = 0; i < times.length; i++) {
                ps.setTimestamp(2 + i, Timestamp.from(times[i]));
            }
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(ChartType.valueOf(rs.getString(1)), new AttributeSample(rs.getDouble(2),
                            rs.getDouble(3)), rs.getTimestamp(4).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
