package io.poka.telemetry.internal;

import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.telemetry.VariableCatalogueChanged;
import io.poka.telemetry.VariableDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variable catalogue: changes are audited and announced; lookups by (line, variable), which every reading
 * needs, are served from a short-lived in-memory cache.
 */
@ApplicationScoped
public class CatalogueService {
    static final String ENTITY = "TelemetryVariable";

    private record Cached(Optional<VariableDefinition> value, long loadedAt) {
    }

    private final VariableRepository repository;
    private final Event<RecordChanged> changes;
    private final Event<VariableCatalogueChanged> catalogueChanged;
    private final Clock clock;
    private final long ttlNanos;
    /** line -> variable -> entry: no key text is built per reading. */
    private final Map<String, Map<String, Cached>> cache = new ConcurrentHashMap<>();

    CatalogueService(VariableRepository repository, Event<RecordChanged> changes,
            Event<VariableCatalogueChanged> catalogueChanged, Clock clock, TelemetryConfig config) {
        this.repository = repository;
        this.changes = changes;
        this.catalogueChanged = catalogueChanged;
        this.clock = clock;
        this.ttlNanos = config.catalogueCacheTtl().toNanos();
    }

    /** Cached lookup used on the ingestion path. */
    public Optional<VariableDefinition> lookup(String line, String variable) {
        Map<String, Cached> ofLine = cache.computeIfAbsent(line, l -> new ConcurrentHashMap<>());
        Cached c = ofLine.get(variable);
        long now = System.nanoTime();
        if (c == null || now - c.loadedAt() > ttlNanos) {
            c = new Cached(repository.find(line, variable), now);
            ofLine.put(variable, c);
        }
        return c.value();
    }

    @Transactional
    public List<VariableDefinition> list(String line) {
        return repository.list(line);
    }

    @Transactional
    public VariableDefinition get(UUID id) {
        return repository.find(id).orElseThrow(() -> new NotFoundProblem(ENTITY, id));
    }

    @Transactional
    public VariableDefinition create(VariableRequest request) {
        if (request == null) {
            throw new ValidationProblem("body", "is required");
        }
        VariableDefinition v = request.validated(UUID.randomUUID());
        if (repository.find(v.line(), v.variable()).isPresent()) {
            throw new ConflictProblem("telemetry/variable-exists",
                    "variable '" + v.variable() + "' of line '" + v.line() + "' is already in the catalogue");
        }
        repository.insert(v, clock.instant());
        announce(v, "CREATED", null, v);
        return v;
    }

    @Transactional
    public VariableDefinition update(UUID id, VariableRequest request) {
        if (request == null) {
            throw new ValidationProblem("body", "is required");
        }
        VariableDefinition before = get(id);
        VariableDefinition v = request.validated(id);
        if (!v.line().equals(before.line()) || !v.variable().equals(before.variable())) {
            throw new ValidationProblem("variable", "line and variable identify the entry and cannot change");
        }
        repository.update(v, clock.instant());
        announce(v, "UPDATED", before, v);
        return v;
    }

    @Transactional
    public void delete(UUID id) {
        VariableDefinition before = get(id);
        repository.delete(id);
        announce(before, "DELETED", before, null);
    }

    private void announce(VariableDefinition v, String action, VariableDefinition before, VariableDefinition after) {
        Map<String, Cached> ofLine = cache.get(v.line());
        if (ofLine != null) {
            ofLine.remove(v.variable());
        }
        changes.fire(new RecordChanged(ENTITY, v.id().toString(), action, before, after, null));
        catalogueChanged.fire(new VariableCatalogueChanged(v.line(), v.variable()));
    }
}
