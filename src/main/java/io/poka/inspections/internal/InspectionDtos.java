package io.poka.inspections.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of recorded inspections. */
public final class InspectionDtos {
    private InspectionDtos() {
    }

    /** The results of inspecting a lot against a plan. */
    @Schema(name = "NewInspection", description = "Which results are required depends on the plan: variables holds"
            + " one entry per VARIABLE characteristic with exactly the sample size of its defect class in values;"
            + " attributes one entry per defect class that has ATTRIBUTE characteristics (400 'results' otherwise).")
    public record NewInspection(
            @NotNull UUID lotId,
            @NotNull UUID planId,
            @Min(1) @Schema(description = "units in the lot; defaults to the lot quantity when that is a whole number", example = "500") Integer lotSize,
            @Schema(description = "production is at a steady rate (ISO 2859-1:1999 9.3.3 b); default true") Boolean productionSteady,
            @Schema(description = "other conditions warrant normal inspection (9.3.4 c); default false") Boolean normalWarranted,
            List<@Valid VariableResult> variables,
            List<@Valid AttributeResult> attributes,
            @Size(max = 4000) String remarks) {
    }

    /** Measured values of one variable characteristic, one per sample unit, in sample order. */
    @Schema(name = "VariableResult")
    public record VariableResult(@NotBlank @Size(max = 200) @Schema(example = "hole diameter") String characteristic,
            @NotNull @Schema(example = "[8.01, 7.99, 8.02]") List<Double> values) {
    }

    /** Nonconforming units found by attribute inspection in one defect class, and the defects found by code. */
    @Schema(name = "AttributeResult")
    public record AttributeResult(@NotNull @Schema(example = "MINOR") DefectClass defectClass,
            @NotNull @Min(0) @Schema(example = "1") Integer nonconforming,
            @Size(max = 50) @Schema(description = "defects found in this class by defect code (the NCR catalogue's codes);"
                    + " a unit may show more than one defect, so the counts need not add up to nonconforming")
            List<@Valid DefectCount> defects) {

        /** Without defect codes (the shape before defect codes existed). */
        public AttributeResult(DefectClass defectClass, Integer nonconforming) {
            this(defectClass, nonconforming, null);
        }
    }

    /** How many defects of one code were found. */
    @Schema(name = "DefectCount")
    public record DefectCount(@NotBlank @Size(max = 64) @Schema(example = "SCR-01") String code,
            @NotNull @Min(1) @Schema(example = "1") Integer count) {
    }

    /** A recorded inspection with its verdict. */
    @Schema(name = "Inspection")
    public record InspectionView(UUID id, UUID lotId, UUID planId, int planVersion, int lotSize, boolean original,
            boolean accepted, String inspector, Instant inspectedAt, List<ClassVerdictView> classes, String lotStatus,
            String remarks,
            @Schema(description = "the attribute results as recorded, with their defect codes") List<AttributeResult> attributes) {
    }

    /** The verdict of one defect class. */
    @Schema(name = "ClassVerdict")
    public record ClassVerdictView(DefectClass defectClass, String planKind, String severity, String codeLetter,
            int sampleSize, int acceptanceNumber, int rejectionNumber, int nonconforming, int attributeNonconforming,
            boolean accepted,
            @Schema(description = "accepted with Ac < nonconforming < Re on a reduced ANSI/ASQ Z1.4 plan: normal"
                    + " inspection from the next lot (Z1.4-2003 8.3.4)") boolean acceptedBetweenAcAndRe,
            List<CharacteristicView> characteristics) {
    }

    /** Units out of spec of one variable characteristic (0-based sample positions). */
    @Schema(name = "CharacteristicFinding")
    public record CharacteristicView(String name, Double lsl, Double usl, String unit, List<Integer> unitsOutOfSpec) {
    }

    /** What is stored as the measurements document. */
    record StoredResults(List<VariableResult> variables, List<AttributeResult> attributes, String remarks,
            boolean productionSteady, boolean normalWarranted) {
    }
}
