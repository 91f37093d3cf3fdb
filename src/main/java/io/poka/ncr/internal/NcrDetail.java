package io.poka.ncr.internal;

import io.poka.ncr.NcrApi.SimilarNcr;
import io.poka.ncr.NcrView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A report with everything its page shows: the evidence it was opened on, the suspect lots (why, held, flagged for
 * recall review) and their reconciliation, containments, dispositions, the investigation, attachments, history, the
 * actions allowed now and similar earlier reports.
 */
@Schema(name = "NcrDetail")
public record NcrDetail(NcrView ncr, NcrEvidence evidence, List<String> variables, List<SuspectLotView> suspectLots,
        List<ContainmentView> containments, List<DispositionView> dispositions,
        InvestigationContent investigation, List<AttachmentView> attachments, List<StatusEntry> history,
        List<String> allowedActions, List<SimilarNcr> similar) {

    /**
     * A suspect lot: why (SOURCE, WINDOW, DOWNSTREAM via another lot), its status now and when proposed, its suspect
     * quantity and how much of it has been dispositioned, whether held and flagged for recall review.
     */
    @Schema(name = "NcrSuspectLot")
    public record SuspectLotView(UUID lotId, String externalId, String product, String line, Instant productionStart,
            Instant productionEnd, String reason, UUID viaLotId, String statusAtProposal, String currentStatus,
            BigDecimal suspectQuantity, BigDecimal dispositionedQuantity, String unit, boolean held,
            boolean recallReview) {

        /** Held and not yet dispositioned: the material review still has to decide it. */
        public boolean awaitingDisposition() {
            return held && (dispositionedQuantity == null || dispositionedQuantity.signum() == 0);
        }
    }

    /** A signed containment. */
    @Schema(name = "NcrContainment")
    public record ContainmentView(UUID id, String reason, int heldLots, String signedBy, String signerName,
            String meaning, Instant signedAt) {
    }

    /** A signed disposition line. */
    @Schema(name = "NcrDisposition")
    public record DispositionView(UUID id, UUID lotId, String decision, BigDecimal quantity, String reason,
            String decidedBy, Instant decidedAt, String signedBy, String signerName, String meaning) {
    }

    /** An attachment's description (the content is downloaded separately). */
    @Schema(name = "NcrAttachment")
    public record AttachmentView(UUID id, String fileName, String mediaType, long sizeBytes, String sha256,
            String uploadedBy, Instant uploadedAt) {
    }

    /** One status change. */
    @Schema(name = "NcrStatusEntry")
    public record StatusEntry(String from, String to, String reason, String actor, Instant at) {
    }
}
