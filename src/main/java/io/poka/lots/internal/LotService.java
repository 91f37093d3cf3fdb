package io.poka.lots.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.poka.lots.LotDispositioned;
import io.poka.lots.LotHeld;
import io.poka.lots.LotHoldLifted;
import io.poka.lots.LotRejected;
import io.poka.lots.LotReleased;
import io.poka.lots.LotStatus;
import io.poka.lots.LotStatusChanged;
import io.poka.lots.LotView;
import io.poka.lots.internal.LotRequests.LotContent;
import io.poka.lots.internal.LotRequests.NewLot;
import io.poka.lots.internal.LotRequests.SignatureInput;
import io.poka.lots.internal.LotViews.DispositionView;
import io.poka.lots.internal.LotViews.Page;
import io.poka.lots.internal.LotViews.SignatureView;
import io.poka.lots.internal.LotViews.StatusEntry;
import io.poka.platform.IdempotencyKeys;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.QualityEvents;
import io.poka.platform.RecordChanged;
import io.poka.platform.Signature;
import io.poka.platform.Signatures;
import io.poka.platform.ValidationProblem;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Lot creation, updates and every status change: the service checks the move against {@link LotStatusMachine},
 * takes signatures, writes the history row, fires {@link RecordChanged} and publishes the lot event, all in one
 * transaction so a rejected request leaves nothing behind.
 */
@ApplicationScoped
public class LotService {
    static final String ENTITY = "Lot";

    /** The outcome of a create: 201 for a new lot, 200 for a repeat, or the replay of an Idempotency-Key. */
    public record Created(int status, LotView lot, String replayedBody) {
    }

    /**
     * Filters of the lot list; null members do not filter. {@code text} matches external id, product, source system
     * or supplier lot, case-insensitive and contained.
     */
    public record Filter(LotStatus status, String product, String line, String supplier, Instant createdFrom,
            Instant createdTo, Instant producedFrom, Instant producedTo, String text) {
    }

    private final EntityManager em;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ObjectMapper json;
    private final Event<RecordChanged> changes;
    private final Event<Object> lotEvents;
    private final QualityEvents outbox;
    private final Signatures signatures;
    private final LotsConfig config;
    /** ERP/MES clients' Idempotency-Key on lot creation, on the platform's store (problem type lots/idempotency-key-reused). */
    private final IdempotencyKeys idempotency;
    private static final String IDEMPOTENCY_SCOPE = "lots";
    private final LotReader reader;

    LotService(EntityManager em, SecurityIdentity identity, Clock clock, ObjectMapper json,
            Event<RecordChanged> changes, Event<Object> lotEvents, QualityEvents outbox, Signatures signatures,
            LotsConfig config, IdempotencyKeys idempotency, LotReader reader) {
        this.idempotency = idempotency;
        this.reader = reader;
        this.em = em;
        this.identity = identity;
        this.clock = clock;
        this.json = json;
        this.changes = changes;
        this.lotEvents = lotEvents;
        this.outbox = outbox;
        this.signatures = signatures;
        this.config = config;
    }

    // ---- create, read, update -------------------------------------------------------------------------------

    @Transactional
    public Created create(NewLot request, String idempotencyKey) {
        Optional<IdempotencyKeys.Replay> replay = idempotency.replay(IDEMPOTENCY_SCOPE, idempotencyKey, request);
        if (replay.isPresent()) {
            return new Created(replay.get().status(), null, replay.get().body());
        }
        validatePeriod(request.productionStart(), request.productionEnd());
        lock("lot:" + request.sourceSystem() + "\u001f" + request.externalId());
        Optional<Lot> existing = Lot.find("sourceSystem = ?1 and externalId = ?2", request.sourceSystem(),
                request.externalId()).firstResultOptional();
        Created result;
        if (existing.isPresent()) {
            Lot lot = existing.get();
            List<String> differing = differingFields(lot, request.content());
            if (!differing.isEmpty()) {
                throw new LotProblems.ContentConflict(lot.sourceSystem, lot.externalId, lot.id, differing);
            }
            result = new Created(200, view(lot), null);
        } else {
            Lot lot = new Lot();
            lot.id = UUID.randomUUID();
            lot.sourceSystem = request.sourceSystem().strip();
            lot.externalId = request.externalId().strip();
            apply(lot, request.content(), false);
            lot.status = LotStatus.CREATED;
            lot.createdAt = clock.instant();
            lot.createdBy = actor();
            lot.updatedAt = lot.createdAt;
            lot.persist();
            em.flush();
            history(lot, null, "CREATED", null, null);
            LotView after = view(lot);
            changes.fire(new RecordChanged(ENTITY, lot.id.toString(), "CREATED", null, after, null));
            publish(lot, new LotStatusChanged(lot.id, lot.externalId, lot.product, null, LotStatus.CREATED,
                    "created from " + lot.sourceSystem, actor(), lot.createdAt));
            result = new Created(201, after, null);
        }
        idempotency.remember(IDEMPOTENCY_SCOPE, idempotencyKey, request, result.status(), result.lot());
        return result;
    }

