package io.poka.inspections.internal;

import io.poka.inspections.internal.PlanDtos.CharacteristicInput;
import io.poka.inspections.internal.PlanDtos.ClassLimitInput;
import io.poka.inspections.internal.PlanDtos.ClassSampling;
import io.poka.inspections.internal.PlanDtos.NewPlan;
import io.poka.inspections.internal.PlanDtos.PlanView;
import io.poka.inspections.internal.PlanDtos.SamplingAnswer;
import io.poka.inspections.internal.sampling.Aql;
import io.poka.inspections.internal.sampling.InspectionLevel;
import io.poka.inspections.internal.sampling.SamplingPlan;
import io.poka.inspections.internal.sampling.SamplingStandard;
import io.poka.inspections.internal.sampling.Severity;
import io.poka.inspections.internal.sampling.SwitchingState;
import io.poka.inspections.internal.sampling.TablePlan;
import io.poka.inspections.internal.verdict.CharacteristicSpec;
import io.poka.lots.LotView;
import io.poka.lots.LotsApi;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.platform.ValidationProblem.FieldError;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Inspection plans: validated on creation, immutable afterwards; a new plan for the same product, supplier and
 * operation becomes the next version and supersedes the active one. Also answers "what do I sample?" for a lot size.
 */
@ApplicationScoped
public class PlanService {
    static final String ENTITY = "InspectionPlan";

    private final EntityManager em;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final Event<RecordChanged> changes;
    private final SwitchingService switching;
    private final LotsApi lots;

    PlanService(EntityManager em, SecurityIdentity identity, Clock clock, Event<RecordChanged> changes,
            SwitchingService switching, LotsApi lots) {
        this.lots = lots;
        this.em = em;
        this.identity = identity;
        this.clock = clock;
        this.changes = changes;
        this.switching = switching;
    }

    @Transactional
    public PlanView create(NewPlan req) {
        validate(req);
        String supplier = blankToEmpty(req.supplier());
        String operation = blankToEmpty(req.operation());
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", "plan:" + req.product() + "\u001f" + supplier + "\u001f" + operation).getSingleResult();
        List<InspectionPlan> previous = InspectionPlan.list("product = ?1 and supplier = ?2 and operation = ?3",
                Sort.descending("planVersion"), req.product().strip(), supplier, operation);
        InspectionPlan active = previous.stream().filter(p -> p.active).findFirst().orElse(null);
        PlanView supersededBefore = active == null ? null : view(active);
        if (active != null) {
            active.active = false;
        }
        InspectionPlan plan = new InspectionPlan();
        plan.id = UUID.randomUUID();
        plan.product = req.product().strip();
        plan.supplier = supplier;
        plan.operation = operation;
        plan.planVersion = previous.isEmpty() ? 1 : previous.get(0).planVersion + 1;
        plan.name = req.name().strip();
        plan.kind = req.kind();
        plan.inspectionLevel = req.kind() == PlanKind.ISO_2859_1 ? InspectionLevel.ofLabel(req.inspectionLevel()).label() : null;
        plan.standard = req.kind() != PlanKind.ISO_2859_1 ? null
                : req.standard() == null ? SamplingStandard.ISO_2859_1_1999 : req.standard();
        plan.fixedSampleSize = req.kind() == PlanKind.FIXED ? req.fixedSampleSize() : null;
        plan.reducedApproved = req.reducedInspectionApproved();
        plan.active = true;
        plan.createdAt = clock.instant();
        plan.createdBy = identity.getPrincipal().getName();
        for (ClassLimitInput c : req.classes()) {
            InspectionPlan.ClassLimit l = new InspectionPlan.ClassLimit();
            l.defectClass = c.defectClass();
            l.aql = req.kind() == PlanKind.ISO_2859_1 ? Aql.of(c.aql()).label() : null;
            l.acceptanceNumber = req.kind() == PlanKind.ISO_2859_1 ? null
                    : (c.acceptanceNumber() == null ? 0 : c.acceptanceNumber());
            plan.classes.add(l);
        }
        plan.persist();
        int position = 0;
        for (CharacteristicInput c : req.characteristics() == null ? List.<CharacteristicInput>of() : req.characteristics()) {
            Characteristic ch = new Characteristic();
            ch.id = UUID.randomUUID();
            ch.planId = plan.id;
            ch.position = position++;
            ch.name = c.name().strip();
            ch.kind = c.kind();
            ch.defectClass = c.defectClass();
            ch.nominal = c.nominal();
            ch.lsl = c.lsl();
            ch.usl = c.usl();
            ch.unit = c.unit();
            ch.persist();
        }
        em.flush();
        if (active != null) {
            changes.fire(new RecordChanged(ENTITY, active.id.toString(), "SUPERSEDED", supersededBefore, view(active),
                    "superseded by version " + plan.planVersion));
        }
        PlanView view = view(plan);
        changes.fire(new RecordChanged(ENTITY, plan.id.toString(), "CREATED", null, view, null));
        return view;
    }

