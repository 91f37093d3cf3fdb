package io.poka.lots;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A lot as the API and other modules see it; {@code version} is also sent as the ETag for optimistic concurrency.
 */
@Schema(name = "Lot")
public record LotView(
        UUID id,
        @Schema(example = "SAP-PROD") String sourceSystem,
        @Schema(example = "4711-0001") String externalId,
        @Schema(example = "BRACKET-A7") String product,
        @Schema(example = "500") BigDecimal quantity,
        @Schema(example = "pcs") String unit,
        @Schema(example = "L1") String line,
        @Schema(example = "PRESS-3") String station,
        @Schema(example = "ACME Metals") String supplier,
        @Schema(example = "ACME-22-118") String supplierLot,
        Instant productionStart,
        Instant productionEnd,
        Map<String, Object> attributes,
        LotStatus status,
        Hold hold,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        long version) {

    /** The open hold or quarantine of a lot: why, who, when, and the status lifting it returns to. */
    public record Hold(String reason, String heldBy, Instant heldAt, LotStatus statusBeforeHold) {
    }
}
