package io.poka.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The content of every table of Poka's schemas as (row count, sum of row hashes), read with one query, so a refused
 * request can be checked to have changed nothing (rows added, removed or updated, audit entries included). Tables
 * that change by themselves (login bookkeeping, the outbox relay, lease heartbeats) are left out; audit entries are read once chained
 * (the audit journal is empty).
 */
final class DatabaseSnapshot implements AutoCloseable {
    private static final Set<String> SCHEMAS = Set.of("platform", "telemetry", "audit", "lots", "inspections", "spc",
            "alerts", "scoring", "baselines", "notifications", "ncr", "capa");
    /** Login bookkeeping, the outbox relay, the replicas' lease heartbeats and the streaming scorer's line counts. */
    private static final Set<String> SELF_CHANGING = Set.of("platform.user_account", "platform.outbox_event",
            "platform.lease", "scoring.line_activity");

    private final Connection connection;
    private final String query;

    DatabaseSnapshot(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl);
        List<String> tables = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "select table_schema || '.' || table_name from information_schema.tables"
                        + " where table_type = 'BASE TABLE' order by 1")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (SCHEMAS.contains(table.substring(0, table.indexOf('.'))) && !SELF_CHANGING.contains(table)
                        && !table.contains("flyway")) {
                    tables.add(table);
                }
            }
        }
        query = String.join(" union all ", tables.stream().map(t -> "select '" + t + "', count(*),"
                + " coalesce(sum(hashtextextended(x::text, 0)), 0)::text from " + t + " x").toList());
    }

    /** Table name to "count/hash". */
    Map<String, String> take() throws SQLException {
        io.poka.testing.AuditJournal.awaitChained();
        Map<String, String> state = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                state.put(rs.getString(1), rs.getLong(2) + "/" + rs.getString(3));
            }
        }
        return state;
    }

    /**
     * Whether the audit entries after {@code afterSequence} are all account lockouts: a refused signature counts
     * toward lockout in a transaction of its own, and the lock is audited (21 CFR 11.300 d), by design.
     */
    boolean onlyLockoutsAuditedAfter(long afterSequence) throws SQLException {
        io.poka.testing.AuditJournal.awaitChained();
        try (var s = connection.prepareStatement("select count(*) from audit.entry where sequence > ?"
                + " and not (entity_type = 'User' and action = 'LOCKED')")) {
            s.setLong(1, afterSequence);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        }
    }

    /** Whether an audit entry after {@code afterSequence}, other than a lockout, was made by {@code user}. */
    boolean auditedFor(String user, long afterSequence) throws SQLException {
        io.poka.testing.AuditJournal.awaitChained();
        try (var s = connection.prepareStatement("select count(*) from audit.entry where sequence > ? and user_id = ?"
                + " and not (entity_type = 'User' and action = 'LOCKED')")) {
            s.setLong(1, afterSequence);
            s.setString(2, user);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** The newest audit sequence. */
    long auditHead() throws SQLException {
        io.poka.testing.AuditJournal.awaitChained();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(max(sequence), 0) from audit.entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The tables whose content differs. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(t -> !Objects.equals(before.get(t), after.get(t))).toList();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
