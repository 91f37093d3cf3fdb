package io.poka.alerts.internal;

import io.agroal.api.AgroalDataSource;
import io.poka.alerts.AlertsApi;
import io.poka.alerts.AnomalyEvidence;
import io.poka.alerts.IncidentQuery;
import io.poka.alerts.IncidentVariable;
import io.poka.alerts.IncidentView;
import io.poka.scoring.Contribution;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * JDBC access to the incident tables of the alerts schema: alerts.incident (the audited state), incident_activity
 * (span and counts), incident_signal (one row per signal id, the redelivery guard), incident_alert (its alerts) and
 * incident_variable (tallies for the ranking). Runs in the caller's transaction.
 */
@ApplicationScoped
class IncidentStore {
    private static final String COLUMNS = "i.id, i.line, i.status, i.severity, a.first_signal_at, a.last_signal_at, "
            + "i.acknowledged_at, i.acknowledged_by, i.assignee, i.summary, i.opened_at, i.assigned_at, i.assigned_by, "
            + "i.resolved_at, i.resolved_by, i.cause, i.label, a.signal_count, a.anomaly_count, i.top_variables, "
            + "i.merged_into, i.superseded_by";
    private static final String FROM = " from alerts.incident i join alerts.incident_activity a on a.incident_id = i.id ";
    private static final String SEVERITY_RANK = "case i.severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end";

    private final AgroalDataSource dataSource;

    IncidentStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Serialises, until the transaction ends, everything that groups or acts on the incidents of {@code line}: two
     * batches of one line at once would otherwise both open an incident.
     */
    void lockLine(String line) {
        execute("select pg_advisory_xact_lock(hashtextextended(?, 0))", "alerts.incident-line/" + line);
    }

    /** Those of {@code ids} already recorded as signals. */
    Set<UUID> known(Collection<UUID> ids) {
        return new HashSet<>(uuids("select signal_id from alerts.incident_signal where signal_id = any(?)",
                "uuid", ids.toArray()));
    }

