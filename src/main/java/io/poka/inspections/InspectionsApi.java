package io.poka.inspections;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What other modules may read from inspections: the inspections recorded for a lot. */
public interface InspectionsApi {

    /** One recorded inspection, without its raw measurements. */
    record InspectionSummary(UUID id, UUID lotId, UUID planId, int planVersion, boolean original, boolean accepted,
            String inspector, Instant inspectedAt) {
    }

    List<InspectionSummary> inspectionsOfLot(UUID lotId);
}
