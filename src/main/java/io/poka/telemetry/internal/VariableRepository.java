package io.poka.telemetry.internal;

import io.agroal.api.AgroalDataSource;
import io.poka.telemetry.ChartKind;
import io.poka.telemetry.RuleSetName;
import io.poka.telemetry.VariableDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JDBC access to telemetry.variable; callers own the transaction. */
@ApplicationScoped
public class VariableRepository {
    private static final String COLUMNS = "id, line, variable, unit, description, expected_min, expected_max, "
            + "sampling_interval_seconds, characteristic, lsl, usl, target, chart_type, subgroup_size, rule_set";

    private final AgroalDataSource dataSource;

    VariableRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<VariableDefinition> find(String line, String variable) {
        List<VariableDefinition> found = query("where line = ? and variable = ?", line, variable);
        return found.stream().findFirst();
    }

    Optional<VariableDefinition> find(UUID id) {
        return query("where id = ?", id).stream().findFirst();
    }

    List<VariableDefinition> list(String line) {
        return line == null ? query("order by line, variable") : query("where line = ? order by variable", line);
    }

    void insert(VariableDefinition v, Instant now) {
        execute("insert into telemetry.variable (" + COLUMNS + ", created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v, now, now);
    }

    void update(VariableDefinition v, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update telemetry.variable set unit = ?, description = ?, expected_min = ?, expected_max = ?, "
                        + "sampling_interval_seconds = ?, characteristic = ?, lsl = ?, usl = ?, target = ?, "
                        + "chart_type = ?, subgroup_size = ?, rule_set = ?, updated_at = ? where id = ?")) {
            int i = bindDetails(ps, v, 1);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setObject(i, v.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void delete(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from telemetry.variable where id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql, VariableDefinition v, Instant created, Instant updated) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setObject(i++, v.id());
            ps.setString(i++, v.line());
            ps.setString(i++, v.variable());
            i = bindDetails(ps, v, i);
            ps.setTimestamp(i++, Timestamp.from(created));
            ps.setTimestamp(i, Timestamp.from(updated));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<VariableDefinition> query(String where, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from telemetry.variable " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<VariableDefinition> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new VariableDefinition(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), nullableDouble(rs, 6), nullableDouble(rs, 7),
                            nullableDouble(rs, 8), rs.getString(9), nullableDouble(rs, 10), nullableDouble(rs, 11),
                            nullableDouble(rs, 12), ChartKind.valueOf(rs.getString(13)), rs.getInt(14),
                            RuleSetName.valueOf(rs.getString(15))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Binds unit .. rule_set (the columns an update may change) from {@code first}; returns the next index. */
    private static int bindDetails(PreparedStatement ps, VariableDefinition v, int first) throws SQLException {
        int i = first;
        ps.setString(i++, v.unit());
        ps.setString(i++, v.description());
        setDouble(ps, i++, v.expectedMin());
        setDouble(ps, i++, v.expectedMax());
        setDouble(ps, i++, v.samplingIntervalSeconds());
        ps.setString(i++, v.characteristic());
        setDouble(ps, i++, v.lsl());
        setDouble(ps, i++, v.usl());
        setDouble(ps, i++, v.target());
        ps.setString(i++, v.chartType().name());
        ps.setInt(i++, v.subgroupSize());
        ps.setString(i++, v.ruleSet().name());
        return i;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }
}
