package io.poka.inspections.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.inspections.InspectionFailed;
import io.poka.inspections.InspectionPassed;
import io.poka.inspections.internal.InspectionDtos.AttributeResult;
import io.poka.inspections.internal.InspectionDtos.CharacteristicView;
import io.poka.inspections.internal.InspectionDtos.ClassVerdictView;
import io.poka.inspections.internal.InspectionDtos.InspectionView;
import io.poka.inspections.internal.InspectionDtos.NewInspection;
import io.poka.inspections.internal.InspectionDtos.StoredResults;
import io.poka.inspections.internal.InspectionDtos.VariableResult;
import io.poka.inspections.internal.sampling.LotOutcome;
import io.poka.inspections.internal.sampling.SamplingPlan;
import io.poka.inspections.internal.sampling.Severity;
import io.poka.inspections.internal.sampling.TablePlan;
import io.poka.inspections.internal.verdict.CharacteristicSpec;
import io.poka.inspections.internal.verdict.InspectionVerdict;
import io.poka.inspections.internal.verdict.VerdictCalculator;
import io.poka.lots.LotStatus;
import io.poka.lots.LotView;
import io.poka.lots.LotsApi;
import io.poka.platform.ConflictProblem;
import io.poka.platform.IdempotencyKeys;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.QualityEvents;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records an inspection: resolves the sample plan per defect class at the current severity, computes the verdict,
 * moves the lot through {@link LotsApi}, feeds original inspections to the switching rules and publishes the outcome,
 * all in one transaction.
 */
@ApplicationScoped
public class InspectionService {
    static final String ENTITY = "Inspection";
    /** Scope of this module's Idempotency-Keys, and the prefix of the problem type of a reused key. */
    static final String IDEMPOTENCY_SCOPE = "inspections";

    /** What a POST answers: the inspection, and whether it is the replay of an earlier request with the same key. */
    public record Recorded(InspectionView view, boolean replayed) {
    }

    private final PlanService plans;
    private final SwitchingService switching;
    private final LotsApi lots;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ObjectMapper json;
    private final Event<RecordChanged> changes;
    private final Event<InspectionFailed> failed;
    private final Event<InspectionPassed> passed;
    private final QualityEvents outbox;
    private final IdempotencyKeys idempotency;

    InspectionService(PlanService plans, SwitchingService switching, LotsApi lots, SecurityIdentity identity,
            Clock clock, ObjectMapper json, Event<RecordChanged> changes, Event<InspectionFailed> failed,
            Event<InspectionPassed> passed, QualityEvents outbox, IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.plans = plans;
        this.switching = switching;
        this.lots = lots;
        this.identity = identity;
        this.clock = clock;
        this.json = json;
        this.changes = changes;
        this.failed = failed;
        this.passed = passed;
        this.outbox = outbox;
    }

    /**
     * Records the inspection, or, for a retry with an Idempotency-Key already answered, replays the first answer
     * (the same key with another body is refused with 422 and changes nothing).
     */
    @Transactional
    public Recorded record(NewInspection req, String idempotencyKey) {
        var replay = idempotency.replay(IDEMPOTENCY_SCOPE, idempotencyKey, req);
        if (replay.isPresent()) {
            try {
                return new Recorded(json.readValue(replay.get().body(), InspectionView.class), true);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored answer of Idempotency-Key " + idempotencyKey + " is not readable", e);
            }
        }
        InspectionView view = record(req);
        idempotency.remember(IDEMPOTENCY_SCOPE, idempotencyKey, req, 201, view);
        return new Recorded(view, false);
    }

