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

    @Override
    @Transactional
    public List<InspectionSummary> inspectionsOfLot(UUID lotId) {
        return Inspection.<Inspection>list("lotId", Sort.by("inspectedAt").and("id"), lotId).stream()
                .map(i -> new InspectionSummary(i.id, i.lotId, i.planId,
                        InspectionPlan.<InspectionPlan>findById(i.planId).planVersion, i.original, i.accepted,
                        i.inspector, i.inspectedAt))
                .toList();
    }
}
