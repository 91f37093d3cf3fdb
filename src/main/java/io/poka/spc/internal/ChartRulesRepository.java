package io.poka.spc.internal;

import io.agroal.api.AgroalDataSource;
import io.poka.spc.ChartRulesView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import io.poka.spc.internal.rules.RuleSet;
import io.poka.spc.internal.rules.RunRule;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** JDBC access to spc.chart_rules (the rules chosen per characteristic). Callers own the transaction. */
@ApplicationScoped
public class ChartRulesRepository {
    static final String SOURCE = "CHARACTERISTIC";

    private final AgroalDataSource dataSource;

    ChartRulesRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<ChartRulesView> find(String line, String variable) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select rules, changed_at, changed_by, reason from spc.chart_rules where line = ? and variable = ?")) {
            ps.setString(1, line);
            ps.setString(2, variable);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<String> rules = Arrays.asList((String[]) rs.getArray(1).getArray());
                return Optional.of(new ChartRulesView(line, variable, List.copyOf(rules), SOURCE,
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rules chosen for the characteristic, if any (the chart falls back to the catalogue's set). */
    Optional<RuleSet> chosen(String line, String variable) {
        return find(line, variable)
                .map(r -> new RuleSet(EnumSet.copyOf(r.rules().stream().map(RunRule::valueOf).toList())));
    }

    void upsert(ChartRulesView v) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into spc.chart_rules (line, variable, rules, changed_at, changed_by, reason) values (?, ?, ?, ?, ?, ?) "
                        + "on conflict (line, variable) do update set rules = excluded.rules, changed_at = excluded.changed_at, "
                        + "changed_by = excluded.changed_by, reason = excluded.reason")) {
            ps.setString(1, v.line());
            ps.setString(2, v.variable());
            ps.setArray(3, c.createArrayOf("text", v.rules().toArray()));
            ps.setTimestamp(4, Timestamp.from(v.changedAt()));
            ps.setString(5, v.changedBy());
            ps.setString(6, v.reason());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean delete(String line, String variable) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from spc.chart_rules where line = ? and variable = ?")) {
            ps.setString(1, line);
            ps.setString(2, variable);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
