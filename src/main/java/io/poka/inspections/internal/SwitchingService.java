package io.poka.inspections.internal;

import io.poka.inspections.InspectionSeverityChanged;
import io.poka.inspections.internal.sampling.LotOutcome;
import io.poka.inspections.internal.sampling.SamplingStandard;
import io.poka.inspections.internal.sampling.SwitchEvent;
import io.poka.inspections.internal.sampling.SwitchResult;
import io.poka.inspections.internal.sampling.SwitchingRules;
import io.poka.inspections.internal.sampling.SwitchingState;
import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.QualityEvents;
import io.poka.platform.RecordChanged;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the ISO 2859-1 switching state per (product, supplier, defect class) in the database: reads it for sampling,
 * locks it while an inspection applies {@link SwitchingRules}, and stores and publishes every switch with its reason.
 */
@ApplicationScoped
public class SwitchingService {
    static final String ENTITY = "InspectionSwitchingState";

    /** A stored state as the API shows it. */
    public record StateView(String product, String supplier, DefectClass defectClass, String severity,
            boolean discontinued, int switchingScore, String recentNormal, int consecutiveAcceptedOnTightened,
            int notAcceptedOnTightened, long lotsInspected, Instant updatedAt) {
    }

    /** A stored switch. */
    public record SwitchView(UUID id, String product, String supplier, DefectClass defectClass, String from, String to,
            String reason, String clause, String description, UUID inspectionId, Instant at) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final Event<RecordChanged> changes;
    private final Event<InspectionSeverityChanged> switched;
    private final QualityEvents outbox;

    SwitchingService(EntityManager em, Clock clock, Event<RecordChanged> changes,
            Event<InspectionSeverityChanged> switched, QualityEvents outbox) {
        this.em = em;
        this.clock = clock;
        this.changes = changes;
        this.switched = switched;
        this.outbox = outbox;
    }

    /** The current state, or the initial (normal) one when no lot has been inspected yet. */
    @Transactional
    public SwitchingState current(String product, String supplier, DefectClass dc) {
        SwitchingStateRow row = SwitchingStateRow.findById(new SwitchingStateRow.Key(product, supplier, dc));
        return row == null ? SwitchingState.initial() : row.state();
    }

    /** The state row, created if missing and locked until the end of the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    SwitchingStateRow lock(String product, String supplier, DefectClass dc) {
        SwitchingState initial = SwitchingState.initial();
        em.createNativeQuery("""
                insert into inspections.switching_state (product, supplier, defect_class, severity, switching_score,
                    recent_normal, accepted_on_tightened, not_accepted_on_tightened, discontinued, lots_inspected, updated_at)
                values (:p, :s, :c, :sev, 0, '', 0, 0, false, 0, :at) on conflict do nothing""")
                .setParameter("p", product).setParameter("s", supplier).setParameter("c", dc.name())
                .setParameter("sev", initial.severity().name()).setParameter("at", clock.instant()).executeUpdate();
        return em.find(SwitchingStateRow.class, new SwitchingStateRow.Key(product, supplier, dc),
                LockModeType.PESSIMISTIC_WRITE);
    }

    /** Feeds one original lot to the rules of the plan's standard; stores the new state and any switch. */
    @Transactional(Transactional.TxType.MANDATORY)
    void apply(SwitchingStateRow row, LotOutcome outcome, SamplingStandard standard, UUID inspectionId) {
        StateView before = view(row);
        SwitchResult result = SwitchingRules.next(row.state(), outcome, standard);
        row.set(result.state(), clock.instant());
        em.flush();
        String reason = result.event().map(SwitchEvent::text).orElse(null);
        changes.fire(new RecordChanged(ENTITY, key(row), result.event().isPresent() ? "SWITCHED" : "LOT_COUNTED",
                before, view(row), reason));
        result.event().ifPresent(e -> store(row, e, inspectionId));
    }

