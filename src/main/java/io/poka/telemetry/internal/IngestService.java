package io.poka.telemetry.internal;

import io.poka.telemetry.ReadingsRedelivered;
import io.poka.telemetry.ReadingsStored;
import io.poka.telemetry.StoredReading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One transaction per batch: store the new readings and let spc chart them (ReadingsStored, observed in the same
 * transaction), so readings, chart violations and alerts commit together or not at all. Readings already stored are
 * left out and announced ({@link ReadingsRedelivered}), so in-memory chart state is rebuilt to include them.
 */
@ApplicationScoped
public class IngestService {

    /** How many readings of a batch were new and how many were already stored. */
    public record Outcome(int stored, int duplicates) {
    }

    private final ReadingStore store;
    private final Event<ReadingsStored> readingsStored;
    private final Event<ReadingsRedelivered> redelivered;
    private final TransactionManager transactions;

    IngestService(ReadingStore store, Event<ReadingsStored> readingsStored, Event<ReadingsRedelivered> redelivered,
            TransactionManager transactions) {
        this.store = store;
        this.redelivered = redelivered;
        this.readingsStored = readingsStored;
        this.transactions = transactions;
    }

    /** Stores and charts the batch; any failure, a checked SQLException included, rolls the whole batch back. */
    @Transactional(rollbackOn = Exception.class)
    public Outcome ingest(List<Reading> readings) throws SQLException {
        return announce(readings, store.storeNew(readings));
    }

    /**
     * Goes through the whole ingestion of the batch and rolls it back: whether the database would accept it, for a
     * request that must store all of its readings or none ({@link DatabaseRefusal} when it would not).
     */
    @Transactional(rollbackOn = Exception.class)
    public void probe(List<Reading> readings) throws DatabaseRefusal, SQLException {
        try {
            announce(readings, store.storeNew(readings));
        } catch (SQLException e) {
            throw DatabaseRefusal.in(e).orElseThrow(() -> e);
        } catch (RuntimeException e) {
            throw DatabaseRefusal.in(e).orElseThrow(() -> e);
        }
        try {
            transactions.setRollbackOnly();
        } catch (SystemException e) {
            throw new IllegalStateException("Cannot mark the probe's transaction for rollback", e);
        }
    }

    /** The naive path kept for the benchmark's comparison: one INSERT, one transaction, per reading. */
    @Transactional
    public Outcome ingestOne(Reading reading) throws SQLException {
        return announce(List.of(reading), store.storeOne(reading) ? List.of(reading) : List.of());
    }

    private Outcome announce(List<Reading> received, List<Reading> fresh) {
        if (fresh.size() < received.size()) {
            Set<String> freshIds = new HashSet<>(fresh.size() * 2);
            fresh.forEach(r -> freshIds.add(r.readingId()));
            Set<String> lines = new HashSet<>();
            received.forEach(r -> {
                if (!freshIds.contains(r.readingId())) {
                    lines.add(r.line());
                }
            });
            redelivered.fire(new ReadingsRedelivered(Set.copyOf(lines)));
        }
        if (!fresh.isEmpty()) {
            List<StoredReading> stored = new ArrayList<>(fresh.size());
            for (Reading r : fresh) {
                stored.add(r.stored());
            }
            stored.sort(Comparator.comparing(StoredReading::timestamp));
            readingsStored.fire(new ReadingsStored(stored));
        }
        return new Outcome(fresh.size(), received.size() - fresh.size());
    }
}
