package io.poka.ncr.internal;

import io.poka.ncr.NcrSeverity;
import io.poka.ncr.NcrSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the nonconformance REST API. */
public final class NcrRequests {
    private NcrRequests() {
    }

    /**
     * Opens a report. What the source needs: INSPECTION an {@code inspectionId} (lot, plan and failed classes are
     * taken from it); INCIDENT an {@code incidentId}; ANOMALY an {@code incidentId} and the {@code anomalyId} in it;
     * CUSTOMER_COMPLAINT and SUPPLIER_ISSUE the ERP's number in {@code sourceReference} (and an Idempotency-Key
     * header for safe retries); MANUAL nothing more. Line, product, quantities and the signal window are taken from
     * the source where it has them, and may be given otherwise.
     */
    @Schema(name = "NcrOpen")
    public record OpenNcr(
            NcrSource source,
            @Schema(example = "CC-2026-0042") String sourceReference,
            @Schema(example = "SAP-PROD") String sourceSystem,
            UUID inspectionId,
            UUID incidentId,
            UUID anomalyId,
            @Schema(example = "Burr on bracket edge") String title,
            String description,
            @Schema(example = "L1") String line,
            @Schema(example = "BRACKET-A7") String product,
            @Schema(example = "DIM-BURR") String defectCode,
            NcrSeverity severity,
            RiskRating risk,
            @Schema(example = "500") BigDecimal quantityAffected,
            @Schema(example = "12") BigDecimal quantityNonconforming,
            @Schema(example = "pcs") String unit,
            @Schema(example = "250.00") BigDecimal cost,
            @Schema(example = "EUR") String currency,
            @Schema(example = "qa.lead") String owner,
            LocalDate dueDate,
            Instant signalFrom,
            Instant signalTo,
            List<UUID> lotIds,
            @Schema(description = "contributing variables named by hand (sources with a model or chart bring theirs)",
                    example = "[\"XMEAS(9)\"]") List<String> variables) {
    }

    /** Severity, occurrence and detection, each 1-10 (AIAG & VDA FMEA Handbook 2019 scales, docs/ncr.md). */
    @Schema(name = "NcrRiskRating")
    public record RiskRating(@Schema(example = "8") Integer severity, @Schema(example = "4") Integer occurrence,
            @Schema(example = "5") Integer detection) {
    }

    /** The re-entered password and the meaning of an electronic signature. */
    @Schema(name = "NcrSignatureInput")
    public record SignatureInput(@Schema(example = "the signer's own password") String password,
            @Schema(example = "APPROVAL") io.poka.platform.Signature.Meaning meaning) {
    }

    /** Holds suspect lots in one signed action: the given lots, or every suspect lot not yet held when none given. */
    @Schema(name = "NcrContainmentRequest")
    public record ContainRequest(List<UUID> lotIds,
            @Schema(example = "suspect burr on all lots pressed during the incident") String reason,
            SignatureInput signature) {
    }

    /** One line of a material review. */
    @Schema(name = "NcrDispositionLine")
    public record DispositionLine(UUID lotId, @Schema(example = "REWORK") NcrDisposition.Decision decision,
            @Schema(example = "120") BigDecimal quantity) {
    }

    /** A signed material review: per lot the quantities must add up to the lot's suspect quantity. */
    @Schema(name = "NcrDispositionRequest")
    public record DispositionRequest(List<DispositionLine> lines,
            @Schema(example = "120 pcs deburred and re-inspected, 380 pcs used as is after 100 % check") String reason,
            SignatureInput signature) {
    }

    /** Closing a report (signed): it needs a root cause and every held lot dispositioned. */
    @Schema(name = "NcrCloseRequest")
    public record CloseRequest(@Schema(example = "root cause removed, material dispositioned") String reason,
            SignatureInput signature) {
    }

    /** Cancelling a report opened in error (before any disposition). */
    @Schema(name = "NcrCancelRequest")
    public record CancelRequest(@Schema(example = "duplicate of NCR-2026-0007") String reason) {
    }
}
