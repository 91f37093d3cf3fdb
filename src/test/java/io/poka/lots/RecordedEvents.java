package io.poka.lots;

import io.poka.inspections.InspectionFailed;
import io.poka.platform.RecordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Test observer of the CDI events the lots and inspections modules fire, so tests can check what was fired. It sees
 * every audited change of the test JVM (benchmarks included), so adding is O(1) and lock-free: a copy-on-write list
 * copied its whole array under one lock on each change, serialising concurrent writers in the audit benchmark.
 */
@ApplicationScoped
public class RecordedEvents {
    private final Queue<RecordChanged> changes = new ConcurrentLinkedQueue<>();
    private final Queue<Object> events = new ConcurrentLinkedQueue<>();

    void onChange(@Observes RecordChanged change) {
        changes.add(change);
    }

    void onLotHeld(@Observes LotHeld e) {
        events.add(e);
    }

    void onLotReleased(@Observes LotReleased e) {
        events.add(e);
    }

    void onInspectionFailed(@Observes InspectionFailed e) {
        events.add(e);
    }

    /** The RecordChanged events fired for one record, in order. */
    public List<RecordChanged> changesOf(String entityId) {
        return changes.stream().filter(c -> c.entityId().equals(entityId)).toList();
    }

    /** The events of {@code type} about one lot. */
    public <T> List<T> eventsOf(Class<T> type, java.util.function.Predicate<T> about) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(about).toList();
    }
}
