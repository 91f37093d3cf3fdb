package io.poka.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.poka.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay runs on one replica: while another replica holds the relay's lease this one sends nothing, and
 * when that replica dies (its lease lapses) this one takes over and sends what waited, once.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OutboxRelayLeaseTest {
    @Inject
    QualityEvents events;

    @Test
    void onlyTheLeaseHolderRelaysAndTheLeaseMovesWhenItsHolderDies() throws Exception {
        Instant otherDiesAt = Instant.now().plusSeconds(4);
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres")) {
            // another replica holds the relay's lease and stops renewing it at otherDiesAt
            try (PreparedStatement s = c.prepareStatement("""
                    insert into platform.lease (name, owner, expires_at, acquired_at) values ('platform.outbox-relay',
                        'other-replica', ?, now()) on conflict (name) do update set owner = excluded.owner,
                        expires_at = excluded.expires_at, generation = platform.lease.generation + 1""")) {
                s.setTimestamp(1, Timestamp.from(otherDiesAt));
                s.executeUpdate();
            }
            UUID id = QuarkusTransaction.requiringNew().call(() -> events.publish("TestEventHappened",
                    "lease-" + UUID.randomUUID(), Map.of("answer", 42)));
            while (Instant.now().isBefore(otherDiesAt.minusMillis(500))) {
                assertNull(publishedAt(c, id), "nothing is relayed here while the other replica holds the lease");
                Thread.sleep(200);
            }
            Instant deadline = otherDiesAt.plusSeconds(20);
            while (publishedAt(c, id) == null && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertNotNull(publishedAt(c, id), "this replica took the lapsed lease over and relayed the event");
            try (PreparedStatement s = c.prepareStatement(
                    "select owner <> 'other-replica' from platform.lease where name = 'platform.outbox-relay'");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(true, rs.getBoolean(1), "the lease changed hands");
            }
        }
    }

    private static Timestamp publishedAt(Connection c, UUID id) throws Exception {
        try (PreparedStatement s = c.prepareStatement("select published_at from platform.outbox_event where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1);
            }
        }
    }
}
