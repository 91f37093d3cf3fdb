package io.poka.inspections.internal.sampling;

/**
 * 100 % inspection of a lot: every unit is inspected and the lot is accepted with at most
 * {@code acceptanceNumber} findings (0 for a zero-defect requirement).
 */
public record FullInspectionPlan(int lotSize, int acceptanceNumber) implements SamplingPlan {

    public FullInspectionPlan {
        if (lotSize < 1) {
            throw new IllegalArgumentException("lot size must be >= 1: " + lotSize);
        }
        if (acceptanceNumber < 0) {
            throw new IllegalArgumentException("acceptance number must be >= 0: " + acceptanceNumber);
        }
    }

    @Override
    public int sampleSize() {
        return lotSize;
    }

    @Override
    public int rejectionNumber() {
        return acceptanceNumber + 1;
    }
}
