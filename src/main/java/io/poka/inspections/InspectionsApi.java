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

    // ---- reads for the web UI (issue 8) ---------------------------------------------------------------------------

    /**
     * The verdict of one defect class and the sampling it was judged by: plan kind, severity (normal, tightened,
     * reduced; ISO 2859-1 plans only), sample size code letter, AQL, n, Ac, Re and the nonconforming units found.
     */
    record ClassVerdict(String defectClass, String planKind, String severity, String codeLetter, String aql,
            int sampleSize, int acceptanceNumber, int rejectionNumber, int nonconforming, boolean accepted) {
    }

    /** One recorded inspection with the plan version it used and its verdict per defect class. */
    record InspectionDetail(UUID id, UUID lotId, UUID planId, String planName, int planVersion, String planKind,
            String inspectionLevel, int lotSize, boolean original, boolean accepted, String inspector,
            Instant inspectedAt, List<ClassVerdict> classes, String remarks) {
    }

    /** The inspections of a lot with their verdicts, oldest first (empty for a lot never inspected). */
    List<InspectionDetail> inspectionDetailsOfLot(UUID lotId);

    /** One recorded inspection with its verdicts (e.g. a failed one a nonconformance report is opened from). */
    java.util.Optional<InspectionDetail> inspection(UUID inspectionId);
}
