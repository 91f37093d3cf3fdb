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

    /** A photo larger than poka.inspections.max-photo-bytes. */
    public static class PhotoTooLarge extends ProblemException {
        public PhotoTooLarge(long size, int max) {
            super(413, "inspections/photo-too-large", "Photo too large",
                    "The photo has " + size + " bytes; at most " + max + " bytes are stored with an inspection");
            with("maxBytes", max);
        }
    }

    /** Bytes that are not a JPEG, PNG or WebP image, whatever the Content-Type said. */
    public static class PhotoTypeUnsupported extends ProblemException {
        public PhotoTypeUnsupported(String declared) {
            super(415, "inspections/photo-type-unsupported", "Not a supported photo",
                    "The body (sent as " + declared + ") is not a JPEG, PNG or WebP image");
            with("supported", java.util.List.of("image/jpeg", "image/png", "image/webp"));
        }
    }

    /** An inspection already holds poka.inspections.max-photos-per-inspection photos. */
    public static class TooManyPhotos extends ProblemException {
        public TooManyPhotos(int max) {
            super(409, "inspections/too-many-photos", "Too many photos",
                    "This inspection already holds " + max + " photos, the most one inspection may hold");
            with("maxPhotos", max);
        }
    }
}
