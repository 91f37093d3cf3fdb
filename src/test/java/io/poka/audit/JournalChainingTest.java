package io.poka.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.platform.RecordChanged;
import io.poka.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Appends go to audit.journal in the writer's transaction and the sequencer chains them after the commit: an entry
 * whose chaining dies half-way (its database session killed after it inserted the entries, before it committed) is
 * chained exactly once by the next round; a journal row cannot leave the journal except into the chain; and a chain
 * with an entry skipped or two entries swapped is still detected.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class JournalChainingTest {
    private static final int ENTRIES = 20;

    @Inject
    Event<RecordChanged> changes;

    @Inject
    AuditApi audit;

    @Test
    void entriesWhoseChainingIsKilledMidRoundAreChainedExactlyOnceByTheNextRound() throws Exception {
        String run = "Crash-" + UUID.randomUUID();
        try (Connection head = AuditTestSupport.superuser(); Connection rows = AuditTestSupport.superuser();
                Connection admin = AuditTestSupport.superuser()) {
            head.setAutoCommit(false);
            rows.setAutoCommit(false);
            try (Statement s = head.createStatement()) {
                // the sequencer waits for the chain head: the appends below stay in the journal, committed
                s.execute("select 1 from audit.chain_head where id = 1 for update");
            }
            for (int i = 0; i < ENTRIES; i++) {
                int n = i;
                QuarkusTransaction.requiringNew().run(() -> changes.fire(new RecordChanged(run, "e" + n, "CREATED",
                        null, Map.of("n", n), null)));
            }
            assertEquals(ENTRIES, count(admin, "select count(*) from audit.journal where entity_type = '" + run + "'"),
                    "committed appends wait in the journal");
            try (Statement s = rows.createStatement()) {
                // the round will insert the entries, then wait here to delete the journal rows
                s.execute("select id from audit.journal where entity_type = '" + run + "' for update");
            }
            head.commit();
            int killed = 0;
            for (int attempt = 0; attempt < 500 && killed == 0; attempt++) {
                killed = count(admin, "select count(pg_terminate_backend(pid)) from pg_stat_activity where"
                        + " query like 'delete from audit.journal%' and wait_event_type = 'Lock'");
                Thread.sleep(20);
            }
            assertEquals(1, killed, "the sequencer's session was killed while it held unchained entries");
            // counted while the journal rows are still locked: the next round may already have inserted the entries
            // again, but it cannot commit before it has deleted those rows, so what is committed now is what the
            // killed round left behind (after rows.commit() the next round's commit raced this count)
            assertEquals(0, count(admin, "select count(*) from audit.entry where entity_type = '" + run + "'"),
                    "the killed round's entries were rolled back with it");
            rows.commit();
        }

        for (int i = 0; i < ENTRIES; i++) {
            List<AuditEntry> history = audit.history(run, "e" + i);
            assertEquals(1, history.size(), "entry " + i + " is in the chain exactly once");
            assertEquals(i, history.get(0).after().get("n").asInt());
        }
        try (Connection c = AuditTestSupport.superuser()) {
            assertEquals(0, count(c, "select count(*) from audit.journal where entity_type = '" + run + "'"));
        }
        assertTrue(audit.verify(null, null).valid(), "the whole chain verifies");
    }

    @Test
    void aJournalRowCannotBeChangedOrLeaveTheJournalExceptIntoTheChain() throws Exception {
        String run = "Journal-" + UUID.randomUUID();
        try (Connection head = AuditTestSupport.superuser(); Connection c = AuditTestSupport.superuser();
                Statement s = c.createStatement()) {
            head.setAutoCommit(false);
            head.createStatement().execute("select 1 from audit.chain_head where id = 1 for update");
            QuarkusTransaction.requiringNew().run(() -> changes.fire(new RecordChanged(run, "x", "CREATED", null,
                    Map.of("ok", true), null)));
            for (String sql : List.of(
                    "update audit.journal set reason = 'rewritten' where entity_type = '" + run + "'",
                    "delete from audit.journal where entity_type = '" + run + "'")) {
                assertRefused(s, sql);
            }
            head.commit();
            // after the head is released: truncate takes an exclusive lock on the journal before its (statement-level)
            // trigger runs, and the sequencer's waiting round holds a share lock on it, so while the test held the head
            // the truncate waited for the transaction timeout (60 s) to end that round
            assertRefused(s, "truncate audit.journal");
        }
        List<AuditEntry> history = audit.history(run, "x");
        assertEquals(1, history.size());
        assertEquals(null, history.get(0).reason(), "the refused update changed nothing");
    }

    @Test
    void twoSwappedEntriesAreDetected() throws SQLException {
        String run = "Swap-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> changes.fire(new RecordChanged(run, "s", "UPDATED", null,
                    Map.of("n", n), null)));
        }
        List<AuditEntry> history = audit.history(run, "s");
        long first = history.get(0).sequence();
        long second = history.get(1).sequence();
        try (Connection c = AuditTestSupport.superuser(); Statement s = c.createStatement()) {
            s.execute("alter table audit.entry disable trigger user");
            try {
                swap(s, first, second);
                JsonPath result = AuditTestSupport.verify("?from=" + first + "&to=" + second);
                assertFalse(result.getBoolean("valid"));
                assertEquals(first, result.getLong("firstBroken.sequence"), "the first swapped position is named");
            } finally {
                swap(s, first, second);
                s.execute("alter table audit.entry enable trigger user");
            }
        }
        assertTrue(AuditTestSupport.verify("?from=" + first + "&to=" + second).getBoolean("valid"));
    }

    private static void assertRefused(Statement s, String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertTrue(refused.getMessage().contains("append-only") || refused.getMessage().contains("was not chained"),
                refused.getMessage());
    }

    private static void swap(Statement s, long a, long b) throws SQLException {
        s.execute("update audit.entry set sequence = 999999999 where sequence = " + a);
        s.execute("update audit.entry set sequence = " + a + " where sequence = " + b);
        s.execute("update audit.entry set sequence = " + b + " where sequence = 999999999");
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