    /** One lot as the API shows it, read without a transaction ({@link LotReader}). */
    public LotView get(UUID id) {
        return reader.find(id).orElseThrow(() -> new NotFoundProblem(ENTITY, id));
    }

    @Transactional
    public Optional<LotView> lookup(UUID id) {
        Lot lot = Lot.findById(id);
        return Optional.ofNullable(lot).map(this::view);
    }

    @Transactional
    public Page<LotView> list(Filter f, Integer page, Integer size) {
        return list(f, page, size, false);
    }

    /** The filtered page, oldest first (the API's order) or newest first (what people searching want to see). */
    @Transactional
    public Page<LotView> list(Filter f, Integer page, Integer size, boolean newestFirst) {
        int p = page == null ? 0 : page;
        int s = size == null ? config.defaultPageSize() : size;
        if (p < 0) {
            throw new ValidationProblem("page", "must be >= 0");
        }
        if (s < 1 || s > config.maxPageSize()) {
            throw new ValidationProblem("size", "must be between 1 and " + config.maxPageSize());
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        filter(where, params, "status", "status", f.status());
        filter(where, params, "product", "product", f.product());
        filter(where, params, "line", "line", f.line());
        filter(where, params, "supplier", "supplier", f.supplier());
        range(where, params, "createdAt", "created", f.createdFrom(), f.createdTo());
        if (f.producedFrom() != null) {
            where.append(" and coalesce(productionEnd, productionStart, createdAt) >= :producedFrom");
            params.put("producedFrom", f.producedFrom());
        }
        if (f.producedTo() != null) {
            where.append(" and coalesce(productionStart, productionEnd, createdAt) < :producedTo");
            params.put("producedTo", f.producedTo());
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" and (lower(externalId) like :text escape '!' or lower(product) like :text escape '!'"
                    + " or lower(sourceSystem) like :text escape '!' or lower(supplierLot) like :text escape '!')");
            String literal = f.text().strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_");
            params.put("text", "%" + literal + "%");
        }
        Sort.Direction direction = newestFirst ? Sort.Direction.Descending : Sort.Direction.Ascending;
        io.quarkus.hibernate.orm.panache.PanacheQuery<Lot> query = Lot.find(where.toString(),
                Sort.by("createdAt", direction).and("id", direction), params);
        long total = query.count();
        List<LotView> items = query.page(p, s).list().stream().map(this::view).toList();
        return new Page<>(items, p, s, total);
    }

    @Transactional
    public LotView update(UUID id, long expectedVersion, LotContent content, boolean partial) {
        Lot lot = find(id);
        checkVersion(lot, expectedVersion);
        if (!partial) {
            List<ValidationProblem.FieldError> missing = new ArrayList<>();
            if (content.product() == null || content.product().isBlank()) {
                missing.add(new ValidationProblem.FieldError("product", "must not be blank"));
            }
            if (content.quantity() == null) {
                missing.add(new ValidationProblem.FieldError("quantity", "must be given"));
            }
            if (content.unit() == null || content.unit().isBlank()) {
                missing.add(new ValidationProblem.FieldError("unit", "must not be blank"));
            }
            if (!missing.isEmpty()) {
                throw new ValidationProblem("PUT replaces the lot's content; required fields are missing", missing);
            }
        }
        LotView before = view(lot);
        apply(lot, content, partial);
        validatePeriod(lot.productionStart, lot.productionEnd);
        lot.updatedAt = clock.instant();
        em.flush();
        LotView after = view(lot);
        changes.fire(new RecordChanged(ENTITY, lot.id.toString(), "UPDATED", before, after, null));
        return after;
    }

    // ---- status -----------------------------------------------------------------------------------------------

    /** A move without signature: into processing or to inspection. */
    @Transactional
    public LotView move(UUID id, Long expectedVersion, LotStatus to, String reason) {
        if (to != LotStatus.IN_PROCESS && to != LotStatus.AWAITING_INSPECTION) {
            throw new ValidationProblem("to", "IN_PROCESS or AWAITING_INSPECTION here; use /hold, /quarantine,"
                    + " /lift-hold, /release, /reject or /dispositions for the other moves");
        }
        Lot lot = find(id);
        checkVersion(lot, expectedVersion);
        LotStatusMachine.requireMove(lot.status, lot.statusBeforeHold, to);
        return transition(lot, to, "MOVED_TO_" + to, reason, null, null);
    }

