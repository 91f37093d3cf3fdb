package io.poka.inspections.internal;

import io.poka.inspections.InspectionFormsApi;
import io.poka.inspections.internal.PlanDtos.PlanView;
import io.poka.inspections.internal.PlanDtos.SamplingAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Builds inspection entry forms from the plan and the sampling answer the REST API gives, so both always agree. */
@ApplicationScoped
public class InspectionFormsApiImpl implements InspectionFormsApi {
    private final PlanService plans;

    InspectionFormsApiImpl(PlanService plans) {
        this.plans = plans;
    }

    @Override
    @Transactional
    public List<PlanChoice> activePlansFor(String product, String supplier) {
        String lotSupplier = supplier == null ? "" : supplier;
        return plans.list(product, true).stream()
                .filter(p -> p.supplier() == null || p.supplier().isEmpty() || p.supplier().equals(lotSupplier))
                .sorted(Comparator.comparing((PlanView p) -> p.supplier() == null || p.supplier().isEmpty()))
                .map(p -> new PlanChoice(p.id(), p.name(), p.version(), p.kind().name(), emptyToNull(p.supplier()),
                        emptyToNull(p.operation())))
                .toList();
    }

    @Override
    @Transactional
    public InspectionForm form(UUID planId, UUID lotId) {
        PlanView plan = plans.get(planId);
        SamplingAnswer sampling = plans.sampling(planId, null, null, lotId);
        List<FormClass> classes = sampling.classes().stream().map(c -> new FormClass(c.defectClass().name(),
                c.severity(), c.discontinued(), c.codeLetter(), c.aql(), c.sampleSize(), c.acceptanceNumber(),
                c.rejectionNumber(), c.fullInspection())).toList();
        List<FormCharacteristic> characteristics = plan.characteristics() == null ? List.of()
                : plan.characteristics().stream().map(c -> new FormCharacteristic(c.name(), c.kind().name(),
                        c.defectClass().name(), c.nominal(), c.lsl(), c.usl(), c.unit())).toList();
        return new InspectionForm(plan.id(), plan.name(), plan.version(), plan.kind().name(), sampling.edition(),
                plan.inspectionLevel(), plan.active(), lotId, sampling.lotSize(), classes, characteristics);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