    /** Resumes discontinued inspection after corrective action: tightened (ISO 2859-1:1999 9.4). */
    @Transactional
    public StateView resume(String product, String supplier, DefectClass dc, String correctiveAction) {
        SwitchingStateRow row = SwitchingStateRow.findById(new SwitchingStateRow.Key(product, supplier, dc),
                LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new NotFoundProblem("SwitchingState", product + "/" + supplier + "/" + dc);
        }
        if (!row.discontinued) {
            throw new ConflictProblem("inspections/not-discontinued", "Inspection of " + product + " class " + dc
                    + " is not discontinued");
        }
        StateView before = view(row);
        SwitchResult result = SwitchingRules.resume(row.state(), correctiveAction, standardOf(product, supplier));
        row.set(result.state(), clock.instant());
        em.flush();
        SwitchEvent e = result.event().orElseThrow();
        changes.fire(new RecordChanged(ENTITY, key(row), "RESUMED", before, view(row), e.text()));
        store(row, e, null);
        return view(row);
    }

    @Transactional
    public List<StateView> states(String product, String supplier) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (product != null) {
            q.append(" and id.product = :product");
            params.put("product", product);
        }
        if (supplier != null) {
            q.append(" and id.supplier = :supplier");
            params.put("supplier", supplier);
        }
        return SwitchingStateRow.<SwitchingStateRow>list(q.toString(),
                Sort.by("id.product").and("id.supplier").and("id.defectClass"), params).stream().map(SwitchingService::view).toList();
    }

    @Transactional
    public List<SwitchView> events(String product, String supplier, DefectClass dc) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (product != null) {
            q.append(" and product = :product");
            params.put("product", product);
        }
        if (supplier != null) {
            q.append(" and supplier = :supplier");
            params.put("supplier", supplier);
        }
        if (dc != null) {
            q.append(" and defectClass = :dc");
            params.put("dc", dc);
        }
        return SwitchEventRow.<SwitchEventRow>list(q.toString(), Sort.by("at").and("id"), params).stream()
                .map(e -> new SwitchView(e.id, e.product, e.supplier.isEmpty() ? null : e.supplier, e.defectClass,
                        e.fromStage, e.toStage, e.reason, e.clause, e.description, e.inspectionId, e.at))
                .toList();
    }

    private void store(SwitchingStateRow row, SwitchEvent e, UUID inspectionId) {
        SwitchEventRow ev = new SwitchEventRow();
        ev.id = UUID.randomUUID();
        ev.product = row.id.product;
        ev.supplier = row.id.supplier;
        ev.defectClass = row.id.defectClass;
        ev.fromStage = e.from().name();
        ev.toStage = e.to().name();
        ev.reason = e.reason().name();
        ev.clause = e.clause();
        ev.description = e.text();
        ev.inspectionId = inspectionId;
        ev.at = clock.instant();
        ev.persist();
        InspectionSeverityChanged event = new InspectionSeverityChanged(ev.id, ev.product,
                ev.supplier.isEmpty() ? null : ev.supplier, ev.defectClass.name(), ev.fromStage, ev.toStage, ev.reason,
                ev.clause, ev.description, inspectionId, ev.at);
        switched.fire(event);
        outbox.publish("InspectionSeverityChanged", ev.product + "|" + ev.supplier + "|" + ev.defectClass, event);
    }

    /** The standard of the product's active table plan for the supplier (or for any supplier), ISO by default. */
    private static SamplingStandard standardOf(String product, String supplier) {
        InspectionPlan plan = InspectionPlan.<InspectionPlan>find("product = ?1 and active = true and kind = ?2"
                + " and (supplier = ?3 or supplier = '')", Sort.descending("supplier").and("operation"), product,
                PlanKind.ISO_2859_1, supplier).firstResult();
        return plan == null || plan.standard == null ? SamplingStandard.ISO_2859_1_1999 : plan.standard;
    }

    private static String key(SwitchingStateRow row) {
        return row.id.product + "|" + row.id.supplier + "|" + row.id.defectClass;
    }

    static StateView view(SwitchingStateRow r) {
        return new StateView(r.id.product, r.id.supplier.isEmpty() ? null : r.id.supplier, r.id.defectClass,
                r.severity.name(), r.discontinued, r.switchingScore, r.recentNormal, r.acceptedOnTightened,
                r.notAcceptedOnTightened, r.lotsInspected, r.updatedAt);
    }
}
