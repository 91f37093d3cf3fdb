package io.poka.inspections.internal.verdict;

import io.poka.inspections.internal.DefectClass;

/**
 * A characteristic of an inspection plan as the verdict needs it. A variable has spec limits (one-sided when only
 * one limit is given); an attribute is judged by the inspector and reported as a count per defect class.
 */
public record CharacteristicSpec(String name, Kind kind, DefectClass defectClass, Double nominal, Double lsl,
        Double usl, String unit) {

    /** Measured (variable) or judged good/bad (attribute). */
    public enum Kind { VARIABLE, ATTRIBUTE }

    public CharacteristicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a characteristic needs a name");
        }
        if (kind == null || defectClass == null) {
            throw new IllegalArgumentException(name + ": kind and defectClass are required");
        }
        if (kind == Kind.VARIABLE) {
            if (lsl == null && usl == null) {
                throw new IllegalArgumentException(name + ": a variable needs LSL, USL or both");
            }
            if (lsl != null && usl != null && lsl >= usl) {
                throw new IllegalArgumentException(name + ": LSL must be below USL");
            }
            if (nominal != null && ((lsl != null && nominal < lsl) || (usl != null && nominal > usl))) {
                throw new IllegalArgumentException(name + ": nominal must lie within the spec limits");
            }
        }
    }

    /** True when a measured value lies within the spec limits (limits themselves are in spec). */
    public boolean conforms(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        return (lsl == null || value >= lsl) && (usl == null || value <= usl);
    }

    /** One- or two-sided specification. */
    public boolean twoSided() {
        return lsl != null && usl != null;
    }
}
