package io.poka.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A batch the database refuses is split until each refused item stands alone: everything else is stored exactly
 * once, the refused items are reported with the reason, and only content refusals (SQLState classes 22 and 23)
 * count as such; an unreachable database does not.
 */
class RefusalIsolationTest {

    /** Stores a part unless it holds a refused item, as one transaction would. */
    private static final class FakeDatabase implements RefusalIsolation.Store<Integer> {
        final Set<Integer> refused;
        final List<Integer> stored = new ArrayList<>();
        int writes;

        FakeDatabase(Set<Integer> refused) {
            this.refused = refused;
        }

        @Override
        public void store(List<Integer> items) throws DatabaseRefusal {
            writes++;
            for (Integer i : items) {
                if (refused.contains(i)) {
                    throw DatabaseRefusal.in(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00",
                            "22021")).orElseThrow();
                }
            }
            stored.addAll(items);
        }
    }

    private static Map<Integer, String> isolate(List<Integer> items, FakeDatabase db) {
        Map<Integer, String> refused = new LinkedHashMap<>();
        RefusalIsolation.store(items, db, (item, why) -> refused.put(item, why.sqlState() + " " + why.getMessage()));
        return refused;
    }

    @Test
    void aBatchWithoutRefusalsIsOneWrite() {
        FakeDatabase db = new FakeDatabase(Set.of());
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        assertTrue(isolate(items, db).isEmpty());
        assertEquals(items, db.stored);
        assertEquals(1, db.writes);
    }

    @Test
    void refusedItemsAreIsolatedWithTheirReasonAndEverythingElseIsStoredOnceInOrder() {
        Set<Integer> bad = Set.of(0, 7, 500, 501, 999);
        FakeDatabase db = new FakeDatabase(bad);
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        Map<Integer, String> refused = isolate(items, db);
        assertEquals(List.of(0, 7, 500, 501, 999), List.copyOf(refused.keySet()));
        assertEquals("22021 invalid byte sequence for encoding \"UTF8\": 0x00", refused.get(7));
        assertEquals(items.stream().filter(i -> !bad.contains(i)).toList(), db.stored, "each good item once, in order");
        // each refused item costs at most two writes per level of the halving (log2 1000 < 10)
        assertTrue(db.writes <= 1 + bad.size() * 2 * 10, "writes: " + db.writes);
    }

    @Test
    void aBatchOfOnlyRefusedItemsStoresNothing() {
        FakeDatabase db = new FakeDatabase(Set.of(1, 2, 3));
        assertEquals(3, isolate(List.of(1, 2, 3), db).size());
        assertTrue(db.stored.isEmpty());
    }

    @Test
    void dataExceptionsAndIntegrityViolationsAreRefusalsButAnUnreachableDatabaseIsNot() {
        for (String state : List.of("22021", "22P05", "22008", "22001", "23502", "23514", "23505")) {
            assertTrue(DatabaseRefusal.in(new SQLException("refused", state)).isPresent(), state);
        }
        for (String state : List.of("08006", "08001", "57P01", "53300", "40001", "42P01")) {
            assertFalse(DatabaseRefusal.in(new SQLException("unavailable", state)).isPresent(), state);
        }
        assertFalse(DatabaseRefusal.in(new SQLTransientConnectionException("pool timeout")).isPresent());
        assertFalse(DatabaseRefusal.in(new IOException("connection reset")).isPresent());
        assertFalse(DatabaseRefusal.in(new SQLException("no state")).isPresent());
        DatabaseRefusal wrapped = DatabaseRefusal.in(new IllegalStateException("in an observer",
                new SQLException("ERROR: timestamp out of range\n  Where: COPY reading, line 1", "22008"))).orElseThrow();
        assertEquals("22008", wrapped.sqlState());
        assertEquals("ERROR: timestamp out of range", wrapped.getMessage(), "first line of the server's message");
        SQLException batch = new SQLException("Batch entry 3 was aborted", "22021");
        SQLException chained = new SQLException("batch failed", (String) null);
        chained.setNextException(batch);
        assertEquals("22021", DatabaseRefusal.in(chained).orElseThrow().sqlState(), "found among chained exceptions");
    }
}
