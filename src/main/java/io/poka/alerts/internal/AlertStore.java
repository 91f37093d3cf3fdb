package io.poka.alerts.internal;

import io.agroal.api.AgroalDataSource;
import io.poka.alerts.AlertQuery;
import io.poka.alerts.AlertView;
import io.poka.alerts.OpenAlertCount;
import io.poka.spc.RuleViolated;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
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

/**
 * JDBC access to alerts.alert. A violation is folded in with one upsert on the partial unique index "one unresolved
 * alert per (line, variable, chart, rule)": it either raises a new alert or attaches to the ongoing one.
 */
@ApplicationScoped
public class AlertStore {
    private static final String COLUMNS = "id, line, variable, chart, rule_id, status, limits_version, first_points, "
            + "first_point_at, last_point_at, occurrences, raised_at, acknowledged_at, acknowledged_by, resolved_at, "
            + "resolved_by, root_cause, severity, rule_description, label";
    private static final String SEVERITY_RANK = "case severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end";
    private static final String UPSERT = "insert into alerts.alert (id, line, variable, chart, rule_id, status, "
            + "limits_version, first_points, first_point_at, last_point_at, occurrences, raised_at, severity, "
            + "rule_description) values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (line, variable, chart, rule_id) where status <> 'RESOLVED' do update set "
            + "last_point_at = greatest(alerts.alert.last_point_at, excluded.last_point_at), "
            + "occurrences = alerts.alert.occurrences + excluded.occurrences "
            + "returning id, (xmax = 0) as inserted";

    /** The alert a violation went to, and whether it was raised by it. */
    record Folded(UUID alertId, boolean raised) {
    }

    private final AgroalDataSource dataSource;

    AlertStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Folds {@code count} violations of one condition, the first being {@code v}, the newest point at {@code last}. */
    Folded fold(RuleViolated v, Severity severity, int count, Instant last, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            Instant first = v.pointTimes().get(0);
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, v.line());
            ps.setString(3, v.variable());
            ps.setString(4, v.chart());
            ps.setString(5, v.ruleId());
            ps.setInt(6, v.limitsVersion());
            ps.setArray(7, c.createArrayOf("timestamptz", v.pointTimes().stream().map(Timestamp::from).toArray()));
            ps.setTimestamp(8, Timestamp.from(first));
            ps.setTimestamp(9, Timestamp.from(last));
            ps.setInt(10, count);
            ps.setTimestamp(11, Timestamp.from(now));
            ps.setString(12, severity.name());
            ps.setString(13, v.ruleDescription());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Folded(rs.getObject(1, UUID.class), rs.getBoolean(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<AlertView> find(UUID id, boolean forUpdate) {
        return query("where id = ?" + (forUpdate ? " for update" : ""), id).stream().findFirst();
    }

    /** One page of the alerts matching {@code q} (rows page * limit on). */
    List<AlertView> list(AlertQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = where(q, args);
        where.append(" order by ").append(q.mostSevereFirst() ? SEVERITY_RANK + ", " : "")
                .append("raised_at desc, id limit ").append(q.limit()).append(" offset ")
                .append((long) q.page() * q.limit());
        return query(where.toString(), args.toArray());
    }

    /** How many alerts match {@code q} in all. */
    long count(AlertQuery q) {
        List<Object> args = new ArrayList<>();
        String sql = "select count(*) from alerts.alert " + where(q, args);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StringBuilder where(AlertQuery q, List<Object> args) {
        StringBuilder where = new StringBuilder("where true");
        if ("UNRESOLVED".equals(q.status())) {
            where.append(" and status <> 'RESOLVED'");
        } else {
            criterion(where, args, "status", q.status());
        }
        criterion(where, args, "line", q.line());
        criterion(where, args, "severity", q.severity());
        criterion(where, args, "label", q.label());
        if (q.incidentId() != null) {
            where.append(" and id in (select alert_id from alerts.incident_alert where incident_id = ?)");
            args.add(q.incidentId());
        }
        return where;
    }

    private static void criterion(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    List<OpenAlertCount> openCounts() {
        String sql = "select line, severity, count(*) from alerts.alert where status <> 'RESOLVED' "
                + "group by line, severity order by line, " + SEVERITY_RANK;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            List<OpenAlertCount> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new OpenAlertCount(rs.getString(1), rs.getString(2), rs.getInt(3)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<AlertView> unresolved() {
        return query("where status <> 'RESOLVED' order by raised_at desc, id");
    }

    void acknowledge(UUID id, Instant at, String by) {
        update("update alerts.alert set status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ? where id = ?",
                at, by, null, null, id);
    }

    /** Resolves with the root cause (for a false alarm: the note why) and the feedback label. */
    void resolve(UUID id, Instant at, String by, String rootCause, String label) {
        update("update alerts.alert set status = 'RESOLVED', resolved_at = ?, resolved_by = ?, root_cause = ?, "
                + "label = ? where id = ?", at, by, rootCause, label, id);
    }

    private void update(String sql, Instant at, String by, String rootCause, String label, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setTimestamp(i++, Timestamp.from(at));
            ps.setString(i++, by);
            if (rootCause != null) {
                ps.setString(i++, rootCause);
                ps.setString(i++, label);
            }
            ps.setObject(i, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AlertView> query(String where, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from alerts.alert " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<AlertView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AlertView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), instants(rs.getArray(8)),
                            instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), rs.getInt(11),
                            instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)), rs.getString(14),
                            instant(rs.getTimestamp(15)), rs.getString(16), rs.getString(17), rs.getString(18),
                            rs.getString(19), rs.getString(20)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<Instant> instants(Array array) throws SQLException {
        List<Instant> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(((Timestamp) o).toInstant());
        }
        return out;
    }
}
