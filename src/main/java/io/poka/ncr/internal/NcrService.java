package io.poka.ncr.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.poka.ncr.NcrSeverity;
import io.poka.ncr.NcrStatus;
import io.poka.ncr.NcrStatusChanged;
import io.poka.ncr.NcrView;
import io.poka.ncr.NonconformanceOpened;
import io.poka.ncr.internal.NcrRequests.OpenNcr;
import io.poka.ncr.internal.NcrRequests.RiskRating;
import io.poka.platform.IdempotencyKeys;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.QualityEvents;
import io.poka.platform.Reauthentication;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opening reports and moving them through {@link NcrStatusMachine}: validates, numbers, snapshots the evidence,
 * proposes suspect lots, writes the history row, fires {@link RecordChanged} and publishes the event, all in one
 * transaction so a refused request leaves nothing behind.
 */
@ApplicationScoped
public class NcrService {
    static final String ENTITY = "Ncr";

    /** The outcome of a create: 201 for a new report, or the replay of an Idempotency-Key (body as first sent). */
    public record Created(int status, NcrView ncr, String replayedBody) {
    }

    private final EntityManager em;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ObjectMapper json;
    private final Event<RecordChanged> changes;
    private final Event<Object> events;
    private final QualityEvents outbox;
    private final Reauthentication users;
    private final NcrSources sources;
    private final SuspectLotProposal proposal;
    private final NcrStore store;
    private final NcrConfig config;
    /** ERP clients' Idempotency-Key on NCR creation, on the platform's store (problem type ncr/idempotency-key-reused). */
    private final IdempotencyKeys idempotency;
    private static final String IDEMPOTENCY_SCOPE = "ncr";

    NcrService(EntityManager em, SecurityIdentity identity, Clock clock, ObjectMapper json,
            Event<RecordChanged> changes, Event<Object> events, QualityEvents outbox, Reauthentication users,
            NcrSources sources, SuspectLotProposal proposal, NcrStore store, NcrConfig config,
            IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.em = em;
        this.identity = identity;
        this.clock = clock;
        this.json = json;
        this.changes = changes;
        this.events = events;
        this.outbox = outbox;
        this.users = users;
        this.sources = sources;
        this.proposal = proposal;
        this.store = store;
        this.config = config;
    }

    @Transactional
    public Created open(OpenNcr r, String idempotencyKey) {
        Optional<IdempotencyKeys.Replay> replay = idempotency.replay(IDEMPOTENCY_SCOPE, idempotencyKey, r);
        if (replay.isPresent()) {
            return new Created(replay.get().status(), null, replay.get().body());
        }
        validate(r);
        DefectCode code = DefectCode.findById(r.defectCode());
        if (code == null || !code.active) {
            throw new ValidationProblem("defectCode", code == null ? "no defect code " + r.defectCode()
                    : "defect code " + r.defectCode() + " is inactive");
        }
        String owner = r.owner() == null ? actor() : r.owner().strip();
        requireKnownUser(owner);
        NcrSources.Sourced s = sources.resolve(r);

        NcrRecord n = new NcrRecord();
        n.id = UUID.randomUUID();
        n.openedAt = clock.instant();
        n.number = nextNumber(n.openedAt);
        n.status = NcrStatus.OPEN;
        n.source = r.source();
        n.sourceReference = s.reference();
        n.sourceSystem = r.sourceSystem();
        n.title = r.title() != null && !r.title().isBlank() ? r.title().strip() : s.title();
        if (n.title == null) {
            throw new ValidationProblem("title", "a title is required");
        }
        n.description = r.description();
        n.line = firstNonNull(r.line(), s.line());
        n.product = firstNonNull(r.product(), s.product());
        n.defectCode = code.code;
        n.severity = firstNonNull(r.severity(), firstNonNull(s.severity(), code.defaultSeverity));
        if (r.risk() != null) {
            n.riskSeverity = r.risk().severity();
            n.riskOccurrence = r.risk().occurrence();
            n.riskDetection = r.risk().detection();
        }
        n.quantityAffected = firstNonNull(r.quantityAffected(), s.affected());
        n.quantityNonconforming = firstNonNull(r.quantityNonconforming(), s.nonconforming());
        if (n.quantityAffected != null && n.quantityNonconforming != null
                && n.quantityNonconforming.compareTo(n.quantityAffected) > 0) {
            throw new ValidationProblem("quantityNonconforming", "must not exceed the affected quantity");
        }
        n.unit = firstNonNull(r.unit(), s.unit());
        n.cost = r.cost() == null ? BigDecimal.ZERO : r.cost();
        n.currency = r.currency() == null ? config.currency() : r.currency();
        n.owner = owner;
        n.dueDate = r.dueDate() != null ? r.dueDate()
                : n.openedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(dueDays(n.severity));
        n.signalFrom = firstNonNull(r.signalFrom(), s.signalFrom());
        n.signalTo = firstNonNull(r.signalTo(), s.signalTo());
        if (n.signalFrom != null && n.signalTo != null && n.signalTo.isBefore(n.signalFrom)) {
            throw new ValidationProblem("signalTo", "must not be before signalFrom");
        }
        n.evidence = s.evidence() == null ? null : canonical(s.evidence());
        n.openedBy = actor();
        n.updatedAt = n.openedAt;
        n.persist();
        em.flush();
        int rank = 0;
        List<String> variables = new ArrayList<>(s.variables());
        if (r.variables() != null) {
            r.variables().stream().filter(v -> v != null && !v.isBlank() && !variables.contains(v.strip()))
                    .forEach(v -> variables.add(v.strip()));
        }
        for (String v : variables) {
            NcrVariable var = new NcrVariable();
            var.id = new NcrVariable.Key(n.id, v);
            var.rank = rank++;
            if (NcrVariable.findById(var.id) == null) {
                var.persist();
            }
        }
        List<UUID> sourceLots = new ArrayList<>(s.lots());
        if (r.lotIds() != null) {
            for (UUID id : r.lotIds()) {
                if (!sourceLots.contains(id)) {
                    sourceLots.add(id);
                }
            }
        }
        proposal.propose(n, sourceLots);
        history(n, null, "opened from " + n.source, n.openedAt);
        NcrView after = NcrViews.view(n);
        changes.fire(new RecordChanged(ENTITY, n.id.toString(), "OPENED", null, after, null));
        publish(n, new NonconformanceOpened(n.id, n.number, n.source, n.sourceReference, n.line, n.product,
                n.defectCode, n.severity, n.owner, n.openedBy, n.openedAt));
        Created created = new Created(201, after, null);
        idempotency.remember(IDEMPOTENCY_SCOPE, idempotencyKey, r, 201, after);
        return created;
    }

