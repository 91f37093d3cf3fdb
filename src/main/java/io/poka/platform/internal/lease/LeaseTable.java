package io.poka.platform.internal.lease;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The lease rows of one replica: take or renew in one upsert that succeeds only for the holder or on an expired row,
 * timed by the database's clock (replicas' clocks may disagree). What the replica believes it holds is kept on its
 * own monotonic clock, measured from before the statement, so it believes less than the database grants.
 */
public final class LeaseTable {
    private static final String TAKE = """
            insert into platform.lease as l (name, owner, expires_at, acquired_at)
            values (?, ?, clock_timestamp() + make_interval(secs => ?), clock_timestamp())
            on conflict (name) do update set owner = excluded.owner, expires_at = excluded.expires_at,
                acquired_at = case when l.owner = excluded.owner then l.acquired_at else excluded.acquired_at end,
                generation = case when l.owner = excluded.owner then l.generation else l.generation + 1 end
            where l.owner = excluded.owner or l.expires_at < clock_timestamp()
            returning generation""";

    private final DataSource dataSource;
    private final String owner;
    private final Duration ttl;
    /** Lease name to the System.nanoTime() until which this replica may act on it. */
    private final Map<String, Long> heldUntil = new ConcurrentHashMap<>();

    public LeaseTable(DataSource dataSource, String owner, Duration ttl) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.ttl = ttl;
    }

    /** Takes or renews the lease; the generation (fencing token) when held, empty when another replica holds it. */
    public OptionalLong take(String name) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(TAKE)) {
            s.setString(1, name);
            s.setString(2, owner);
            s.setDouble(3, ttl.toMillis() / 1000.0);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    heldUntil.put(name, started + ttl.toNanos());
                    return OptionalLong.of(rs.getLong(1));
                }
            }
        }
        heldUntil.remove(name);
        return OptionalLong.empty();
    }

    public boolean holds(String name) {
        Long until = heldUntil.get(name);
        return until != null && System.nanoTime() - until < 0;
    }

    /** The leases this replica took and has not released (renewed or not). */
    public java.util.Set<String> held() {
        return java.util.Set.copyOf(heldUntil.keySet());
    }

    /** Ends this replica's lease now so another can take it at once (the row stays, so generations keep rising). */
    public void release(String name) throws SQLException {
        heldUntil.remove(name);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update platform.lease set expires_at = clock_timestamp() where name = ? and owner = ?")) {
            s.setString(1, name);
            s.setString(2, owner);
            s.executeUpdate();
        }
    }

    /** Forgets a lease locally (renewal failed): the replica stops acting on it until it takes it again. */
    public void forget(String name) {
        heldUntil.remove(name);
    }

    public String owner() {
        return owner;
    }
}
