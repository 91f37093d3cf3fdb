package io.poka.spc.internal;

import io.poka.platform.CopyCsv;
import io.agroal.api.AgroalDataSource;
import io.poka.spc.RuleViolated;
import io.poka.spc.internal.chart.CusumMonitor;
import io.poka.spc.internal.rules.RunRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/** JDBC access to spc.violation: COPY of each batch from the stream, range reads for the chart query. */
@ApplicationScoped
public class ViolationStore {
    private final AgroalDataSource dataSource;

    ViolationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a batch with one COPY (a fault can violate several rules on every reading). */
    void insertAll(List<RuleViolated> violations) {
        if (violations.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(violations.size() * 200);
        for (RuleViolated v : violations) {
            csv.append(v.violationId()).append(',');
            CopyCsv.quoted(csv, v.line()).append(',');
            CopyCsv.quoted(csv, v.variable()).append(',');
            csv.append(v.chart()).append(',').append(v.ruleId()).append(',').append(v.limitsVersion()).append(",\"{");
            for (int i = 0; i < v.pointTimes().size(); i++) {
                csv.append(i == 0 ? "" : ",").append(v.pointTimes().get(i));
            }
            csv.append("}\",").append(v.pointTimes().get(v.pointTimes().size() - 1)).append(',').append(v.value())
                    .append('\n');
        }
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy spc.violation (id, line, variable, chart, rule_id, "
                    + "limits_version, point_times, newest_point_at, point_value) from stdin with (format csv)",
                    new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
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
