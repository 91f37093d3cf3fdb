package io.poka.spc.internal.chart;

/**
 * A count from one inspection: nonconforming units (p, np) or nonconformities (c, u) found in {@code size}
 * units inspected (or inspection units of area or length for c and u).
 */
public record AttributeSample(double count, double size) {

    public AttributeSample {
        if (count < 0 || !(size > 0)) {
            throw new IllegalArgumentException("count must be >= 0 and size > 0");
        }
    }
}
