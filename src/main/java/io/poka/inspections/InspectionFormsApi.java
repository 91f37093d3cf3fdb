package io.poka.inspections;

import java.util.List;
import java.util.UUID;

/**
 * What an inspection entry form needs (the inspector's tablet page): the active plans a lot can be inspected by, and
 * for one plan and lot the sample size per defect class at the CURRENT ISO 2859-1 severity and the characteristics
 * with their spec limits. Kept apart from {@link InspectionsApi}, whose readers need none of it.
 */
public interface InspectionFormsApi {

    /** An active plan version that applies to a lot (same product; the lot's supplier or any supplier). */
    record PlanChoice(UUID planId, String name, int version, String kind, String supplier, String operation) {
    }

    /** The sampling of one defect class for this lot now: severity (ISO plans), code letter, AQL, n, Ac, Re. */
    record FormClass(String defectClass, String severity, boolean discontinued, String codeLetter, String aql,
            int sampleSize, int acceptanceNumber, int rejectionNumber, boolean fullInspection) {
    }

    /** A characteristic to measure (VARIABLE, with limits; one-sided when one is null) or judge (ATTRIBUTE). */
    record FormCharacteristic(String name, String kind, String defectClass, Double nominal, Double lsl, Double usl,
            String unit) {
    }

    /** Everything the form shows for a plan and a lot; {@code planActive} false means POST would be refused (409). */
    record InspectionForm(UUID planId, String planName, int planVersion, String planKind, String edition,
            String inspectionLevel, boolean planActive, UUID lotId, int lotSize, List<FormClass> classes,
            List<FormCharacteristic> characteristics) {
    }

    /** The active plans for a lot of this product and supplier (null: in-house), plans of the supplier first. */
    List<PlanChoice> activePlansFor(String product, String supplier);

    /**
     * The form for inspecting the lot with the plan.
     *
     * @throws io.poka.platform.NotFoundProblem when the plan or the lot does not exist
     * @throws io.poka.platform.ValidationProblem when the lot's quantity is not a usable lot size
     */
    InspectionForm form(UUID planId, UUID lotId);
}
