package io.poka.ncr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A nonconformance report as the API and other modules (CAPA, reports, the tablet page) see it; {@code version} is
 * also the ETag for optimistic concurrency.
 *
 * @param number human number, NCR-yyyy-nnnn, counted per year of opening
 * @param sourceReference the record the report came from: inspection, incident or anomaly id, or the ERP's complaint /
 *        supplier issue number; null for a manual report
 * @param defectCode code from the defect catalogue (see {@link DefectCodeView})
 * @param risk severity x occurrence x detection, null until rated
 * @param cost cost of poor quality booked on the report (scrap, rework, sorting, returns), in {@code currency}
 * @param owner user name of the person responsible (a known user)
 * @param rootCauseCategory set by the investigation, null before
 */
@Schema(name = "Ncr")
public record NcrView(
        UUID id,
        @Schema(example = "NCR-2026-0001") String number,
        NcrStatus status,
        NcrSource source,
        @Schema(example = "3f0c7a51-7a8e-4c1e-9d2a-0b1f3c5d7e9a") String sourceReference,
        @Schema(example = "Burr on bracket edge") String title,
        @Schema(example = "Burr above 0.2 mm on the outer edge, found at final inspection") String description,
        @Schema(example = "L1") String line,
        @Schema(example = "BRACKET-A7") String product,
        @Schema(example = "DIM-BURR") String defectCode,
        NcrSeverity severity,
        NcrRisk risk,
        NcrQuantities quantities,
        @Schema(example = "1250.00") BigDecimal cost,
        @Schema(example = "EUR") String currency,
        @Schema(example = "qa.lead") String owner,
        LocalDate dueDate,
        Instant openedAt,
        @Schema(example = "inspector.kim") String openedBy,
        Instant closedAt,
        RootCauseCategory rootCauseCategory,
        long version) {
}
