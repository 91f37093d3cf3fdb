package io.poka.telemetry.internal;

import java.util.List;

/**
 * Stores a batch the database refused in parts: halves are stored on their own, and a half that is refused again is
 * split again, until every refused item stands alone and everything else is stored. With k refused items among n,
 * about 2·k·log2(n) writes, and none at all when the batch goes in at once (the common case).
 */
final class RefusalIsolation {
    private RefusalIsolation() {
    }

    /** Stores a part of the batch as one unit, or throws the refusal (any other failure is the store's to handle). */
    interface Store<T> {
        void store(List<T> items) throws DatabaseRefusal;
    }

    /** Receives an item the database refuses even alone, with the reason. */
    interface Refused<T> {
        void refused(T item, DatabaseRefusal reason);
    }

    static <T> void store(List<T> items, Store<T> store, Refused<T> refused) {
        if (items.isEmpty()) {
            return;
        }
        try {
            store.store(items);
        } catch (DatabaseRefusal e) {
            if (items.size() == 1) {
                refused.refused(items.get(0), e);
                return;
            }
            int half = items.size() / 2;
            store(items.subList(0, half), store, refused);
            store(items.subList(half, items.size()), store, refused);
        }
    }
}
