package io.poka.spc.internal;

import io.poka.platform.CopyBinary;
import io.agroal.api.AgroalDataSource;
import io.poka.spc.RuleViolated;
import io.poka.spc.internal.chart.CusumMonitor;
import io.poka.spc.internal.rules.RunRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** JDBC access to spc.violation: binary COPY of each batch from the stream, range reads for the chart query. */
@ApplicationScoped
public class ViolationStore {
    private final AgroalDataSource dataSource;
    private final ThreadLocal<CopyBinary> copyBuffer = ThreadLocal.withInitial(CopyBinary::new);

    ViolationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a batch's violations with one binary COPY (a fault can violate several rules on every reading). */
    void insertAll(List<ViolationRun> violations) {
        if (violations.isEmpty()) {
            return;
        }
        CopyBinary rows = copyBuffer.get().begin();
        for (ViolationRun v : violations) {
            long[] points = v.pointMillis();
            int n = v.pointCount();
            rows.row(11).uuid(v.id()).text(v.line()).text(v.variable()).text(v.chart()).text(v.ruleId())
                    .int4(v.limitsVersion()).timestamptzArrayOfMillis(points, n)
                    .timestamptz(Instant.ofEpochMilli(points[n - 1])).float8(v.value()).int4(v.firedPoints())
                    .timestamptz(Instant.ofEpochMilli(v.firstFiredMillis()));
        }
        try (Connection c = dataSource.getConnection()) {
            rows.copy(c, "copy spc.violation (id, line, variable, chart, rule_id, limits_version, point_times, "
                    + "newest_point_at, point_value, fired_points, first_fired_at) from stdin with (format binary)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stored violations with a point in [from, to) (a continuing pattern may start before from), oldest first. */
    List<RuleViolated> find(String line, String variable, Instant from, Instant to, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, chart, rule_id, limits_version, point_times, point_value, stored_at from spc.violation "
                        + "where line = ? and variable = ? and newest_point_at >= ? and point_times[1] < ? "
                        + "order by newest_point_at, chart, rule_id limit ?")) {
            ps.setString(1, line);
            ps.setString(2, variable);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            ps.setInt(5, limit);
            List<RuleViolated> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String rule = rs.getString(3);
                    out.add(new RuleViolated(rs.getObject(1, UUID.class), line, variable, rs.getString(2), rule,
                            describe(rule), rs.getInt(4), LimitsRepository.instants(rs.getArray(5)), rs.getDouble(6),
                            rs.getTimestamp(7).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many stored violations have a point in [from, to] (any limits version). */
    int count(String line, String variable, Instant from, Instant to) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from spc.violation where line = ? and variable = ? and newest_point_at >= ? "
                        + "and point_times[1] <= ?")) {
            ps.setString(1, line);
            ps.setString(2, variable);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String describe(String ruleId) {
        if (CusumMonitor.UPPER_RULE_ID.equals(ruleId)) {
            return "upper CUSUM beyond the decision interval H";
        }
        if (CusumMonitor.LOWER_RULE_ID.equals(ruleId)) {
            return "lower CUSUM beyond the decision interval H";
        }
        return RunRule.valueOf(ruleId).description();
    }
}