    private InspectionView record(NewInspection req) {
        InspectionPlan plan = plans.find(req.planId());
        if (!plan.active) {
            InspectionPlan active = InspectionPlan.<InspectionPlan>find("product = ?1 and supplier = ?2 and operation = ?3"
                    + " and active = true", plan.product, plan.supplier, plan.operation).firstResult();
            throw new InspectionProblems.PlanSuperseded(plan.id, active == null ? null : active.id);
        }
        LotView lot = lots.find(req.lotId()).orElseThrow(() -> new NotFoundProblem("Lot", req.lotId()));
        if (!lot.product().equals(plan.product)) {
            throw new ValidationProblem("planId", "plan is for product " + plan.product + ", the lot is " + lot.product());
        }
        String supplier = lot.supplier() == null ? "" : lot.supplier();
        if (!plan.supplier.isEmpty() && !plan.supplier.equals(supplier)) {
            throw new ValidationProblem("planId", "plan is for supplier " + plan.supplier + ", the lot is from "
                    + (supplier.isEmpty() ? "no supplier" : supplier));
        }
        if (lot.status() != LotStatus.AWAITING_INSPECTION) {
            throw new ConflictProblem("inspections/lot-not-awaiting-inspection", "Lot " + lot.id() + " is "
                    + lot.status() + "; inspection results are accepted only for lots AWAITING_INSPECTION");
        }
        int lotSize = PlanService.requireLotSize(plan, req.lotSize() != null ? req.lotSize() : PlanService.wholeUnits(lot.quantity()));
        boolean original = Inspection.count("lotId", lot.id()) == 0;
        boolean steady = req.productionSteady() == null || req.productionSteady();
        boolean normalWarranted = req.normalWarranted() != null && req.normalWarranted();

        Map<DefectClass, SwitchingStateRow> states = new EnumMap<>(DefectClass.class);
        Map<DefectClass, Severity> severities = new EnumMap<>(DefectClass.class);
        if (plan.kind == PlanKind.ISO_2859_1) {
            for (InspectionPlan.ClassLimit c : plan.classes) {
                SwitchingStateRow row = switching.lock(plan.product, supplier, c.defectClass);
                if (row.discontinued) {
                    throw new InspectionProblems.Discontinued(plan.product, supplier, c.defectClass);
                }
                states.put(c.defectClass, row);
                severities.put(c.defectClass, row.severity);
            }
        }
        Map<DefectClass, SamplingPlan> samplePlans = SamplingResolver.resolve(plan, lotSize, severities);
        List<CharacteristicSpec> specs = plans.characteristics(plan.id).stream().map(Characteristic::spec).toList();
        InspectionVerdict verdict;
        try {
            verdict = VerdictCalculator.evaluate(samplePlans, specs, measurements(req.variables()), counts(req.attributes()));
        } catch (IllegalArgumentException e) {
            throw new ValidationProblem("results", e.getMessage());
        }

        Inspection i = new Inspection();
        i.id = UUID.randomUUID();
        i.lotId = lot.id();
        i.planId = plan.id;
        i.lotSize = lotSize;
        i.original = original;
        i.accepted = verdict.accepted();
        i.inspector = identity.getPrincipal().getName();
        i.inspectedAt = clock.instant();
        List<ClassVerdictView> classViews = verdict.classes().stream().map(v -> classView(plan, v)).toList();
        i.verdicts = write(classViews);
        i.measurements = write(new StoredResults(nullToEmpty(req.variables()), nullToEmpty(req.attributes()),
                req.remarks(), steady, normalWarranted));
        i.persist();

        if (original) {
            for (InspectionVerdict.ClassVerdict v : verdict.classes()) {
                if (v.plan() instanceof TablePlan t) {
                    LotOutcome outcome = LotOutcome.of(t, v.nonconforming(), steady, plan.reducedApproved, normalWarranted);
                    switching.apply(states.get(v.defectClass()), outcome, plan.standard, i.id);
                }
            }
        }

        LotView moved;
        if (verdict.accepted()) {
            moved = lots.inspectionAccepted(lot.id(), "inspection " + i.id + " accepted the lot (plan " + plan.name
                    + " v" + plan.planVersion + ")");
        } else {
            String reason = "inspection " + i.id + " did not accept the lot: " + verdict.rejectedClasses().stream()
                    .map(v -> v.defectClass() + " " + v.nonconforming() + " nonconforming, Ac "
                            + v.plan().acceptanceNumber() + " Re " + v.plan().rejectionNumber())
                    .collect(Collectors.joining("; "));
            moved = lots.inspectionRejected(lot.id(), reason);
        }
        InspectionView view = view(i, plan, classViews, moved.status().name(), req.remarks(), nullToEmpty(req.attributes()));
        changes.fire(new RecordChanged(ENTITY, i.id.toString(), "RECORDED", null, view, null));
        if (verdict.accepted()) {
            InspectionPassed event = new InspectionPassed(i.id, lot.id(), plan.product, emptyToNull(supplier), plan.id,
                    plan.planVersion, i.inspector, i.inspectedAt);
            passed.fire(event);
            outbox.publish("InspectionPassed", lot.id().toString(), event);
        } else {
            InspectionFailed event = new InspectionFailed(i.id, lot.id(), lot.externalId(), plan.product,
                    emptyToNull(supplier), plan.id, plan.name, plan.planVersion, lotSize, original,
                    classViews.stream().map(InspectionService::failedClass).toList(), i.inspector, i.inspectedAt);
            failed.fire(event);
            outbox.publish("InspectionFailed", lot.id().toString(), event);
        }
        return view;
    }

