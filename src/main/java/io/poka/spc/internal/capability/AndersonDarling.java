package io.poka.spc.internal.capability;

import io.poka.spc.internal.math.Normal;

import java.util.Arrays;

/** Computes the {@link NormalityTest} beside every capability report. */
public final class AndersonDarling {

    private AndersonDarling() {
    }

    public static NormalityTest test(double[] data) {
        int n = data.length;
        if (n < 8) {
            throw new IllegalArgumentException("Anderson-Darling needs at least 8 values, got " + n);
        }
        double[] x = data.clone();
        Arrays.sort(x);
        double mean = Statistics.mean(x);
        double sd = Statistics.standardDeviation(x);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double lowTail = Normal.cdf((x[i] - mean) / sd);
            double highTail = 1 - Normal.cdf((x[n - 1 - i] - mean) / sd);
            sum += (2.0 * i + 1) * (Math.log(lowTail) + Math.log(highTail));
        }
        double a2 = -n - sum / n;
        double a2Star = a2 * (1 + 0.75 / n + 2.25 / ((double) n * n));
        return new NormalityTest(n, a2, a2Star, pValue(a2Star));
    }

    /** D'Agostino and Stephens (1986), Table 4.9, case 3 (both parameters estimated). */
    static double pValue(double a) {
        double p;
        if (a >= 0.6) {
            p = Math.exp(1.2937 - 5.709 * a + 0.0186 * a * a);
        } else if (a >= 0.34) {
            p = Math.exp(0.9177 - 4.279 * a - 1.38 * a * a);
        } else if (a >= 0.2) {
            p = 1 - Math.exp(-8.318 + 42.796 * a - 59.938 * a * a);
        } else {
            p = 1 - Math.exp(-13.436 + 101.14 * a - 223.73 * a * a);
        }
        return Math.max(0, Math.min(1, p));
    }
}
