package io.poka.spc.internal;

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

/** JDBC access to spc.violation: batch inserts from the stream, range reads for the chart query. */
@ApplicationScoped
public class ViolationStore {
    private final AgroalDataSource dataSource;

    ViolationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insertAll(List<RuleViolated> violations) {
        if (violations.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into spc.violation (id, line, variable, chart, rule_id, limits_version, point_times, "
                        + "newest_point_at, point_value) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RuleViolated v : violations) {
                ps.setObject(1, v.violationId());
                ps.setString(2, v.line());
                ps.setString(3, v.variable());
                ps.setString(4, v.chart());
                ps.setString(5, v.ruleId());
                ps.setInt(6, v.limitsVersion());
                ps.setArray(7, c.createArrayOf("timestamptz", v.pointTimes().stream().map(Timestamp::from).toArray()));
                ps.setTimestamp(8, Timestamp.from(v.pointTimes().get(v.pointTimes().size() - 1)));
                ps.setDouble(9, v.value());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<RuleViolated> find(String line, String variable, Instant from, Instant to, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, chart, rule_id, limits_version, point_times, point_value, stored_at from spc.violation "
                        + "where line = ? and variable = ? and newest_point_at >= ? and newest_point_at < ? "
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