    @Transactional
    public NcrView get(UUID id) {
        return NcrViews.view(find(id));
    }

    /** Moves a report (already changed by the caller) to {@code to}: history, audit and the status event. */
    NcrView transition(NcrRecord n, NcrView before, NcrStatus to, String action, String reason,
            io.poka.platform.Signature sig) {
        NcrStatus from = n.status;
        n.status = to;
        n.updatedAt = clock.instant();
        em.flush();
        if (from != to) {
            history(n, from, reason, n.updatedAt);
        }
        NcrView after = NcrViews.view(n);
        changes.fire(new RecordChanged(ENTITY, n.id.toString(), action, before, after, reason, sig));
        if (from != to) {
            events.fire(NcrStatusChanged.of(n.id, n.number, from, to, reason, actor(), n.updatedAt));
        }
        return after;
    }

    NcrRecord find(UUID id) {
        return store.record(id).orElseThrow(() -> new NotFoundProblem("NCR", id));
    }

    /** Checks If-Match against the report's version (absent: no check). */
    static void checkVersion(NcrRecord n, Long expected) {
        if (expected != null && expected != n.version) {
            throw new NcrProblems.StaleVersion(n.version, "\"" + expected + "\"");
        }
    }

    void publish(NcrRecord n, Object event) {
        events.fire(event);
        outbox.publish(event.getClass().getSimpleName(), n.id.toString(), event);
    }

    String actor() {
        return identity.getPrincipal().getName();
    }

    void requireKnownUser(String username) {
        try {
            users.printedName(username);
        } catch (NotFoundProblem e) {
            throw new ValidationProblem("owner", "no user '" + username + "'");
        }
    }

    String canonical(Object value) {
        try {
            return json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON", e);
        }
    }

    private void history(NcrRecord n, NcrStatus from, String reason, Instant at) {
        NcrStatusChange c = new NcrStatusChange();
        c.id = UUID.randomUUID();
        c.ncrId = n.id;
        c.fromStatus = from;
        c.toStatus = n.status;
        c.reason = reason;
        c.actor = actor();
        c.at = at;
        c.persist();
    }

    private int dueDays(NcrSeverity severity) {
        return switch (severity) {
            case CRITICAL -> config.dueDays().critical();
            case MAJOR -> config.dueDays().major();
            case MINOR -> config.dueDays().minor();
        };
    }

    /** NCR-yyyy-nnnn: a counter per year of opening, incremented under the row lock of the upsert. */
    private String nextNumber(Instant openedAt) {
        int year = openedAt.atZone(ZoneOffset.UTC).getYear();
        Number n = (Number) em.createNativeQuery("insert into ncr.number_counter (year, last_used) values (:y, 1)"
                + " on conflict (year) do update set last_used = ncr.number_counter.last_used + 1 returning last_used")
                .setParameter("y", year).getSingleResult();
        return String.format("NCR-%d-%04d", year, n.intValue());
    }

    private static void validate(OpenNcr r) {
        if (r.source() == null) {
            throw new ValidationProblem("source", "one of MANUAL, INSPECTION, INCIDENT, ANOMALY, CUSTOMER_COMPLAINT,"
                    + " SUPPLIER_ISSUE");
        }
        if (r.defectCode() == null || r.defectCode().isBlank()) {
            throw new ValidationProblem("defectCode", "a defect code from the catalogue is required");
        }
        RiskRating risk = r.risk();
        if (risk != null) {
            List<ValidationProblem.FieldError> errors = new ArrayList<>();
            rating(errors, "risk.severity", risk.severity());
            rating(errors, "risk.occurrence", risk.occurrence());
            rating(errors, "risk.detection", risk.detection());
            if (!errors.isEmpty()) {
                throw new ValidationProblem("risk ratings are 1 to 10 (AIAG & VDA FMEA Handbook 2019)", errors);
            }
        }
    }

    private static void rating(List<ValidationProblem.FieldError> errors, String field, Integer value) {
        if (value == null || value < 1 || value > 10) {
            errors.add(new ValidationProblem.FieldError(field, "must be 1 to 10"));
        }
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
