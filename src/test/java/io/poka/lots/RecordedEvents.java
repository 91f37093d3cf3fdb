package io.poka.lots;

import io.poka.inspections.InspectionFailed;
import io.poka.platform.RecordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer of the CDI events the lots and inspections modules fire, so tests can check what was fired. */
@ApplicationScoped
public class RecordedEvents {
    private final List<RecordChanged> changes = new CopyOnWriteArrayList<>();
    private final List<Object> events = new CopyOnWriteArrayList<>();

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
