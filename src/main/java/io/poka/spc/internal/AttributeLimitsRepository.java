package io.poka.spc.internal;

import io.agroal.api.AgroalDataSource;
import io.poka.spc.AttributeLimitsView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JDBC access to spc.attribute_limits: versions only grow, rows are never updated. Callers own the transaction and
 * hold the chart's lock ({@link #lockChart}) so versions and samples of one chart are written one at a time.
 */
@ApplicationScoped
public class AttributeLimitsRepository {
    private static final String COLUMNS = "chart_name, version, chart_type, origin, center, sample_size, "
            + "sigma_multiplier, baseline_from, baseline_to, baseline_count, excluded, study_reference, frozen_at, "
            + "frozen_by";

    private final AgroalDataSource dataSource;

    AttributeLimitsRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Serialises writes to one attribute chart (samples and limits) until the transaction ends. */
    void lockChart(String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "spc.attribute-chart/" + name);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<AttributeLimitsView> current(String name) {
        return query("where chart_name = ? order by version desc limit 1", name, null).stream().findFirst();
    }

    Optional<AttributeLimitsView> version(String name, int version) {
        return query("where chart_name = ? and version = ?", name, version).stream().findFirst();
    }

    /** All versions, newest first. */
    List<AttributeLimitsView> versions(String name) {
        return query("where chart_name = ? order by version desc", name, null);
    }

    /** Stores the limits as the next version of the chart (the caller holds the chart's lock) and returns them. */
    AttributeLimitsView insertNextVersion(AttributeLimitsView v) {
        try (Connection c = dataSource.getConnection()) {
            int next;
            try (PreparedStatement ps = c.prepareStatement(
                    "select coalesce(max(version), 0) + 1 from spc.attribute_limits where chart_name = ?")) {
                ps.setString(1, v.chartName());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            AttributeLimitsView stored = new AttributeLimitsView(v.chartName(), next, v.chartType(), v.origin(),
                    v.center(), v.sampleSize(), v.sigmaMultiplier(), v.baselineFrom(), v.baselineTo(),
                    v.baselineCount(), List.copyOf(v.excluded()), v.studyReference(), v.frozenAt(), v.frozenBy());
            try (PreparedStatement ps = c.prepareStatement("insert into spc.attribute_limits (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                ps.setString(i++, stored.chartName());
                ps.setInt(i++, stored.version());
                ps.setString(i++, stored.chartType());
                ps.setString(i++, stored.origin());
                ps.setDouble(i++, stored.center());
                setInteger(ps, i++, stored.sampleSize());
                ps.setDouble(i++, stored.sigmaMultiplier());
                ps.setTimestamp(i++, stored.baselineFrom() == null ? null : Timestamp.from(stored.baselineFrom()));
                ps.setTimestamp(i++, stored.baselineTo() == null ? null : Timestamp.from(stored.baselineTo()));
                setInteger(ps, i++, stored.baselineCount());
                ps.setArray(i++, c.createArrayOf("timestamptz",
                        stored.excluded().stream().map(Timestamp::from).toArray()));
                ps.setString(i++, stored.studyReference());
                ps.setTimestamp(i++, Timestamp.from(stored.frozenAt()));
                ps.setString(i, stored.frozenBy());
                ps.executeUpdate();
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setInteger(PreparedStatement ps, int i, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }

    private List<AttributeLimitsView> query(String where, String name, Integer version) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from spc.attribute_limits " + where)) {
            ps.setString(1, name);
            if (version != null) {
                ps.setInt(2, version);
            }
            List<AttributeLimitsView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int n = rs.getInt(6);
                    Integer sampleSize = rs.wasNull() ? null : n;
                    int count = rs.getInt(10);
                    Integer baselineCount = rs.wasNull() ? null : count;
                    out.add(new AttributeLimitsView(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getDouble(5), sampleSize, rs.getDouble(7), LimitsRepository.instant(rs.getTimestamp(8)),
                            LimitsRepository.instant(rs.getTimestamp(9)), baselineCount,
                            LimitsRepository.instants(rs.getArray(11)), rs.getString(12),
                            LimitsRepository.instant(rs.getTimestamp(13)), rs.getString(14)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
