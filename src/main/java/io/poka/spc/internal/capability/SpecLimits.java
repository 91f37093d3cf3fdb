package io.poka.spc.internal.capability;

/**
 * Specification limits of a characteristic; either side may be absent (null) for one-sided specifications.
 * {@code target} is optional; without it Cpm is computed against the midpoint of two-sided limits.
 */
public record SpecLimits(Double lower, Double upper, Double target) {

    public SpecLimits {
        if (lower == null && upper == null) {
            throw new IllegalArgumentException("at least one specification limit is required");
        }
        if (lower != null && upper != null && !(lower < upper)) {
            throw new IllegalArgumentException("LSL must be below USL");
        }
    }

    public static SpecLimits twoSided(double lower, double upper) {
        return new SpecLimits(lower, upper, null);
    }

    public static SpecLimits upperOnly(double upper) {
        return new SpecLimits(null, upper, null);
    }

    public static SpecLimits lowerOnly(double lower) {
        return new SpecLimits(lower, null, null);
    }

    public SpecLimits withTarget(double t) {
        return new SpecLimits(lower, upper, t);
    }

    public boolean isTwoSided() {
        return lower != null && upper != null;
    }
}