    @Transactional
    public PlanView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public List<PlanView> list(String product, boolean activeOnly) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (product != null) {
            q.append(" and product = :product");
            params.put("product", product);
        }
        if (activeOnly) {
            q.append(" and active = true");
        }
        return InspectionPlan.<InspectionPlan>list(q.toString(), Sort.by("product").and("supplier").and("operation")
                .and("planVersion"), params).stream().map(this::view).toList();
    }

    /**
     * The sampling of every defect class of a plan for a lot size, at the current severities of the supplier: that
     * of the lot when {@code lotId} is given (whose quantity is then the default lot size), else {@code supplier},
     * else the plan's.
     */
    @Transactional
    public SamplingAnswer sampling(UUID planId, Integer lotSize, String supplierOrNull, UUID lotId) {
        InspectionPlan plan = find(planId);
        String supplier = supplierOrNull == null ? plan.supplier : supplierOrNull.strip();
        if (lotId != null) {
            LotView lot = lots.find(lotId).orElseThrow(() -> new NotFoundProblem("Lot", lotId));
            supplier = lot.supplier() == null ? "" : lot.supplier();
            if (lotSize == null) {
                lotSize = wholeUnits(lot.quantity());
            }
        }
        int n = requireLotSize(plan, lotSize);
        Map<DefectClass, SwitchingState> states = new EnumMap<>(DefectClass.class);
        Map<DefectClass, Severity> severities = new EnumMap<>(DefectClass.class);
        for (InspectionPlan.ClassLimit c : plan.classes) {
            SwitchingState s = switching.current(plan.product, supplier, c.defectClass);
            states.put(c.defectClass, s);
            severities.put(c.defectClass, s.severity());
        }
        Map<DefectClass, SamplingPlan> plans = SamplingResolver.resolve(plan, n, severities);
        List<ClassSampling> classes = new ArrayList<>();
        for (InspectionPlan.ClassLimit c : plan.classes) {
            classes.add(classSampling(plan, c, plans.get(c.defectClass),
                    plan.kind == PlanKind.ISO_2859_1 ? states.get(c.defectClass) : null));
        }
        classes.sort(java.util.Comparator.comparing(ClassSampling::defectClass));
        return new SamplingAnswer(plan.id, plan.planVersion, plan.kind, n, supplier.isEmpty() ? null : supplier,
                plan.standard, plan.standard == null ? null : plan.standard.label(), classes);
    }

    static ClassSampling classSampling(InspectionPlan plan, InspectionPlan.ClassLimit c, SamplingPlan p, SwitchingState s) {
        if (p instanceof TablePlan t) {
            return new ClassSampling(c.defectClass, c.aql, plan.inspectionLevel, t.severity().name(),
                    s != null && s.discontinued(), t.codeLetter().name(), t.planCodeLetter().name(), t.sampleSize(),
                    t.acceptanceNumber(), t.rejectionNumber(), t.fullInspection());
        }
        return new ClassSampling(c.defectClass, null, null, null, false, null, null, p.sampleSize(),
                p.acceptanceNumber(), p.rejectionNumber(), plan.kind == PlanKind.FULL);
    }

    /** The lot quantity as a number of units, or null when it is not a whole number. */
    static Integer wholeUnits(java.math.BigDecimal quantity) {
        try {
            return quantity.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    static int requireLotSize(InspectionPlan plan, Integer lotSize) {
        int min = plan.kind == PlanKind.ISO_2859_1 ? 2 : 1;
        if (lotSize == null || lotSize < min) {
            throw new ValidationProblem("lotSize", "must be a whole number of units >= " + min
                    + (min == 2 ? " (ISO 2859-1 Table 1 starts at 2)" : ""));
        }
        return lotSize;
    }

    InspectionPlan find(UUID id) {
        InspectionPlan plan = InspectionPlan.findById(id);
        if (plan == null) {
            throw new NotFoundProblem(ENTITY, id);
        }
        return plan;
    }

    List<Characteristic> characteristics(UUID planId) {
        return Characteristic.list("planId", Sort.by("position"), planId);
    }

    PlanView view(InspectionPlan p) {
        List<ClassLimitInput> classes = p.classes.stream()
                .sorted(java.util.Comparator.comparing(c -> c.defectClass))
                .map(c -> new ClassLimitInput(c.defectClass, c.aql, c.acceptanceNumber)).toList();
        List<CharacteristicInput> chars = characteristics(p.id).stream()
                .map(c -> new CharacteristicInput(c.name, c.kind, c.defectClass, c.nominal, c.lsl, c.usl, c.unit)).toList();
        return new PlanView(p.id, p.product, emptyToNull(p.supplier), emptyToNull(p.operation), p.planVersion, p.name,
                p.kind, p.standard, p.inspectionLevel, p.fixedSampleSize, p.reducedApproved, p.active, classes, chars, p.createdAt,
                p.createdBy);
    }

    private static void validate(NewPlan req) {
        List<FieldError> errors = new ArrayList<>();
        if (req.kind() == PlanKind.ISO_2859_1) {
            try {
                InspectionLevel.ofLabel(String.valueOf(req.inspectionLevel()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("inspectionLevel", "one of I, II, III, S-1, S-2, S-3, S-4"));
            }
        }
        if (req.kind() != PlanKind.ISO_2859_1 && req.standard() != null) {
            errors.add(new FieldError("standard", "only ISO_2859_1 (table) plans follow a sampling standard; omit it"));
        }
        if (req.kind() == PlanKind.FIXED && (req.fixedSampleSize() == null || req.fixedSampleSize() < 1)) {
            errors.add(new FieldError("fixedSampleSize", "a FIXED plan needs a sample size >= 1"));
        }
        Set<DefectClass> classes = new HashSet<>();
        for (int i = 0; i < req.classes().size(); i++) {
            ClassLimitInput c = req.classes().get(i);
            String f = "classes[" + i + "]";
            if (!classes.add(c.defectClass())) {
                errors.add(new FieldError(f + ".defectClass", c.defectClass() + " is given twice"));
            }
            if (req.kind() == PlanKind.ISO_2859_1) {
                try {
                    Aql.of(String.valueOf(c.aql()));
                } catch (RuntimeException e) {
                    errors.add(new FieldError(f + ".aql", "a preferred AQL of ISO 2859-1 (0.010 ... 1000)"));
                }
            } else if (c.acceptanceNumber() != null && c.acceptanceNumber() < 0) {
                errors.add(new FieldError(f + ".acceptanceNumber", "must be >= 0"));
            } else if (req.kind() == PlanKind.FIXED && req.fixedSampleSize() != null && c.acceptanceNumber() != null
                    && c.acceptanceNumber() >= req.fixedSampleSize()) {
                errors.add(new FieldError(f + ".acceptanceNumber", "must be below the sample size"));
            }
        }
        Set<String> names = new HashSet<>();
        List<CharacteristicInput> chars = req.characteristics() == null ? List.of() : req.characteristics();
        for (int i = 0; i < chars.size(); i++) {
            CharacteristicInput c = chars.get(i);
            String f = "characteristics[" + i + "]";
            if (!names.add(c.name().strip())) {
                errors.add(new FieldError(f + ".name", "'" + c.name() + "' is given twice"));
            }
            if (!classes.contains(c.defectClass())) {
                errors.add(new FieldError(f + ".defectClass", c.defectClass() + " has no entry in classes"));
            }
            try {
                new CharacteristicSpec(c.name(), c.kind(), c.defectClass(), c.nominal(), c.lsl(), c.usl(), c.unit());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(f, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("The inspection plan is not valid", errors);
        }
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
