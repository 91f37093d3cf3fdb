package io.poka.spc.internal.capability;

/**
 * Anderson-Darling test for normality with mean and variance estimated from the data (D'Agostino and Stephens,
 * Goodness-of-Fit Techniques, 1986, Table 4.9): A² is adjusted to A*² = A²(1 + 0.75/n + 2.25/n²) and the p-value
 * read from their piecewise exponential fit. Capability indices assume normality; a small p-value says not to trust
 * them.
 */
public record NormalityTest(int n, double aSquared, double aSquaredAdjusted, double pValue) {

    /** Conventional 5 % reading: true when normality is rejected. */
    public boolean rejectsNormality() {
        return pValue < 0.05;
    }
}
