package io.poka.notifications.internal;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    private final AgroalDataSource dataSource;

    SubscriptionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(StoredSubscription s) {
        SubscriptionView v = s.view();
        String sql = "insert into notifications.subscription (id, name, line, min_severity, channel, target, changes, "
                + "escalation_target, escalate_after_s, secret, secret_updated_at, created_at, created_by, updated_at, "
                + "updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, v.id());
            int i = content(c, ps, 2, s);
            ps.setTimestamp(i++, Timestamp.from(v.createdAt()));
            ps.setString(i++, v.createdBy());
            ps.setTimestamp(i++, Timestamp.from(v.updatedAt()));
            ps.setString(i, v.updatedBy());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void update(StoredSubscription s) {
        SubscriptionView v = s.view();
        String sql = "update notifications.subscription set name = ?, line = ?, min_severity = ?, channel = ?, "
                + "target = ?, changes = ?, escalation_target = ?, escalate_after_s = ?, secret = ?, "
                + "secret_updated_at = ?, updated_at = ?, updated_by = ? where id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = content(c, ps, 1, s);
            ps.setTimestamp(i++, Timestamp.from(v.updatedAt()));
            ps.setString(i++, v.updatedBy());
            ps.setObject(i, v.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets name .. secret_updated_at from {@code i}; returns the next parameter index. */
    private static int content(Connection c, PreparedStatement ps, int i, StoredSubscription s) throws SQLException {
        SubscriptionView v = s.view();
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
        return i;
    }

    void delete(UUID id, Instant at, String by) {
        String sql = "update notifications.subscription set deleted_at = ?, updated_at = ?, updated_by = ? where id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, by);
            ps.setObject(4, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
        Object[] args = line == null ? new Object[0] : new Object[] {line};
        return query(where, args).stream().map(StoredSubscription::view).toList();
    }

    long count(String line) {
        String sql = "select count(*) from notifications.subscription where deleted_at is null"
                + (line == null ? "" : " and line = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (line != null) {
                ps.setString(1, line);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<StoredSubscription> query(String where, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from notifications.subscription "
                        + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<StoredSubscription> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long after = rs.getLong(9);
                    Duration escalateAfter = rs.wasNull() ? null : Duration.ofSeconds(after);
                    SubscriptionView v = new SubscriptionView(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            Arrays.asList((String[]) rs.getArray(7).getArray()), rs.getString(8), escalateAfter,
                            rs.getBoolean(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
                            rs.getString(13), instant(rs.getTimestamp(14)), rs.getString(15));
                    out.add(new StoredSubscription(v, rs.getString(16)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