    /** The uuids in the first column of {@code sql}, whose parameter is an array of {@code type}, in their order. */
    private List<UUID> uuids(String sql, String type, Object[] array, Object... before) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, before);
            ps.setArray(before.length + 1, c.createArrayOf(type, array));
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The unresolved incidents of a line whose last signal is at or after {@code since} and that still take signals
     * (not superseded), each with the first signal time of its variables.
     */
    List<IncidentGrouping.Span> unresolved(String line, Instant since) {
        String sql = "select i.id, a.first_signal_at, a.last_signal_at, i.severity, a.anomaly_count, f.variables, f.ats"
                + FROM + "left join lateral (select array_agg(v.variable) as variables, array_agg(v.at) as ats from "
                + "(select s.variable, min(s.signal_from) as at from alerts.incident_signal s "
                + "where s.incident_id = i.id and s.variable is not null group by s.variable) v) f on true "
                + "where i.line = ? and i.status in ('OPEN', 'ACKNOWLEDGED') and i.superseded_by is null "
                + "and a.last_signal_at >= ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, line);
            ps.setTimestamp(2, Timestamp.from(since));
            List<IncidentGrouping.Span> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Instant> firstSignalOf = new HashMap<>();
                    List<String> variables = texts(rs.getArray(6));
                    Array ats = rs.getArray(7);
                    if (ats != null) {
                        Timestamp[] times = (Timestamp[]) ats.getArray();
                        for (int k = 0; k < times.length; k++) {
                            firstSignalOf.put(variables.get(k), times[k].toInstant());
                        }
                    }
                    out.add(new IncidentGrouping.Span(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(), Severity.valueOf(rs.getString(4)), firstSignalOf,
                            rs.getInt(5) > 0));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the incident to new signals: an onset went to incident {@code by}. */
    void supersede(UUID id, UUID by) {
        execute("update alerts.incident set superseded_by = ? where id = ?", by, id);
    }

    /** Stores a new OPEN incident (its ranking follows with {@link #rank}) and its activity, counts 0. */
    void open(UUID id, String line, Severity severity, Instant first, Instant last, Instant now) {
        execute("insert into alerts.incident (id, line, status, severity, top_variables, summary, opened_at) "
                + "values (?, ?, 'OPEN', ?, '{}', '', ?)", id, line, severity.name(), Timestamp.from(now));
        execute("insert into alerts.incident_activity (incident_id, first_signal_at, last_signal_at, signal_count, "
                + "anomaly_count) values (?, ?, ?, 0, 0)", id, Timestamp.from(first), Timestamp.from(last));
    }

    /**
     * Records the signals of one incident (a signal id already stored is skipped). Signals without contributors (every
     * rule signal) go in with one INSERT ... SELECT FROM unnest(arrays) for the whole batch, so a poll with thousands of
     * firings costs one statement rather than one execution per signal; an anomaly signal carries its contributors.
     */
    void addSignals(UUID incidentId, List<Signal> signals, Instant now) {
        List<Signal> plain = new ArrayList<>(signals.size());
        List<Signal> withContributors = new ArrayList<>();
        for (Signal s : signals) {
            (s.contributors() == null ? plain : withContributors).add(s);
        }
        try (Connection c = dataSource.getConnection()) {
            if (!plain.isEmpty()) {
                addPlainSignals(c, incidentId, plain, now);
            }
            if (!withContributors.isEmpty()) {
                addSignalsWithContributors(c, incidentId, withContributors, now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addPlainSignals(Connection c, UUID incidentId, List<Signal> signals, Instant now)
            throws SQLException {
        int n = signals.size();
        Object[] ids = new Object[n];
        Object[] kinds = new Object[n];
        Object[] variables = new Object[n];
        Object[] alertIds = new Object[n];
        Object[] severities = new Object[n];
        Object[] firings = new Object[n];
        Object[] froms = new Object[n];
        Object[] tos = new Object[n];
        Object[] modelIds = new Object[n];
        Object[] modelVersions = new Object[n];
        Object[] scores = new Object[n];
        Object[] thresholds = new Object[n];
        for (int k = 0; k < n; k++) {
            Signal s = signals.get(k);
            ids[k] = s.id();
            kinds[k] = s.kind();
            variables[k] = s.variable();
            alertIds[k] = s.alertId();
            severities[k] = s.severity().name();
            firings[k] = s.firings();
            froms[k] = Timestamp.from(s.from());
            tos[k] = Timestamp.from(s.to());
            modelIds[k] = s.modelId();
            modelVersions[k] = s.modelVersion();
            scores[k] = s.score();
            thresholds[k] = s.threshold();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into alerts.incident_signal (signal_id, incident_id, "
                + "kind, variable, alert_id, severity, firings, signal_from, signal_to, model_id, model_version, score, "
                + "threshold, recorded_at) select u.id, ?, u.kind, u.variable, u.alert_id, u.severity, u.firings, "
                + "u.signal_from, u.signal_to, u.model_id, u.model_version, u.score, u.threshold, ? from unnest(?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?) as u (id, kind, variable, alert_id, severity, firings, signal_from, "
                + "signal_to, model_id, model_version, score, threshold) on conflict (signal_id) do nothing")) {
            ps.setObject(1, incidentId);
            ps.setTimestamp(2, Timestamp.from(now));
            int i = 3;
            ps.setArray(i++, c.createArrayOf("uuid", ids));
            ps.setArray(i++, c.createArrayOf("text", kinds));
            ps.setArray(i++, c.createArrayOf("text", variables));
            ps.setArray(i++, c.createArrayOf("uuid", alertIds));
            ps.setArray(i++, c.createArrayOf("text", severities));
            ps.setArray(i++, c.createArrayOf("int4", firings));
            ps.setArray(i++, c.createArrayOf("timestamptz", froms));
            ps.setArray(i++, c.createArrayOf("timestamptz", tos));
            ps.setArray(i++, c.createArrayOf("uuid", modelIds));
            ps.setArray(i++, c.createArrayOf("int4", modelVersions));
            ps.setArray(i++, c.createArrayOf("float8", scores));
            ps.setArray(i, c.createArrayOf("float8", thresholds));
            ps.executeUpdate();
        }
    }

    private static void addSignalsWithContributors(Connection c, UUID incidentId, List<Signal> signals, Instant now)
            throws SQLException {
        String sql = "insert into alerts.incident_signal (signal_id, incident_id, kind, variable, alert_id, severity, "
                + "firings, signal_from, signal_to, model_id, model_version, score, threshold, contributor_names, "
                + "contributor_values, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (signal_id) do nothing";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Signal s : signals) {
                int i = 1;
                ps.setObject(i++, s.id());
                ps.setObject(i++, incidentId);
                ps.setString(i++, s.kind());
                ps.setString(i++, s.variable());
                ps.setObject(i++, s.alertId());
                ps.setString(i++, s.severity().name());
                ps.setInt(i++, s.firings());
                ps.setTimestamp(i++, Timestamp.from(s.from()));
                ps.setTimestamp(i++, Timestamp.from(s.to()));
                ps.setObject(i++, s.modelId());
                ps.setObject(i++, s.modelVersion(), Types.INTEGER);
                ps.setObject(i++, s.score(), Types.DOUBLE);
                ps.setObject(i++, s.threshold(), Types.DOUBLE);
                ps.setArray(i++, c.createArrayOf("text",
                        s.contributors().stream().map(Contribution::variable).toArray()));
                ps.setArray(i++, c.createArrayOf("float8",
                        s.contributors().stream().map(Contribution::value).toArray()));
                ps.setTimestamp(i, Timestamp.from(now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Links alerts to the incident as its evidence (links that exist are kept). */
    void linkAlerts(UUID incidentId, Collection<UUID> alertIds) {
        if (alertIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into alerts.incident_alert (incident_id, alert_id) select ?, unnest(?) on conflict do nothing")) {
            ps.setObject(1, incidentId);
            ps.setArray(2, c.createArrayOf("uuid", alertIds.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds per-variable firings and contributions to the incident's tallies. */
    void addTallies(UUID incidentId, Collection<IncidentVariable> deltas) {
        String sql = "insert into alerts.incident_variable as t (incident_id, variable, firings, high, medium, low, "
                + "contribution) values (?, ?, ?, ?, ?, ?, ?) on conflict (incident_id, variable) do update set "
                + "firings = t.firings + excluded.firings, high = t.high + excluded.high, "
                + "medium = t.medium + excluded.medium, low = t.low + excluded.low, "
                + "contribution = t.contribution + excluded.contribution";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (IncidentVariable d : deltas) {
                ps.setObject(1, incidentId);
                ps.setString(2, d.variable());
                ps.setInt(3, d.firings());
                ps.setInt(4, d.high());
                ps.setInt(5, d.medium());
                ps.setInt(6, d.low());
                ps.setDouble(7, d.contribution());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Widens the incident's span to [first, last] and counts the added signals. */
    void widen(UUID incidentId, Instant first, Instant last, int signals, int anomalies) {
        execute("update alerts.incident_activity set first_signal_at = least(first_signal_at, ?), "
                + "last_signal_at = greatest(last_signal_at, ?), signal_count = signal_count + ?, "
                + "anomaly_count = anomaly_count + ? where incident_id = ?", Timestamp.from(first),
                Timestamp.from(last), signals, anomalies, incidentId);
    }

    /** The incident's variables with their tallies (unranked). */
    List<IncidentVariable> variables(UUID incidentId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select variable, firings, high, medium, low, contribution from alerts.incident_variable "
                        + "where incident_id = ?")) {
            ps.setObject(1, incidentId);
            List<IncidentVariable> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IncidentVariable(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                            rs.getInt(5), rs.getDouble(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets what the incident is about: its severity, top variables and summary. */
    void rank(UUID incidentId, Severity severity, List<String> top, String summary) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update alerts.incident set severity = ?, top_variables = ?, summary = ? where id = ?")) {
            ps.setString(1, severity.name());
            ps.setArray(2, c.createArrayOf("text", top.toArray()));
            ps.setString(3, summary);
            ps.setObject(4, incidentId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<IncidentView> find(UUID id, boolean forUpdate) {
        return query("select " + COLUMNS + FROM + "where i.id = ?" + (forUpdate ? " for update of i" : ""), id)
                .stream().findFirst();
    }

    /** One page of the incidents matching {@code q}. */
    List<IncidentView> list(IncidentQuery q) {
        List<Object> args = new ArrayList<>();
        String sql = "select " + COLUMNS + FROM + where(q, args) + " order by "
                + (q.mostSevereFirst() ? SEVERITY_RANK + ", " : "") + "a.last_signal_at desc, i.id limit "
                + q.size() + " offset " + (long) q.page() * q.size();
        return query(sql, args.toArray());
    }

    /** How many incidents match {@code q} in all. */
    long count(IncidentQuery q) {
        List<Object> args = new ArrayList<>();
        String sql = "select count(*)" + FROM + where(q, args);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(IncidentQuery q, List<Object> args) {
        StringBuilder where = new StringBuilder("where true");
        if (q.line() != null) {
            where.append(" and i.line = ?");
            args.add(q.line());
        }
        if (IncidentService.UNRESOLVED.equals(q.status())) {
            where.append(" and i.status in ('OPEN', 'ACKNOWLEDGED')");
        } else if (q.status() != null) {
            where.append(" and i.status = ?");
            args.add(q.status());
        } else {
            where.append(" and i.status <> 'MERGED'");
        }
        if (q.severity() != null) {
            where.append(" and i.severity = ?");
            args.add(q.severity());
        }
        if (q.from() != null) {
            where.append(" and a.last_signal_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.append(" and a.first_signal_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        return where.toString();
    }

    /** The incident's newest anomaly detections, at most {@code limit}. */
    List<AnomalyEvidence> anomalies(UUID incidentId, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select signal_id, model_id, model_version, score, threshold, signal_to, contributor_names, severity, "
                        + "contributor_values "
                        + "from alerts.incident_signal where incident_id = ? and kind = 'ANOMALY' "
                        + "order by signal_to desc, signal_id limit " + limit)) {
            ps.setObject(1, incidentId);
            List<AnomalyEvidence> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AnomalyEvidence(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getInt(3), rs.getDouble(4), rs.getDouble(5), rs.getTimestamp(6).toInstant(),
                            texts(rs.getArray(7)), rs.getString(8), contributions(rs.getArray(7), rs.getArray(9))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One anomaly detection with its incident's line and its contributions, if it was grouped. */
    Optional<AlertsApi.AnomalySignal> anomaly(UUID anomalyId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select s.signal_id, s.model_id, s.model_version, s.score, s.threshold, s.signal_to, "
                        + "s.contributor_names, s.severity, s.incident_id, i.line, s.contributor_values "
                        + "from alerts.incident_signal s join alerts.incident i on i.id = s.incident_id "
                        + "where s.signal_id = ? and s.kind = 'ANOMALY'")) {
            ps.setObject(1, anomalyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                AnomalyEvidence evidence = new AnomalyEvidence(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getInt(3), rs.getDouble(4), rs.getDouble(5), rs.getTimestamp(6).toInstant(),
                        texts(rs.getArray(7)), rs.getString(8), contributions(rs.getArray(7), rs.getArray(11)));
                Array values = rs.getArray(11);
                List<Double> contributions = values == null ? List.of() : List.of((Double[]) values.getArray());
                return Optional.of(new AlertsApi.AnomalySignal(rs.getObject(9, UUID.class), rs.getString(10), evidence,
                        contributions));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the incident's alerts in one of {@code statuses}, in id order (the order they are locked in). */
    List<UUID> alertIds(UUID incidentId, String... statuses) {
        return uuids("select l.alert_id from alerts.incident_alert l join alerts.alert a on a.id = l.alert_id "
                + "where l.incident_id = ? and a.status = any(?) order by l.alert_id", "text", statuses, incidentId);
    }

    void acknowledge(UUID id, Instant at, String by) {
        execute("update alerts.incident set status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ? "
                + "where id = ?", Timestamp.from(at), by, id);
    }

    void assign(UUID id, String assignee, Instant at, String by) {
        execute("update alerts.incident set assignee = ?, assigned_at = ?, assigned_by = ? where id = ?", assignee,
                Timestamp.from(at), by, id);
    }

    void resolve(UUID id, Instant at, String by, String cause, String label) {
        execute("update alerts.incident set status = 'RESOLVED', resolved_at = ?, resolved_by = ?, cause = ?, "
                + "label = ? where id = ?", Timestamp.from(at), by, cause, label, id);
    }

    /**
     * Moves everything of incident {@code gone} to {@code keep} (signals, alert links, variable tallies, span and
     * counts) and marks {@code gone} MERGED into {@code keep}; ranking {@code keep} again is the caller's.
     */
    void merge(UUID gone, UUID keep) {
        execute("update alerts.incident_signal set incident_id = ? where incident_id = ?", keep, gone);
        execute("insert into alerts.incident_alert (incident_id, alert_id) select ?, alert_id from "
                + "alerts.incident_alert where incident_id = ? on conflict do nothing", keep, gone);
        execute("delete from alerts.incident_alert where incident_id = ?", gone);
        addTallies(keep, variables(gone));
        execute("delete from alerts.incident_variable where incident_id = ?", gone);
        execute("update alerts.incident_activity k set first_signal_at = least(k.first_signal_at, g.first_signal_at), "
                + "last_signal_at = greatest(k.last_signal_at, g.last_signal_at), "
                + "signal_count = k.signal_count + g.signal_count, anomaly_count = k.anomaly_count + g.anomaly_count "
                + "from alerts.incident_activity g where k.incident_id = ? and g.incident_id = ?", keep, gone);
        execute("update alerts.incident_activity set signal_count = 0, anomaly_count = 0 where incident_id = ?", gone);
        execute("update alerts.incident set status = 'MERGED', merged_into = ? where id = ?", keep, gone);
    }

    private void execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private List<IncidentView> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<IncidentView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IncidentView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                            instant(rs.getTimestamp(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                            instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), rs.getString(13),
                            instant(rs.getTimestamp(14)), rs.getString(15), rs.getString(16), rs.getString(17),
                            rs.getInt(18), rs.getInt(19), texts(rs.getArray(20)), rs.getObject(21, UUID.class),
                            rs.getObject(22, UUID.class)));
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

    /** The stored contributions of an anomaly, pairing the names with the values in their stored order. */
    private static List<Contribution> contributions(Array names, Array values) throws SQLException {
        if (names == null || values == null) {
            return List.of();
        }
        String[] n = (String[]) names.getArray();
        Double[] v = (Double[]) values.getArray();
        List<Contribution> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n.length, v.length); i++) {
            out.add(new Contribution(n[i], v[i]));
        }
        return out;
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
