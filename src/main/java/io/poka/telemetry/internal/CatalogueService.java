package io.poka.telemetry.internal;

import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.telemetry.VariableCatalogueChanged;
import io.poka.telemetry.VariableDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The variable catalogue: changes are audited and announced; lookups by (line, variable), which every reading
 * needs, are served from a short-lived in-memory cache. An entry found is kept for {@code catalogue-cache-ttl}, a
 * miss only for {@code catalogue-unknown-ttl} (a line defined meanwhile, here or on another replica, is soon known);
 * a change made here is dropped from the cache once its transaction ends, so no lookup made before the commit stays.
 */
@ApplicationScoped
public class CatalogueService {
    static final String ENTITY = "TelemetryVariable";
    /** Expired entries are swept after this many cache misses, so lookups of lines never seen again free their memory. */
    private static final int SWEEP_EVERY_MISSES = 1024;

    private record Cached(Optional<VariableDefinition> value, long expiresAt) {
    }

    private final VariableRepository repository;
    private final Event<RecordChanged> changes;
    private final Event<VariableCatalogueChanged> catalogueChanged;
    private final Clock clock;
    private final long ttlNanos;
    private final long unknownTtlNanos;
    /** line -> variable -> entry: no key text is built per reading. */
    private final Map<String, Map<String, Cached>> cache = new ConcurrentHashMap<>();
    private final AtomicInteger misses = new AtomicInteger();

    CatalogueService(VariableRepository repository, Event<RecordChanged> changes,
            Event<VariableCatalogueChanged> catalogueChanged, Clock clock, TelemetryConfig config) {
        this.repository = repository;
        this.changes = changes;
        this.catalogueChanged = catalogueChanged;
        this.clock = clock;
        this.ttlNanos = config.catalogueCacheTtl().toNanos();
        this.unknownTtlNanos = config.catalogueUnknownTtl().toNanos();
    }

    /** Cached lookup used on the ingestion path. */
    public Optional<VariableDefinition> lookup(String line, String variable) {
        long now = System.nanoTime();
        Map<String, Cached> ofLine = cache.get(line);
        Cached c = ofLine == null ? null : ofLine.get(variable);
        if (c == null || now - c.expiresAt() > 0) {
            Optional<VariableDefinition> found = repository.find(line, variable);
            c = new Cached(found, now + (found.isPresent() ? ttlNanos : unknownTtlNanos));
            cache.computeIfAbsent(line, l -> new ConcurrentHashMap<>()).put(variable, c);
            if (misses.incrementAndGet() % SWEEP_EVERY_MISSES == 0) {
                sweep(now);
            }
        }
        return c.value();
    }

    private void sweep(long now) {
        cache.values().forEach(ofLine -> ofLine.values().removeIf(c -> now - c.expiresAt() > 0));
        cache.values().removeIf(Map::isEmpty);
    }

    /**
     * A change of this replica's catalogue leaves the cache once its transaction has ended: a lookup on another thread
     * between the change and its commit still read the old entry (or none) and must not keep it.
     */
    void forgetAfterTransaction(@Observes(during = TransactionPhase.AFTER_COMPLETION) VariableCatalogueChanged changed) {
        forget(changed.line(), changed.variable());
    }

    private void forget(String line, String variable) {
        Map<String, Cached> ofLine = cache.get(line);
        if (ofLine != null) {
            ofLine.remove(variable);
        }
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
        forget(v.line(), v.variable());
        changes.fire(new RecordChanged(ENTITY, v.id().toString(), action, before, after, null));
        catalogueChanged.fire(new VariableCatalogueChanged(v.line(), v.variable()));
    }
}
