package io.poka.inspections;

import java.time.Instant;
import java.util.UUID;

/** An inspection accepted a lot; the lot is ready for release. */
public record InspectionPassed(UUID inspectionId, UUID lotId, String product, String supplier, UUID planId,
        int planVersion, String inspector, Instant inspectedAt) {
}
