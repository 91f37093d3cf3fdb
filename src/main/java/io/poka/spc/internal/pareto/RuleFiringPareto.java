package io.poka.spc.internal.pareto;

import io.agroal.api.AgroalDataSource;
import io.poka.spc.RuleFiringCount;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pareto of rule firings on one line: which rules (or which rule on which variable) fire most over a range, so the
 * few causes of most alarms stand out. A stored violation counts at each plotted point it fired on (fired_points).
 */
@ApplicationScoped
public class RuleFiringPareto {
    private final AgroalDataSource dataSource;

    RuleFiringPareto(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Bars, most firings first, over violations whose newest point is in [from, to); per variable if asked. */
    public List<RuleFiringCount> count(String line, Instant from, Instant to, boolean perVariable) {
        String group = perVariable ? "rule_id, variable" : "rule_id";
        String sql = "select rule_id, " + (perVariable ? "variable" : "null") + ", sum(fired_points) as n "
                + "from spc.violation where line = ? and newest_point_at >= ? and newest_point_at < ? "
                + "group by " + group + " order by n desc, " + group;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, line);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            List<String[]> keys = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new String[] {rs.getString(1), rs.getString(2)});
                    counts.add(rs.getLong(3));
                }
            }
            return bars(keys, counts);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RuleFiringCount> bars(List<String[]> keys, List<Long> counts) {
        double total = counts.stream().mapToLong(Long::longValue).sum();
        List<RuleFiringCount> out = new ArrayList<>(keys.size());
        long running = 0;
        for (int i = 0; i < keys.size(); i++) {
            running += counts.get(i);
            out.add(new RuleFiringCount(keys.get(i)[0], keys.get(i)[1], counts.get(i), running / total));
        }
        return out;
    }
}
