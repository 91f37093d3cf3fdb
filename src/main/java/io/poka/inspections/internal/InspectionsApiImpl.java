package io.poka.inspections.internal;

import io.poka.inspections.InspectionsApi;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The inspections module's read facade for other modules. */
@ApplicationScoped
public class InspectionsApiImpl implements InspectionsApi {
    private final InspectionService inspections;
    private final PlanService plans;

    InspectionsApiImpl(InspectionService inspections, PlanService plans) {
        this.inspections = inspections;
        this.plans = plans;
    }

    @Override
    @Transactional
    public List<InspectionSummary> inspectionsOfLot(UUID lotId) {
        return Inspection.<Inspection>list("lotId", Sort.by("inspectedAt").and("id"), lotId).stream()
                .map(i -> new InspectionSummary(i.id, i.lotId, i.planId,
                        InspectionPlan.<InspectionPlan>findById(i.planId).planVersion, i.original, i.accepted,
                        i.inspector, i.inspectedAt))
                .toList();
    }

    @Override
    @Transactional
    public List<InspectionDetail> inspectionDetailsOfLot(UUID lotId) {
        return inspections.ofLot(lotId).stream().map(i -> {
            InspectionPlan plan = plans.find(i.planId());
            return new InspectionDetail(i.id(), i.lotId(), i.planId(), plan.name, i.planVersion(), plan.kind.name(),
                    plan.inspectionLevel, i.lotSize(), i.original(), i.accepted(), i.inspector(), i.inspectedAt(),
                    i.classes().stream().map(c -> new ClassVerdict(c.defectClass().name(), c.planKind(), c.severity(),
                            c.codeLetter(), aql(plan, c.defectClass()), c.sampleSize(), c.acceptanceNumber(),
                            c.rejectionNumber(), c.nonconforming(), c.accepted())).toList(),
                    i.remarks());
        }).toList();
    }

    @Override
    @Transactional
    public java.util.Optional<InspectionDetail> inspection(UUID inspectionId) {
        Inspection found = Inspection.findById(inspectionId);
        return found == null ? java.util.Optional.empty()
                : inspectionDetailsOfLot(found.lotId).stream().filter(i -> i.id().equals(inspectionId)).findFirst();
    }

    private static String aql(InspectionPlan plan, DefectClass defectClass) {
        return plan.classes.stream().filter(c -> c.defectClass == defectClass).map(c -> c.aql).findFirst().orElse(null);
    }
}
