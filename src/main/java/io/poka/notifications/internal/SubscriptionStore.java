package io.poka.notifications.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JDBC access to notifications.subscription; a deleted subscription stays (its deliveries refer to it) but is hidden. */
@ApplicationScoped
class SubscriptionStore {
    private static final String COLUMNS = "id, name, line, min_severity, channel, target, changes, escalation_target, "
            + "escalate_after_s, secret is not null, secret_updated_at, created_at, created_by, updated_at, updated_by, "
            + "secret";

    private final Jdbc jdbc;

    SubscriptionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredSubscription s) {
        jdbc.update("insert into notifications.subscription (name, line, min_severity, channel, target, changes, "
                + "escalation_target, escalate_after_s, secret, secret_updated_at, updated_at, updated_by, id, "
                + "created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (c, ps) -> {
                    int i = content(c, ps, s);
                    ps.setTimestamp(i++, Timestamp.from(s.view().createdAt()));
                    ps.setString(i, s.view().createdBy());
                });
    }

    void update(StoredSubscription s) {
        jdbc.update("update notifications.subscription set name = ?, line = ?, min_severity = ?, channel = ?, "
                + "target = ?, changes = ?, escalation_target = ?, escalate_after_s = ?, secret = ?, "
                + "secret_updated_at = ?, updated_at = ?, updated_by = ? where id = ?", (c, ps) -> content(c, ps, s));
    }

    /** Sets name .. updated_by and id as parameters 1..13; returns the next parameter index. */
    private static int content(Connection c, PreparedStatement ps, StoredSubscription s) throws SQLException {
        SubscriptionView v = s.view();
        int i = 1;
        ps.setString(i++, v.name());
        ps.setString(i++, v.line());
        ps.setString(i++, v.minSeverity());
        ps.setString(i++, v.channel());
        ps.setString(i++, v.target());
        ps.setArray(i++, c.createArrayOf("text", v.changes().toArray()));
        ps.setString(i++, v.escalationTarget());
        if (v.escalateAfter() == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, v.escalateAfter().toSeconds());
        }
        ps.setString(i++, s.secret());
        ps.setTimestamp(i++, v.secretUpdatedAt() == null ? null : Timestamp.from(v.secretUpdatedAt()));
        ps.setTimestamp(i++, Timestamp.from(v.updatedAt()));
        ps.setString(i++, v.updatedBy());
        ps.setObject(i++, v.id());
        return i;
    }

    void delete(UUID id, Instant at, String by) {
        jdbc.update("update notifications.subscription set deleted_at = ?, updated_at = ?, updated_by = ? where id = ?",
                at, at, by, id);
    }

    Optional<StoredSubscription> find(UUID id, boolean forUpdate) {
        return query("where id = ? and deleted_at is null" + (forUpdate ? " for update" : ""), id).stream().findFirst();
    }

    /** Subscriptions watching {@code line} (theirs or every line), oldest first. */
    List<StoredSubscription> watching(String line) {
        return query("where deleted_at is null and (line is null or line = ?) order by created_at, id", line);
    }

    List<SubscriptionView> list(String line, int offset, int limit) {
        String where = "where deleted_at is null" + (line == null ? "" : " and line = ?")
                + " order by created_at, id offset " + offset + " limit " + limit;
        return query(where, line == null ? new Object[0] : new Object[] {line}).stream()
                .map(StoredSubscription::view).toList();
    }

    long count(String line) {
        return jdbc.count("select count(*) from notifications.subscription where deleted_at is null"
                + (line == null ? "" : " and line = ?"), line == null ? new Object[0] : new Object[] {line});
    }

    private List<StoredSubscription> query(String where, Object... args) {
        return jdbc.query("select " + COLUMNS + " from notifications.subscription " + where, SubscriptionStore::row,
                args);
    }

    private static StoredSubscription row(ResultSet rs) throws SQLException {
        long after = rs.getLong(9);
        Duration escalateAfter = rs.wasNull() ? null : Duration.ofSeconds(after);
        SubscriptionView v = new SubscriptionView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), Arrays.asList((String[]) rs.getArray(7).getArray()),
                rs.getString(8), escalateAfter, rs.getBoolean(10), Jdbc.instant(rs.getTimestamp(11)),
                Jdbc.instant(rs.getTimestamp(12)), rs.getString(13), Jdbc.instant(rs.getTimestamp(14)),
                rs.getString(15));
        return new StoredSubscription(v, rs.getString(16));
    }
}
