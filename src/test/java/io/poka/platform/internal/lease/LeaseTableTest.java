package io.poka.platform.internal.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two replicas contend for one lease in the real database: one holds it, and it moves only when it lapses or is given up. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LeaseTableTest {
    private static final Duration TTL = Duration.ofMillis(1500);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void onlyOneReplicaHoldsALeaseAndItsHolderRenewsIt() throws Exception {
        String name = "test-" + UUID.randomUUID();
        LeaseTable a = new LeaseTable(dataSource, "replica-a", TTL);
        LeaseTable b = new LeaseTable(dataSource, "replica-b", TTL);

        OptionalLong first = a.take(name);
        assertEquals(OptionalLong.of(1), first, "a takes the free lease, generation 1");
        assertTrue(a.holds(name));
        assertTrue(b.take(name).isEmpty(), "b cannot take a lease a holds");
        assertFalse(b.holds(name));
        for (int i = 0; i < 4; i++) {
            Thread.sleep(TTL.toMillis() / 3);
            assertEquals(OptionalLong.of(1), a.take(name), "a renews its lease; it stays generation 1");
            assertTrue(b.take(name).isEmpty(), "b is refused while a renews (" + i + ")");
        }
    }

    @Test
    void aLeaseWhoseHolderStoppedRenewingMovesToAnotherReplica() throws Exception {
        String name = "test-" + UUID.randomUUID();
        LeaseTable a = new LeaseTable(dataSource, "replica-a", TTL);
        LeaseTable b = new LeaseTable(dataSource, "replica-b", TTL);
        assertTrue(a.take(name).isPresent());
        // a dies (kill -9, long GC pause): no more renewals
        Thread.sleep(TTL.toMillis() + 300);
        assertFalse(a.holds(name), "a knows by its own clock that its lease has lapsed");
        assertEquals(OptionalLong.of(2), b.take(name), "b takes the lapsed lease; the generation moves on");
        assertTrue(b.holds(name));
        assertTrue(a.take(name).isEmpty(), "a, back from its pause, cannot take it back while b renews");
        assertFalse(a.holds(name));
    }

    @Test
    void aReleasedLeaseCanBeTakenAtOnce() throws Exception {
        String name = "test-" + UUID.randomUUID();
        LeaseTable a = new LeaseTable(dataSource, "replica-a", Duration.ofMinutes(10));
        LeaseTable b = new LeaseTable(dataSource, "replica-b", Duration.ofMinutes(10));
        assertTrue(a.take(name).isPresent());
        assertTrue(b.take(name).isEmpty());
        b.release(name);
        assertTrue(b.take(name).isEmpty(), "a release by a replica that does not hold the lease changes nothing");
        a.release(name);
        assertFalse(a.holds(name));
        assertEquals(OptionalLong.of(2), b.take(name), "taken at once, without waiting ten minutes");
    }
}
