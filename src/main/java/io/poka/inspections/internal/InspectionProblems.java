package io.poka.inspections.internal;

import io.poka.platform.ProblemException;

/** Problems of the inspections API with stable types. */
public final class InspectionProblems {
    private InspectionProblems() {
    }

    /** Acceptance inspection is discontinued for this product/supplier/class (ISO 2859-1:1999 9.4). */
    public static class Discontinued extends ProblemException {
        public Discontinued(String product, String supplier, DefectClass dc) {
            super(409, "inspections/discontinued", "Acceptance inspection discontinued",
                    "Acceptance inspection of " + product + (supplier.isEmpty() ? "" : " from " + supplier) + " is"
                            + " discontinued for class " + dc + " (ISO 2859-1:1999 9.4); resume it after corrective action");
            with("product", product);
            with("supplier", supplier);
            with("defectClass", dc.name());
        }
    }

    /** The plan is no longer the active version. */
    public static class PlanSuperseded extends ProblemException {
        public PlanSuperseded(java.util.UUID planId, java.util.UUID activeId) {
            super(409, "inspections/plan-superseded", "Plan superseded",
                    "Plan " + planId + " was superseded" + (activeId == null ? "" : " by " + activeId));
            if (activeId != null) {
                with("activePlanId", activeId.toString());
            }
        }
    }
}
