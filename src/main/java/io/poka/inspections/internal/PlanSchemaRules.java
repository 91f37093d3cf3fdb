package io.poka.inspections.internal;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * The fields of a new plan that its kind makes required or forbidden (PlanService.validate), as JSON Schema
 * if/then/else in the OpenAPI document, so a client validating against the schema meets the server's rules.
 */
final class PlanSchemaRules {
    private PlanSchemaRules() {
    }

    @Schema(name = "InspectionPlanKindIsIso", type = SchemaType.OBJECT, requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", constValue = "ISO_2859_1"))
    static final class IsIso {
    }

    @Schema(name = "InspectionPlanIsoNeeds", type = SchemaType.OBJECT, requiredProperties = "inspectionLevel",
            description = "An ISO_2859_1 plan needs inspectionLevel and an aql for every class",
            properties = @SchemaProperty(name = "classes", type = SchemaType.ARRAY, implementation = AqlRequired.class))
    static final class IsoNeeds {
    }

    @Schema(name = "InspectionPlanClassAqlRequired", type = SchemaType.OBJECT, requiredProperties = "aql")
    static final class AqlRequired {
    }

    @Schema(name = "InspectionPlanOtherKinds", type = SchemaType.OBJECT,
            description = "FIXED and FULL plans follow no sampling standard (omit it); a FIXED plan needs fixedSampleSize",
            ifSchema = IsFixed.class, thenSchema = FixedNeeds.class)
    static final class OtherKinds {
    }

    @Schema(name = "InspectionPlanKindIsFixed", type = SchemaType.OBJECT, requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", constValue = "FIXED"))
    static final class IsFixed {
    }

    @Schema(name = "InspectionPlanFixedNeeds", type = SchemaType.OBJECT, requiredProperties = "fixedSampleSize",
            properties = @SchemaProperty(name = "fixedSampleSize", type = SchemaType.INTEGER, format = "int32", minimum = "1"))
    static final class FixedNeeds {
    }
}
