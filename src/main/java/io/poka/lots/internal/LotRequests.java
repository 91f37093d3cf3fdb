package io.poka.lots.internal;

import io.poka.platform.Signature;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The request bodies of the lots API, validated at the edge. A quantity fits the column numeric(19, 6): at most 13
 * integer digits and 6 decimals, refused rather than rounded.
 */
public final class LotRequests {
    private LotRequests() {
    }

    /** A lot as ERP/MES announce it; (sourceSystem, externalId) identifies it for idempotent retries. */
    @Schema(name = "NewLot")
    public record NewLot(
            @NotBlank @Size(max = 100) @Schema(example = "SAP-PROD") String sourceSystem,
            @NotBlank @Size(max = 200) @Schema(example = "4711-0001") String externalId,
            @NotBlank @Size(max = 200) @Schema(example = "BRACKET-A7") String product,
            @NotNull @DecimalMin("0") @Digits(integer = 13, fraction = 6) @Schema(example = "500") BigDecimal quantity,
            @NotBlank @Size(max = 20) @Schema(example = "pcs") String unit,
            @Size(max = 100) @Schema(example = "L1") String line,
            @Size(max = 100) @Schema(example = "PRESS-3") String station,
            @Size(max = 200) @Schema(example = "ACME Metals") String supplier,
            @Size(max = 200) @Schema(example = "ACME-22-118") String supplierLot,
            @Schema(example = "2026-11-28T06:00:00Z") Instant productionStart,
            @Schema(example = "2026-11-28T14:00:00Z") Instant productionEnd,
            @Schema(example = "{\"order\": \"PO-88812\", \"shift\": \"A\"}") Map<String, Object> attributes) {

        LotContent content() {
            return new LotContent(product, quantity, unit, line, station, supplier, supplierLot, productionStart,
                    productionEnd, attributes);
        }
    }

    /**
     * The changeable content of a lot. On PUT every field replaces the stored one; on PATCH only the fields given
     * (non-null) do.
     */
    @Schema(name = "LotContent")
    public record LotContent(
            @Size(max = 200) @Schema(example = "BRACKET-A7") String product,
            @DecimalMin("0") @Digits(integer = 13, fraction = 6) @Schema(example = "480") BigDecimal quantity,
            @Size(max = 20) @Schema(example = "pcs") String unit,
            @Size(max = 100) @Schema(example = "L1") String line,
            @Size(max = 100) @Schema(example = "PRESS-3") String station,
            @Size(max = 200) String supplier,
            @Size(max = 200) String supplierLot,
            Instant productionStart,
            Instant productionEnd,
            Map<String, Object> attributes) {
    }

    /** A move that needs no signature: into processing or to inspection. */
    @Schema(name = "StatusMove")
    public record Move(@NotNull @Schema(example = "AWAITING_INSPECTION") io.poka.lots.LotStatus to,
            @Size(max = 2000) @Schema(example = "production finished") String reason) {
    }

    /** A hold, quarantine or the lifting of one: the reason is required. */
    @Schema(name = "HoldRequest")
    public record HoldRequest(@NotBlank @Size(max = 2000) @Schema(example = "burr found on first articles") String reason) {
    }

    /** The re-entered password and the meaning of an electronic signature. */
    @Schema(name = "SignatureInput")
    public record SignatureInput(
            @NotBlank @Schema(example = "the signer's own password") String password,
            @NotNull @Schema(example = "APPROVAL") Signature.Meaning meaning) {
    }

    /** A release or rejection, signed. */
    @Schema(name = "SignedDecision")
    public record SignedDecision(@NotBlank @Size(max = 2000) @Schema(example = "inspection accepted, documents complete") String reason,
            @NotNull @Valid SignatureInput signature) {
    }

    /** A disposition of a nonconforming lot, signed. */
    @Schema(name = "DispositionRequest")
    public record DispositionRequest(@NotNull @Schema(example = "REWORK") LotStatusMachine.Decision decision,
            @NotBlank @Size(max = 2000) @Schema(example = "deburr all units, re-inspect") String reason,
            @NotNull @Valid SignatureInput signature) {
    }

    /** A genealogy link from this lot (the parent) to a child lot. */
    @Schema(name = "GenealogyLinkRequest")
    public record LinkRequest(@NotNull UUID childId,
            @NotNull @Schema(example = "CONSUMED_INTO") GenealogyLink.Type type) {
    }
}
