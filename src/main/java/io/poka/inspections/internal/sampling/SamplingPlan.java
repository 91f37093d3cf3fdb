package io.poka.inspections.internal.sampling;

/**
 * A single sampling plan for attributes: inspect {@code sampleSize} units and accept the lot when the
 * count of nonconforming units (or nonconformities) is below {@code rejectionNumber}; that is at most
 * {@code acceptanceNumber} except on the reduced plans of ANSI/ASQ Z1.4, where a count between the two is
 * accepted but returns inspection to normal. The three kinds
 * let callers mix table plans with contractually fixed plans and 100 % inspection behind one type.
 */
public sealed interface SamplingPlan permits TablePlan, FixedSamplePlan, FullInspectionPlan {

    int sampleSize();

    int acceptanceNumber();

    int rejectionNumber();

    /** True when a sample with {@code nonconforming} findings leads to acceptance of the lot. */
    default boolean accepts(int nonconforming) {
        if (nonconforming < 0) {
            throw new IllegalArgumentException("nonconforming count must be >= 0: " + nonconforming);
        }
        return nonconforming < rejectionNumber();
    }

    /** True when {@code nonconforming} lies strictly between Ac and Re (a reduced plan with a gap). */
    default boolean betweenAcceptanceAndRejection(int nonconforming) {
        return nonconforming > acceptanceNumber() && nonconforming < rejectionNumber();
    }
}
