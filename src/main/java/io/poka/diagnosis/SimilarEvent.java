package io.poka.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An earlier incident suggested as similar to an incident or anomaly, with what was found and done about it.
 * {@code similarity} = w x {@code cosine} + (1 - w) x {@code jaccard} (w = poka.diagnosis.cosine-weight).
 *
 * @param cosine cosine similarity of the variables' contributions (rule firings where no model contributed)
 * @param jaccard shared variables / variables of either
 * @param cause the root cause recorded when the incident was resolved, null if not yet
 * @param actions the NCRs opened from the incident and the CAPAs linked to them
 */
public record SimilarEvent(UUID incidentId, @Schema(example = "L1") String line, Instant firstSignalAt,
        @Schema(example = "RESOLVED") String status, String summary, @Schema(example = "0.87") double similarity,
        @Schema(example = "0.91") double cosine, @Schema(example = "0.83") double jaccard,
        List<String> sharedVariables, @Schema(example = "Cooling water valve stuck") String cause,
        @Schema(example = "TRUE_POSITIVE") String label, List<CorrectiveAction> actions) {

    /**
     * An NCR opened from the similar incident and, when one is linked, a CAPA of it.
     *
     * @param rootCauseCategory the NCR investigation's root-cause category, null before
     */
    public record CorrectiveAction(UUID ncrId, @Schema(example = "NCR-2026-0001") String ncrNumber,
            @Schema(example = "MACHINE") String rootCauseCategory, UUID capaId,
            @Schema(example = "CAPA-2026-0001") String capaNumber, @Schema(example = "CLOSED") String capaStatus,
            @Schema(example = "Replace the valve positioner") String capaTitle) {
    }
}
