package io.poka.inspections;

import java.time.Instant;
import java.util.UUID;

/**
 * The severity of inspection for a product, supplier and defect class switched (ISO 2859-1:1999 clause 9), e.g.
 * NORMAL to TIGHTENED; {@code to} is DISCONTINUED when acceptance inspection must stop.
 */
public record InspectionSeverityChanged(UUID switchId, String product, String supplier, String defectClass,
        String from, String to, String reason, String clause, String description, UUID inspectionId, Instant at) {
}