    /** Inspection outcome reported through {@link io.poka.lots.LotsApi}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LotView inspectionOutcome(UUID id, boolean accepted, String reason) {
        Lot lot = find(id);
        if (lot.status != LotStatus.AWAITING_INSPECTION) {
            throw new IllegalTransition(lot.status, accepted ? LotStatus.READY_FOR_RELEASE : LotStatus.ON_HOLD,
                    LotStatusMachine.allowed(lot.status, lot.statusBeforeHold),
                    "an inspection result can only be recorded for a lot AWAITING_INSPECTION");
        }
        if (accepted) {
            return transition(lot, LotStatus.READY_FOR_RELEASE, "INSPECTION_ACCEPTED", reason, null, null);
        }
        return holdLot(lot, LotStatus.ON_HOLD, reason, "INSPECTION_REJECTED");
    }

    @Transactional
    public LotView hold(UUID id, Long expectedVersion, LotStatus kind, String reason) {
        Lot lot = find(id);
        checkVersion(lot, expectedVersion);
        return holdLot(lot, kind, reason, kind == LotStatus.QUARANTINED ? "QUARANTINED" : "HELD");
    }

    private LotView holdLot(Lot lot, LotStatus kind, String reason, String action) {
        LotStatusMachine.requireHold(lot.status, lot.statusBeforeHold, kind);
        LotView before = view(lot);
        if (!lot.status.isHeld()) {
            lot.statusBeforeHold = lot.status;
        }
        lot.holdReason = reason;
        lot.heldBy = actor();
        lot.heldAt = clock.instant();
        return transition(before, lot, kind, action, reason, null, new LotHeld(lot.id, lot.externalId, lot.product,
                kind, lot.statusBeforeHold, reason, actor(), lot.heldAt));
    }

    @Transactional
    public LotView liftHold(UUID id, Long expectedVersion, String reason) {
        Lot lot = find(id);
        checkVersion(lot, expectedVersion);
        LotStatus back = LotStatusMachine.lift(lot.status, lot.statusBeforeHold);
        LotView before = view(lot);
        clearHold(lot);
        return transition(before, lot, back, "HOLD_LIFTED", reason, null,
                new LotHoldLifted(lot.id, lot.externalId, lot.product, back, reason, actor(), clock.instant()));
    }

    @Transactional
    public LotView release(UUID id, Long expectedVersion, String reason, SignatureInput input) {
        return signedMove(id, expectedVersion, LotStatus.RELEASED, reason, input, (lot, sig) ->
                new LotReleased(lot.id, lot.externalId, lot.product, actor(), sig.printedName(), reason, sig.signedAt()));
    }

    @Transactional
    public LotView reject(UUID id, Long expectedVersion, String reason, SignatureInput input) {
        return signedMove(id, expectedVersion, LotStatus.REJECTED, reason, input, (lot, sig) ->
                new LotRejected(lot.id, lot.externalId, lot.product, actor(), sig.printedName(), reason, sig.signedAt()));
    }

    /** A move that needs an electronic signature: checked first, signed, then applied; the action is the target's name. */
    private LotView signedMove(UUID id, Long expectedVersion, LotStatus target, String reason, SignatureInput input,
            java.util.function.BiFunction<Lot, Signature, Object> event) {
        Lot lot = find(id);
        checkVersion(lot, expectedVersion);
        LotStatusMachine.requireMove(lot.status, lot.statusBeforeHold, target);
        Signature sig = sign(input);
        LotView before = view(lot);
        clearHold(lot);
        return transition(before, lot, target, target.name(), reason, sig, event.apply(lot, sig));
    }

    @Transactional
    public DispositionView disposition(UUID id, Long expectedVersion, LotStatusMachine.Decision decision,
            String reason, SignatureInput input) {
        Lot lot = find(id);
        checkVersion(lot, expectedVersion);
        LotStatusMachine.requireDisposition(lot.status, lot.statusBeforeHold, decision);
        return recordDisposition(lot, decision, reason, sign(input));
    }

