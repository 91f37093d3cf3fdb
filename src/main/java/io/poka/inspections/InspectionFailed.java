package io.poka.inspections;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An inspection did not accept a lot; carries what a nonconformance report needs: the lot, the plan, every defect
 * class with its plan (severity, sample size, Ac/Re) and count, the characteristics found out of spec, who and when.
 */
public record InspectionFailed(UUID inspectionId, UUID lotId, String lotExternalId, String product, String supplier,
        UUID planId, String planName, int planVersion, int lotSize, boolean originalInspection,
        List<ClassResult> classes, String inspector, Instant inspectedAt) {

    /** One defect class: its plan and what was found. */
    public record ClassResult(String defectClass, String planKind, String severity, String codeLetter, int sampleSize,
            int acceptanceNumber, int rejectionNumber, int nonconforming, boolean accepted,
            List<CharacteristicResult> characteristics) {
    }

    /** A variable characteristic with the sample units (0-based) measured out of spec. */
    public record CharacteristicResult(String name, Double lsl, Double usl, String unit, List<Integer> unitsOutOfSpec) {
    }
}
