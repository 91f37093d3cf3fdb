package io.poka.notifications.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * JDBC access to notifications.delivery. A delivery is inserted once per (incident, kind, channel, recipient): a
 * repeated or replayed change inserts nothing. Workers claim due rows with FOR UPDATE SKIP LOCKED, so two workers
 * (threads or replicas) never hold the same row, and a SENT row is never claimed again.
 */
@ApplicationScoped
class DeliveryStore {
    static final String COLUMNS = "d.id, d.subscription_id, d.incident_id, d.line, d.kind, d.channel, d.recipient, "
            + "d.status, d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_error, d.sent_at, d.created_at";

    /** A new delivery; {@code dueAt} is now, or for an escalation the time it becomes due. */
    record NewDelivery(UUID id, UUID subscriptionId, UUID incidentId, String line, String kind, String channel,
            String recipient, Instant dueAt, Instant createdAt, String payload) {
    }

    /** Criteria of the delivery list; null criteria match everything. */
    record Filter(String status, UUID incidentId, UUID subscriptionId, String kind) {
    }

    private final Jdbc jdbc;

    DeliveryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the delivery unless one exists for its (incident, kind, channel, recipient); returns its id if inserted. */
    Optional<UUID> enqueue(NewDelivery d) {
        return enqueue(d, false);
    }

    /**
     * Inserts a follow-up (ACKNOWLEDGED, RESOLVED, ...) only if the same recipient was given the first notice (an
     * OPENED delivery on the same channel) of the incident; returns its id if inserted.
     */
    Optional<UUID> enqueueFollowUp(NewDelivery d) {
        return enqueue(d, true);
    }

    private Optional<UUID> enqueue(NewDelivery d, boolean onlyIfNoticed) {
        String sql = "insert into notifications.delivery (id, subscription_id, incident_id, line, kind, channel, "
                + "recipient, status, attempts, next_attempt_at, created_at, payload) "
                + "select ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ? "
                + (onlyIfNoticed ? "where exists (select 1 from notifications.delivery o where o.incident_id = ? "
                        + "and o.kind = 'OPENED' and o.channel = ? and o.recipient = ?) " : "")
                + "on conflict (incident_id, kind, channel, recipient) do nothing returning id";
        Object[] values = {d.id(), d.subscriptionId(), d.incidentId(), d.line(), d.kind(), d.channel(), d.recipient(),
            d.dueAt(), d.createdAt(), d.payload()};
        Object[] args = onlyIfNoticed ? concat(values, d.incidentId(), d.channel(), d.recipient()) : values;
        return jdbc.query(sql, rs -> rs.getObject(1, UUID.class), args).stream().findFirst();
    }

    private static Object[] concat(Object[] head, Object... tail) {
        Object[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** Locks and returns the most overdue pending delivery that no other transaction holds, if any is due at {@code now}. */
    Optional<DueDelivery> claimDue(Instant now) {
        return jdbc.query("select " + COLUMNS + ", d.payload, s.secret from notifications.delivery d "
                + "join notifications.subscription s on s.id = d.subscription_id "
                + "where d.status = 'PENDING' and d.next_attempt_at <= ? order by d.next_attempt_at, d.id limit 1 "
                + "for update of d skip locked", rs -> new DueDelivery(view(rs), rs.getString(15), rs.getString(16)),
                now).stream().findFirst();
    }

    void markSent(UUID id, Instant at) {
        jdbc.update("update notifications.delivery set status = 'SENT', attempts = attempts + 1, last_attempt_at = ?, "
                + "sent_at = ?, last_error = null where id = ?", at, at, id);
    }

    /** A failed attempt with another one to come at {@code next}. */
    void markRetry(UUID id, Instant at, String error, Instant next) {
        jdbc.update("update notifications.delivery set attempts = attempts + 1, last_attempt_at = ?, last_error = ?, "
                + "next_attempt_at = ? where id = ?", at, error, next, id);
    }

    /** The last allowed attempt failed: dead-lettered, kept with its error. */
    void markFailed(UUID id, Instant at, String error) {
        jdbc.update("update notifications.delivery set status = 'FAILED', attempts = attempts + 1, "
                + "last_attempt_at = ?, last_error = ? where id = ?", at, error, id);
    }

    /** Ended without an attempt: SKIPPED (channel off) or CANCELLED (moot), with the reason. */
    void markEnded(UUID id, String status, String reason) {
        jdbc.update("update notifications.delivery set status = ?, last_error = ? where id = ?", status, reason, id);
    }

    /** A dead-lettered delivery made due again with a fresh set of attempts. */
    void requeue(UUID id, Instant now) {
        jdbc.update("update notifications.delivery set status = 'PENDING', attempts = 0, next_attempt_at = ? "
                + "where id = ?", now, id);
    }

    /** Pending deliveries of an incident of one kind (e.g. its escalations), locked. */
    List<DeliveryView> pending(UUID incidentId, String kind) {
        return query("where d.incident_id = ? and d.kind = ? and d.status = 'PENDING' order by d.id for update",
                incidentId, kind);
    }

    /** Pending deliveries of a subscription, locked. */
    List<DeliveryView> pendingOf(UUID subscriptionId) {
        return query("where d.subscription_id = ? and d.status = 'PENDING' order by d.id for update", subscriptionId);
    }

    Optional<DeliveryView> find(UUID id, boolean forUpdate) {
        return query("where d.id = ?" + (forUpdate ? " for update" : ""), id).stream().findFirst();
    }

    List<DeliveryView> list(Filter f, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args) + " order by d.created_at desc, d.id offset " + offset + " limit " + limit;
        return query(where, args.toArray());
    }

    long count(Filter f) {
        List<Object> args = new ArrayList<>();
        return jdbc.count("select count(*) from notifications.delivery d " + where(f, args), args.toArray());
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder where = new StringBuilder("where true");
        criterion(where, args, "d.status", f.status());
        criterion(where, args, "d.incident_id", f.incidentId());
        criterion(where, args, "d.subscription_id", f.subscriptionId());
        criterion(where, args, "d.kind", f.kind());
        return where.toString();
    }

    private static void criterion(StringBuilder where, List<Object> args, String column, Object value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private List<DeliveryView> query(String where, Object... args) {
        return jdbc.query("select " + COLUMNS + " from notifications.delivery d " + where, DeliveryStore::view, args);
    }

    private static DeliveryView view(ResultSet rs) throws SQLException {
        return new DeliveryView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                Jdbc.instant(rs.getTimestamp(10)), Jdbc.instant(rs.getTimestamp(11)), rs.getString(12),
                Jdbc.instant(rs.getTimestamp(13)), Jdbc.instant(rs.getTimestamp(14)));
    }
}