    /**
     * A disposition signed by the caller (e.g. a nonconformance report's material review, signed once for all its
     * lots), inside the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DispositionView disposition(UUID id, LotStatusMachine.Decision decision, String reason, Signature sig) {
        Lot lot = find(id);
        LotStatusMachine.requireDisposition(lot.status, lot.statusBeforeHold, decision);
        return recordDisposition(lot, decision, reason, sig);
    }

    /** The lots of a line whose production period overlaps [from, to], oldest production first. */
    @Transactional
    public List<LotView> producedOn(String line, Instant from, Instant to) {
        return Lot.<Lot>find("line = ?1 and productionStart is not null and productionStart <= ?3"
                + " and (productionEnd is null or productionEnd >= ?2)", Sort.by("productionStart").and("id"), line, from,
                to).stream().map(this::view).toList();
    }

    private DispositionView recordDisposition(Lot lot, LotStatusMachine.Decision decision, String reason,
            Signature sig) {
        LotStatus from = lot.status;
        Disposition d = new Disposition();
        d.id = UUID.randomUUID();
        d.lotId = lot.id;
        d.decision = decision;
        d.reason = reason;
        d.decidedBy = actor();
        d.decidedAt = clock.instant();
        d.signedBy = sig.username();
        d.signerName = sig.printedName();
        d.signMeaning = sig.meaning().name();
        d.signedAt = sig.signedAt();
        d.persist();
        LotView before = view(lot);
        clearHold(lot);
        transition(before, lot, decision.target(), "DISPOSITION_" + decision, reason, sig,
                new LotDispositioned(lot.id, lot.externalId, lot.product, decision.name(), from, decision.target(),
                        reason, actor(), sig.printedName(), d.decidedAt));
        if (decision.target() == LotStatus.RELEASED) {
            publish(lot, new LotReleased(lot.id, lot.externalId, lot.product, actor(), sig.printedName(), reason,
                    sig.signedAt()));
        }
        return dispositionView(d);
    }

    @Transactional
    public List<StatusEntry> history(UUID id) {
        find(id);
        return StatusChange.<StatusChange>list("lotId = ?1", Sort.by("at").and("id"), id).stream()
                .map(c -> new StatusEntry(c.fromStatus, c.toStatus, c.action, c.reason, c.actor, c.at,
                        c.signedBy == null ? null : new SignatureView(c.signedBy, c.signerName, c.signMeaning, c.signedAt)))
                .toList();
    }

    /** The statuses a lot may move to from where it stands, as {@link LotStatusMachine} allows. */
    @Transactional
    public java.util.Set<LotStatus> allowedMoves(UUID id) {
        Lot lot = find(id);
        return LotStatusMachine.allowed(lot.status, lot.statusBeforeHold);
    }

