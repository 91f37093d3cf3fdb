package io.poka.spc.internal.chart;

import java.util.Arrays;

/** Measurements taken together under the same conditions: the unit of X-bar, R and S charts. */
public record Subgroup(double[] values) {

    public Subgroup {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a subgroup needs at least one value");
        }
        values = values.clone();
    }

    public static Subgroup of(double... values) {
        return new Subgroup(values);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double mean() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    public double range() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }

    /** Sample standard deviation (n - 1 denominator). */
    public double standardDeviation() {
        if (values.length < 2) {
            return Double.NaN;
        }
        double m = mean();
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (values.length - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Subgroup s && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Subgroup" + Arrays.toString(values);
    }
}