    @Transactional
    public InspectionView get(UUID id) {
        Inspection i = Inspection.findById(id);
        if (i == null) {
            throw new NotFoundProblem(ENTITY, id);
        }
        return stored(i);
    }

    @Transactional
    public List<InspectionView> ofLot(UUID lotId) {
        return Inspection.<Inspection>list("lotId", Sort.by("inspectedAt").and("id"), lotId).stream()
                .map(this::stored).toList();
    }

    private InspectionView stored(Inspection i) {
        InspectionPlan plan = plans.find(i.planId);
        try {
            List<ClassVerdictView> classes = List.of(json.readValue(i.verdicts, ClassVerdictView[].class));
            StoredResults results = json.readValue(i.measurements, StoredResults.class);
            return view(i, plan, classes, null, results.remarks(), nullToEmpty(results.attributes()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored inspection " + i.id + " is not readable", e);
        }
    }

    private static InspectionView view(Inspection i, InspectionPlan plan, List<ClassVerdictView> classes,
            String lotStatus, String remarks, List<AttributeResult> attributes) {
        return new InspectionView(i.id, i.lotId, i.planId, plan.planVersion, i.lotSize, i.original, i.accepted,
                i.inspector, i.inspectedAt, classes, lotStatus, remarks, attributes);
    }

    private static ClassVerdictView classView(InspectionPlan plan, InspectionVerdict.ClassVerdict v) {
        SamplingPlan p = v.plan();
        String severity = p instanceof TablePlan t ? t.severity().name() : null;
        String letter = p instanceof TablePlan t ? t.planCodeLetter().name() : null;
        return new ClassVerdictView(v.defectClass(), plan.kind.name(), severity, letter, p.sampleSize(),
                p.acceptanceNumber(), p.rejectionNumber(), v.nonconforming(), v.attributeNonconforming(), v.accepted(),
                p.betweenAcceptanceAndRejection(v.nonconforming()),
                v.characteristics().stream().map(c -> new CharacteristicView(c.name(), c.lsl(), c.usl(), c.unit(),
                        c.unitsOutOfSpec())).toList());
    }

    private static InspectionFailed.ClassResult failedClass(ClassVerdictView c) {
        return new InspectionFailed.ClassResult(c.defectClass().name(), c.planKind(), c.severity(), c.codeLetter(),
                c.sampleSize(), c.acceptanceNumber(), c.rejectionNumber(), c.nonconforming(), c.accepted(),
                c.characteristics().stream().map(ch -> new InspectionFailed.CharacteristicResult(ch.name(), ch.lsl(),
                        ch.usl(), ch.unit(), ch.unitsOutOfSpec())).toList());
    }

    private static Map<String, List<Double>> measurements(List<VariableResult> variables) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (VariableResult v : nullToEmpty(variables)) {
            if (out.put(v.characteristic().strip(), v.values()) != null) {
                throw new ValidationProblem("variables", "'" + v.characteristic() + "' is given twice");
            }
        }
        return out;
    }

    private static Map<DefectClass, Integer> counts(List<AttributeResult> attributes) {
        Map<DefectClass, Integer> out = new EnumMap<>(DefectClass.class);
        for (AttributeResult a : nullToEmpty(attributes)) {
            if (out.put(a.defectClass(), a.nonconforming()) != null) {
                throw new ValidationProblem("attributes", a.defectClass() + " is given twice");
            }
            if (a.defects() != null && a.defects().stream().map(d -> d.code().strip()).distinct().count() < a.defects().size()) {
                throw new ValidationProblem("attributes", a.defectClass() + " lists a defect code twice");
            }
        }
        return out;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
