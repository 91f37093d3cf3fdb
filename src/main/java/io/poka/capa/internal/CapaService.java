package io.poka.capa.internal;

import io.poka.capa.CapaClosed;
import io.poka.capa.CapaOpened;
import io.poka.capa.CapaReopened;
import io.poka.capa.CapaStatus;
import io.poka.capa.CapaView;
import io.poka.capa.EffectivenessChecked;
import io.poka.capa.EffectivenessCriterion;
import io.poka.capa.EvaluationView;
import io.poka.capa.internal.CapaRequests.Closure;
import io.poka.capa.internal.CapaRequests.NewCapa;
import io.poka.capa.internal.CapaRequests.Transition;
import io.poka.capa.CapaApi.CapaDetail;
import io.poka.capa.CapaApi.CapaHistoryEntry;
import io.poka.platform.IdempotencyKeys;
import io.poka.platform.Users;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.QualityEvents;
import io.poka.platform.RecordChanged;
import io.poka.platform.Roles;
import io.poka.platform.Signature;
import io.poka.platform.Signatures;
import io.poka.platform.ValidationProblem;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every change of a CAPA: creation, status moves checked against {@link CapaStatusMachine}, effectiveness evaluations,
 * the signed closure and the reopening on recurrence; each in one transaction with its history row, its audit
 * {@link RecordChanged} and its outbox event, so a refused request leaves nothing behind.
 */
@ApplicationScoped
public class CapaService {
    static final String ENTITY = "Capa";
    static final String EVALUATION = "CapaEvaluation";
    /** Who acts when no user does (the scheduled effectiveness check and recurrence detection). */
    static final String SYSTEM = "poka-capa";

    private final EntityManager em;
    private final Instance<SecurityIdentity> identity;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<RecordChanged> changes;
    private final QualityEvents outbox;
    private final Signatures signatures;
    private final Users users;
    private final NcrFacts ncrs;
    private final EffectivenessEvaluator evaluator;
    /** ERP clients' Idempotency-Key on CAPA creation, on the platform's store (problem type capa/idempotency-key-reused). */
    private final IdempotencyKeys idempotency;
    private static final String IDEMPOTENCY_SCOPE = "capa";
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    CapaService(EntityManager em, Instance<SecurityIdentity> identity, Clock clock,
            jakarta.enterprise.event.Event<RecordChanged> changes, QualityEvents outbox, Signatures signatures,
            Users users, NcrFacts ncrs, EffectivenessEvaluator evaluator, IdempotencyKeys idempotency,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.idempotency = idempotency;
        this.json = json;
        this.em = em;
        this.identity = identity;
        this.clock = clock;
        this.changes = changes;
        this.outbox = outbox;
        this.signatures = signatures;
        this.users = users;
        this.ncrs = ncrs;
        this.evaluator = evaluator;
    }

    /** The outcome of a create: the new CAPA, or the first answer replayed for a retried Idempotency-Key. */
    public record Created(CapaView capa, boolean replayed) {
    }