    @Transactional
    public List<DispositionView> dispositions(UUID id) {
        find(id);
        return Disposition.<Disposition>list("lotId = ?1", Sort.by("decidedAt"), id).stream()
                .map(LotService::dispositionView).toList();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private LotView transition(Lot lot, LotStatus to, String action, String reason, Signature sig, Object event) {
        return transition(view(lot), lot, to, action, reason, sig, event);
    }

    private LotView transition(LotView before, Lot lot, LotStatus to, String action, String reason, Signature sig,
            Object event) {
        LotStatus from = lot.status;
        lot.status = to;
        lot.updatedAt = clock.instant();
        em.flush();
        history(lot, from, action, reason, sig);
        LotView after = view(lot);
        changes.fire(new RecordChanged(ENTITY, lot.id.toString(), action, before, after, reason, sig));
        publish(lot, event != null ? event
                : new LotStatusChanged(lot.id, lot.externalId, lot.product, from, to, reason, actor(), lot.updatedAt));
        return after;
    }

    private void history(Lot lot, LotStatus from, String action, String reason, Signature sig) {
        StatusChange c = new StatusChange();
        c.id = UUID.randomUUID();
        c.lotId = lot.id;
        c.fromStatus = from;
        c.toStatus = lot.status;
        c.action = action;
        c.reason = reason;
        c.actor = actor();
        c.at = lot.updatedAt;
        if (sig != null) {
            c.signedBy = sig.username();
            c.signerName = sig.printedName();
            c.signMeaning = sig.meaning().name();
            c.signedAt = sig.signedAt();
        }
        c.persist();
    }

    private void publish(Lot lot, Object event) {
        lotEvents.fire(event);
        outbox.publish(event.getClass().getSimpleName(), lot.id.toString(), event);
    }

    private Signature sign(SignatureInput input) {
        if (input == null) {
            throw new ValidationProblem("signature", "an electronic signature (password and meaning) is required");
        }
        return signatures.sign(input.password(), input.meaning());
    }

    private static void clearHold(Lot lot) {
        lot.statusBeforeHold = null;
        lot.holdReason = null;
        lot.heldBy = null;
        lot.heldAt = null;
    }

    Lot find(UUID id) {
        Lot lot = Lot.findById(id, LockModeType.NONE);
        if (lot == null) {
            throw new NotFoundProblem(ENTITY, id);
        }
        return lot;
    }

    private static void checkVersion(Lot lot, Long expected) {
        if (expected != null && expected != lot.version) {
            throw new LotProblems.StaleVersion(lot.version, "\"" + expected + "\"");
        }
    }

    private void apply(Lot lot, LotContent c, boolean partial) {
        if (!partial || c.product() != null) {
            lot.product = c.product().strip();
        }
        if (!partial || c.quantity() != null) {
            lot.quantity = c.quantity();
        }
        if (!partial || c.unit() != null) {
            lot.unit = c.unit().strip();
        }
        if (!partial || c.line() != null) {
            lot.line = c.line();
        }
        if (!partial || c.station() != null) {
            lot.station = c.station();
        }
        if (!partial || c.supplier() != null) {
            lot.supplier = c.supplier();
        }
        if (!partial || c.supplierLot() != null) {
            lot.supplierLot = c.supplierLot();
        }
        if (!partial || c.productionStart() != null) {
            lot.productionStart = c.productionStart();
        }
        if (!partial || c.productionEnd() != null) {
            lot.productionEnd = c.productionEnd();
        }
        if (!partial || c.attributes() != null) {
            lot.attributes = canonical(c.attributes() == null ? Map.of() : c.attributes());
        }
    }

    private List<String> differingFields(Lot lot, LotContent c) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(lot.product, c.product().strip())) {
            out.add("product");
        }
        if (lot.quantity.compareTo(c.quantity()) != 0) {
            out.add("quantity");
        }
        if (!Objects.equals(lot.unit, c.unit().strip())) {
            out.add("unit");
        }
        compare(out, "line", lot.line, c.line());
        compare(out, "station", lot.station, c.station());
        compare(out, "supplier", lot.supplier, c.supplier());
        compare(out, "supplierLot", lot.supplierLot, c.supplierLot());
        compare(out, "productionStart", lot.productionStart, c.productionStart());
        compare(out, "productionEnd", lot.productionEnd, c.productionEnd());
        String attributes = canonical(c.attributes() == null ? Map.of() : c.attributes());
        if (!canonical(attributes(lot)).equals(attributes)) {
            out.add("attributes");
        }
        return out;
    }

    private static void compare(List<String> out, String name, Object stored, Object given) {
        if (!Objects.equals(stored, given)) {
            out.add(name);
        }
    }

    private static void validatePeriod(Instant start, Instant end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new ValidationProblem("productionEnd", "must not be before productionStart");
        }
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String field, String param, Object value) {
        if (value != null) {
            where.append(" and ").append(field).append(" = :").append(param);
            params.put(param, value);
        }
    }

    private static void range(StringBuilder where, Map<String, Object> params, String field, String param,
            Instant from, Instant to) {
        if (from != null) {
            where.append(" and ").append(field).append(" >= :").append(param).append("From");
            params.put(param + "From", from);
        }
        if (to != null) {
            where.append(" and ").append(field).append(" < :").append(param).append("To");
            params.put(param + "To", to);
        }
    }

    /** Serialises a transaction-scoped advisory lock on a key, so concurrent creates of one lot or key queue up. */
    private void lock(String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))").setParameter("k", key)
                .getSingleResult();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    LotView view(Lot lot) {
        LotView.Hold hold = lot.status.isHeld()
                ? new LotView.Hold(lot.holdReason, lot.heldBy, lot.heldAt, lot.statusBeforeHold) : null;
        return new LotView(lot.id, lot.sourceSystem, lot.externalId, lot.product, plain(lot.quantity), lot.unit, lot.line,
                lot.station, lot.supplier, lot.supplierLot, lot.productionStart, lot.productionEnd, attributes(lot),
                lot.status, hold, lot.createdAt, lot.createdBy, lot.updatedAt, lot.version);
    }

    private static java.math.BigDecimal plain(java.math.BigDecimal q) {
        return LotReader.plain(q);
    }

    private Map<String, Object> attributes(Lot lot) {
        return LotReader.attributes(json, lot.id, lot.attributes);
    }

    private String canonical(Object value) {
        try {
            return json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON", e);
        }
    }

    private static DispositionView dispositionView(Disposition d) {
        return new DispositionView(d.id, d.lotId, d.decision, d.reason, d.decidedBy, d.decidedAt,
                new SignatureView(d.signedBy, d.signerName, d.signMeaning, d.signedAt));
    }
}
