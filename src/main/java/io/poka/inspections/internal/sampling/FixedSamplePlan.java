package io.poka.inspections.internal.sampling;

/**
 * A plan with a sample size and Ac/Re agreed outside the ISO 2859-1 tables (e.g. by contract), kept as a
 * plan kind so that verdicts are computed the same way as for table plans.
 */
public record FixedSamplePlan(int sampleSize, int acceptanceNumber, int rejectionNumber) implements SamplingPlan {

    public FixedSamplePlan {
        if (sampleSize < 1) {
            throw new IllegalArgumentException("sample size must be >= 1: " + sampleSize);
        }
        if (acceptanceNumber < 0 || rejectionNumber <= acceptanceNumber) {
            throw new IllegalArgumentException("need 0 <= Ac < Re, got Ac=" + acceptanceNumber + " Re=" + rejectionNumber);
        }
    }

    /** A fixed plan with the usual single-sampling rejection number Re = Ac + 1. */
    public static FixedSamplePlan of(int sampleSize, int acceptanceNumber) {
        return new FixedSamplePlan(sampleSize, acceptanceNumber, acceptanceNumber + 1);
    }
}
