package io.poka.inspections.internal;

import io.poka.inspections.internal.sampling.SamplingStandard;
import io.poka.inspections.internal.verdict.CharacteristicSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of inspection plans and the sampling answer. */
public final class PlanDtos {
    private PlanDtos() {
    }

    /** A new plan version. */
    @Schema(name = "NewInspectionPlan", ifSchema = PlanSchemaRules.IsIso.class, thenSchema = PlanSchemaRules.IsoNeeds.class,
            elseSchema = PlanSchemaRules.OtherKinds.class)
    public record NewPlan(
            @NotBlank @Size(max = 200) @Schema(example = "BRACKET-A7") String product,
            @Size(max = 200) @Schema(description = "only lots of this supplier; omit for any supplier", example = "ACME Metals") String supplier,
            @Size(max = 200) @Schema(description = "operation the plan applies to; omit for any", example = "incoming") String operation,
            @NotBlank @Size(max = 200) @Schema(example = "Incoming inspection BRACKET-A7") String name,
            @NotNull @Schema(description = "ISO_2859_1: sample size and Ac/Re from the tables of `standard`", example = "ISO_2859_1") PlanKind kind,
            @Schema(description = "tables and switching rules of an ISO_2859_1 plan (omit for FIXED and FULL):"
                    + " ISO_2859_1_1999 (default; reduced Table 2-C, Re = Ac + 1) or ANSI_ASQ_Z1_4_2003 (reduced"
                    + " Table II-C; Ac < d < Re on reduced accepts the lot and returns to normal)",
                    example = "ANSI_ASQ_Z1_4_2003") SamplingStandard standard,
            @Size(max = 20) @Schema(description = "ISO 2859-1 level: I, II, III, S-1, S-2, S-3, S-4 (ISO plans only)", example = "II") String inspectionLevel,
            @Schema(description = "sample size of a FIXED plan") Integer fixedSampleSize,
            @Schema(description = "the responsible authority allows reduced inspection (ISO 2859-1:1999 9.3.3 c)") boolean reducedInspectionApproved,
            @NotEmpty List<@Valid ClassLimitInput> classes,
            List<@Valid CharacteristicInput> characteristics) {
    }

    /** AQL (ISO plans) or acceptance number (FIXED and FULL plans) of a defect class. */
    @Schema(name = "ClassLimit")
    public record ClassLimitInput(@NotNull @Schema(example = "MAJOR") DefectClass defectClass,
            @Size(max = 20) @Schema(description = "a preferred AQL of ISO 2859-1, e.g. 0.65, 1.0, 2.5", example = "1.0") String aql,
            @Schema(description = "Ac of a FIXED or FULL plan") Integer acceptanceNumber) {
    }

    /** A characteristic: VARIABLE with limits, or ATTRIBUTE. */
    @Schema(name = "Characteristic")
    public record CharacteristicInput(@NotBlank @Size(max = 200) @Schema(example = "hole diameter") String name,
            @NotNull @Schema(example = "VARIABLE") CharacteristicSpec.Kind kind,
            @NotNull @Schema(example = "MAJOR") DefectClass defectClass,
            @Schema(example = "8.0") Double nominal, @Schema(example = "7.95") Double lsl,
            @Schema(example = "8.05") Double usl, @Size(max = 20) @Schema(example = "mm") String unit) {
    }

    /** A stored plan version. */
    @Schema(name = "InspectionPlan")
    public record PlanView(UUID id, String product, String supplier, String operation, int version, String name,
            PlanKind kind, @Schema(example = "ANSI_ASQ_Z1_4_2003") SamplingStandard standard, String inspectionLevel,
            Integer fixedSampleSize, boolean reducedInspectionApproved,
            boolean active, List<ClassLimitInput> classes, List<CharacteristicInput> characteristics, Instant createdAt,
            String createdBy) {
    }

    /** What to inspect for a lot of a given size under a plan, per defect class. */
    @Schema(name = "SamplingAnswer")
    public record SamplingAnswer(UUID planId, int planVersion, PlanKind kind, int lotSize, String supplier,
            @Schema(example = "ANSI_ASQ_Z1_4_2003") SamplingStandard standard,
            @Schema(description = "the standard as printed", example = "ANSI/ASQ Z1.4-2003") String edition,
            List<ClassSampling> classes) {
    }

    /** The plan of one defect class: code letters, n, Ac, Re and the current severity of inspection. */
    @Schema(name = "ClassSampling")
    public record ClassSampling(DefectClass defectClass, String aql, String inspectionLevel, String severity,
            boolean discontinued, String codeLetter, String planCodeLetter, int sampleSize, int acceptanceNumber,
            int rejectionNumber, boolean fullInspection) {
    }
}