    @Transactional
    public Created create(NewCapa request, String idempotencyKey) {
        Optional<IdempotencyKeys.Replay> replay = idempotency.replay(IDEMPOTENCY_SCOPE, idempotencyKey, request);
        if (replay.isPresent()) {
            try {
                return new Created(json.readValue(replay.get().body(), CapaView.class), true);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored CAPA answer unreadable", e);
            }
        }
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        if (!users.isActive(request.owner())) {
            errors.add(new ValidationProblem.FieldError("owner", "'" + request.owner() + "' is not an enabled user"));
        }
        if (request.ncrId() != null && !ncrs.exists(request.ncrId())) {
            errors.add(new ValidationProblem.FieldError("ncrId", "no NCR " + request.ncrId()));
        }
        if (request.criterion() != null) {
            errors.addAll(CriterionValidation.errors("criterion", request.criterion()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("the CAPA cannot be opened as given", errors);
        }
        Instant now = now();
        Capa capa = new Capa();
        capa.id = UUID.randomUUID();
        capa.number = nextNumber(now);
        capa.kind = request.kind();
        capa.title = request.title().strip();
        capa.description = request.description();
        capa.ncrId = request.ncrId();
        capa.owner = request.owner();
        capa.dueAt = request.dueAt();
        capa.status = CapaStatus.OPEN;
        capa.criterion(request.criterion());
        capa.createdAt = now;
        capa.createdBy = actor();
        capa.updatedAt = now;
        capa.persist();
        em.flush();
        history(capa, null, CapaStatus.OPEN, null, null);
        CapaView after = view(capa);
        changes.fire(new RecordChanged(ENTITY, capa.id.toString(), "CREATED", null, after, null));
        outbox.publish("CapaOpened", capa.id.toString(), new CapaOpened(capa.id, capa.kind, capa.title, capa.ncrId,
                capa.owner, capa.dueAt, actor(), now));
        idempotency.remember(IDEMPOTENCY_SCOPE, idempotencyKey, request, 201, after);
        return new Created(after, false);
    }

    @Transactional
    public CapaDetail detail(UUID id) {
        Capa capa = find(id, false);
        List<CapaHistoryEntry> history = CapaTransition.<CapaTransition>find("capaId", Sort.by("at").and("id"), id)
                .stream().map(t -> new CapaHistoryEntry(status(t.fromStatus), CapaStatus.valueOf(t.toStatus), t.reason,
                        t.actor, t.at, t.signedBy, t.signerName, t.signatureMeaning, t.signedAt)).toList();
        List<EvaluationView> evaluations = evaluations(id);
        return new CapaDetail(view(capa), history, evaluations, CapaStatusMachine.allowed(capa.status));
    }

    @Transactional
    public Optional<CapaView> lookup(UUID id) {
        return Optional.ofNullable(Capa.<Capa>findById(id)).map(this::view);
    }

    @Transactional
    public CapaViews.Page list(CapaStatus status, UUID ncrId, String owner, int page, int size) {
        if (page < 0) {
            throw new ValidationProblem("page", "must be >= 0");
        }
        if (size < 1 || size > 500) {
            throw new ValidationProblem("size", "must be between 1 and 500");
        }
        StringBuilder where = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (ncrId != null) {
            where.append(" and ncrId = :ncr");
            params.put("ncr", ncrId);
        }
        if (owner != null && !owner.isBlank()) {
            where.append(" and owner = :owner");
            params.put("owner", owner);
        }
        var query = Capa.<Capa>find(where.toString(), Sort.by("dueAt").and("id"), params);
        return new CapaViews.Page(query.page(page, size).list().stream().map(this::view).toList(), page, size,
                query.count());
    }

    /** Every CAPA, for the reports. */
    @Transactional
    public List<CapaView> all() {
        return Capa.<Capa>listAll(Sort.by("createdAt").and("id")).stream().map(this::view).toList();
    }

    @Transactional
    public CapaView transition(UUID id, Transition request) {
        Capa capa = find(id, true);
        if (request.version() != null && request.version() != capa.version) {
            throw new CapaProblems.StaleVersion(id, request.version(), capa.version);
        }
        CapaStatus to = request.to();
        if (to == CapaStatus.CLOSED) {
            throw new ValidationProblem("to", "a CAPA is closed with POST /api/v1/capas/{id}/closure (e-signed)");
        }
        if (to == CapaStatus.OPEN) {
            throw new ValidationProblem("to", "OPEN is where a CAPA starts; no move leads back to it");
        }
        CapaStatusMachine.requireMove(capa.status, to);
        if (to == CapaStatus.REOPENED && (request.reason() == null || request.reason().isBlank())) {
            throw new ValidationProblem("reason", "a reopening says why");
        }
        if (to == CapaStatus.EFFECTIVENESS_PENDING) {
            if (request.criterion() != null) {
                List<ValidationProblem.FieldError> errors = CriterionValidation.errors("criterion", request.criterion());
                if (!errors.isEmpty()) {
                    throw new ValidationProblem("the effectiveness criterion is incomplete", errors);
                }
            } else if (capa.criterionKind == null) {
                throw new CapaProblems.NoCriterion(id);
            }
        }
        CapaView before = view(capa);
        Instant now = now();
        if (to == CapaStatus.EFFECTIVENESS_PENDING) {
            if (request.criterion() != null) {
                capa.criterion(request.criterion());
            }
            capa.windowStart = now;
        }
        if (to == CapaStatus.IMPLEMENTED) {
            capa.implementedAt = now;
        }
        if (to == CapaStatus.REOPENED) {
            return reopen(capa, request.reason(), actor());
        }
        return move(capa, before, to, request.reason(), "MOVED_TO_" + to, null);
    }

    /** Evaluates the criterion now, stores the result and reopens the CAPA when it FAILED. */
    @Transactional
    public EvaluationView evaluate(UUID id) {
        Capa capa = find(id, true);
        if (capa.status != CapaStatus.EFFECTIVENESS_PENDING) {
            throw new CapaProblems.NotInWindow(id, capa.status);
        }
        Instant now = now();
        EffectivenessEvaluator.Measured measured = evaluator.evaluate(capa.criterion(), capa.windowStart, now);
        EffectivenessRules.Verdict v = measured.verdict();
        CapaEvaluation e = new CapaEvaluation();
        e.id = UUID.randomUUID();
        e.capaId = capa.id;
        e.criterionKind = capa.criterionKind;
        e.result = v.result();
        e.measuredValue = v.measured();
        e.requiredValue = v.required();
        e.observations = v.observations();
        e.dataFrom = v.from();
        e.dataTo = v.to();
        e.detail = v.detail();
        e.evaluatedAt = now;
        e.evaluatedBy = actor();
        e.modelVersion = measured.modelVersion();
        e.persist();
        EvaluationView view = e.view();
        changes.fire(new RecordChanged(EVALUATION, e.id.toString(), "EVALUATED", null, view, null));
        outbox.publish("EffectivenessChecked", capa.id.toString(), new EffectivenessChecked(capa.id, e.id,
                e.criterionKind.name(), e.result, e.measuredValue, e.requiredValue, e.dataFrom, e.dataTo, now));
        if (EffectivenessRules.FAILED.equals(v.result())) {
            reopen(capa, "effectiveness check failed: " + v.detail(), actor());
        }
        return view;
    }

    /** The QA manager's e-signed closure: only after a PASSED evaluation in the current window. */
    @Transactional
    public CapaView close(UUID id, Closure request) {
        Capa capa = find(id, true);
        CapaStatusMachine.requireMove(capa.status, CapaStatus.CLOSED);
        CapaEvaluation latest = CapaEvaluation.<CapaEvaluation>find("capaId = ?1 and evaluatedAt >= ?2",
                Sort.by("evaluatedAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending), id,
                capa.windowStart).firstResult();
        if (latest == null || !EffectivenessRules.PASSED.equals(latest.result)) {
            throw new CapaProblems.EffectivenessNotProven(id, latest == null ? "missing" : latest.result);
        }
        if (!identity.get().hasRole(Roles.QA_MANAGER)) {
            throw new CapaProblems.NotQaManager(actor());
        }
        Signature.Meaning meaning = request.signature().meaning() == null ? Signature.Meaning.APPROVAL
                : request.signature().meaning();
        Signature signature = signatures.sign(request.signature().password(), meaning);
        CapaView before = view(capa);
        capa.closedAt = signature.signedAt();
        capa.closedBy = signature.username();
        CapaView after = move(capa, before, CapaStatus.CLOSED, request.reason(), "CLOSED", signature);
        outbox.publish("CapaClosed", capa.id.toString(), new CapaClosed(capa.id, capa.ncrId, latest.id,
                signature.username(), signature.printedName(), request.reason(), signature.signedAt()));
        return after;
    }

    /**
     * A new NCR with the defect code on the product: reopens every CAPA whose criterion watches that defect and that
     * is in its effectiveness window or closed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recurrence(String defectCode, String product, String what) {
        List<Capa> watching = Capa.list("criterionKind = ?1 and criterionDefectCode = ?2 and criterionProduct = ?3"
                + " and status in ?4", EffectivenessCriterion.Kind.NO_DEFECT_RECURRENCE, defectCode, product,
                List.of(CapaStatus.EFFECTIVENESS_PENDING, CapaStatus.CLOSED));
        List<UUID> reopened = new ArrayList<>();
        for (Capa capa : watching) {
            em.lock(capa, LockModeType.PESSIMISTIC_WRITE);
            reopen(capa, "recurrence: " + what, actor());
            reopened.add(capa.id);
        }
        return reopened;
    }

    /** Ids of the CAPAs whose effectiveness window runs (for the scheduled check). */
    @Transactional
    public List<UUID> inWindow() {
        return Capa.<Capa>list("status", CapaStatus.EFFECTIVENESS_PENDING).stream().map(c -> c.id).toList();
    }

    private CapaView reopen(Capa capa, String reason, String who) {
        CapaStatusMachine.requireMove(capa.status, CapaStatus.REOPENED);
        CapaView before = view(capa);
        CapaStatus from = capa.status;
        capa.reopenCount++;
        capa.windowStart = null;
        capa.closedAt = null;
        capa.closedBy = null;
        CapaView after = move(capa, before, CapaStatus.REOPENED, reason, "REOPENED", null);
        outbox.publish("CapaReopened", capa.id.toString(), new CapaReopened(capa.id, from, reason, who,
                now()));
        return after;
    }

    private CapaView move(Capa capa, CapaView before, CapaStatus to, String reason, String action, Signature sig) {
        CapaStatus from = capa.status;
        capa.status = to;
        capa.updatedAt = now();
        em.flush();
        history(capa, from, to, reason, sig);
        CapaView after = view(capa);
        changes.fire(new RecordChanged(ENTITY, capa.id.toString(), action, before, after, reason, sig));
        return after;
    }

    private void history(Capa capa, CapaStatus from, CapaStatus to, String reason, Signature sig) {
        CapaTransition t = new CapaTransition();
        t.id = UUID.randomUUID();
        t.capaId = capa.id;
        t.fromStatus = from == null ? null : from.name();
        t.toStatus = to.name();
        t.reason = reason;
        t.actor = actor();
        t.at = now();
        if (sig != null) {
            t.signedBy = sig.username();
            t.signerName = sig.printedName();
            t.signatureMeaning = sig.meaning().name();
            t.signedAt = sig.signedAt();
        }
        t.persist();
    }

    List<EvaluationView> evaluations(UUID capaId) {
        return CapaEvaluation.<CapaEvaluation>find("capaId", Sort.by("evaluatedAt", Sort.Direction.Descending)
                .and("id", Sort.Direction.Descending), capaId).stream().map(CapaEvaluation::view).toList();
    }

    private Capa find(UUID id, boolean lock) {
        Capa capa = lock ? Capa.findById(id, LockModeType.PESSIMISTIC_WRITE) : Capa.findById(id);
        if (capa == null) {
            throw new NotFoundProblem(ENTITY, id);
        }
        return capa;
    }

    CapaView view(Capa c) {
        boolean overdue = CapaStatusMachine.stillToImplement(c.status) && now().isAfter(c.dueAt);
        return new CapaView(c.id, c.number, c.kind, c.title, c.description, c.ncrId, c.owner, c.dueAt, c.status, overdue,
                c.criterion(), c.windowStart, c.implementedAt, c.closedAt, c.closedBy, c.reopenCount, c.createdAt,
                c.createdBy, c.updatedAt, c.version);
    }

    /** CAPA-yyyy-nnnn: the next number of the year, under a transaction lock so two creates never share one. */
    private String nextNumber(Instant now) {
        int year = now.atZone(java.time.ZoneOffset.UTC).getYear();
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('capa-number'))").getSingleResult();
        String prefix = "CAPA-" + year + "-";
        Object max = em.createNativeQuery("select max(number) from capa.capa where number like :p")
                .setParameter("p", prefix + "%").getSingleResult();
        int next = max == null ? 1 : Integer.parseInt(max.toString().substring(prefix.length())) + 1;
        return prefix + String.format("%04d", next);
    }

    /** The clock's time at the database's precision (microseconds), so what is returned is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static CapaStatus status(String s) {
        return s == null ? null : CapaStatus.valueOf(s);
    }

    private String actor() {
        if (identity.isResolvable()) {
            try {
                SecurityIdentity who = identity.get();
                if (!who.isAnonymous()) {
                    return who.getPrincipal().getName();
                }
            } catch (RuntimeException e) {
                // no request context: the scheduled check
            }
        }
        return SYSTEM;
    }
}
