package io.poka.spc.internal.capability;

import io.poka.spc.internal.math.ChiSquare;
import io.poka.spc.internal.math.Normal;

/**
 * Computes a {@link CapabilityReport}. Definitions: Montgomery, Introduction to Statistical Quality Control,
 * chapter 8, and NIST/SEMATECH e-Handbook 6.1.6. Cpm (Taguchi) = Cp / sqrt(1 + ((mean - T)/σ)²) (Chan, Cheng and
 * Spiring 1988). Intervals: Cp by the chi-square interval Cp·sqrt(χ²_(α/2, n-1)/(n-1)) .. Cp·sqrt(χ²_(1-α/2, n-1)/(n-1))
 * (Montgomery eq. 8.19; Chou, Owen and Borrego 1990); Cpk by Bissell's normal approximation
 * Cpk ± z_(1-α/2)·sqrt(1/(9n) + Cpk²/(2(n-1))) (A. F. Bissell, Applied Statistics 39, 1990, 331-340).
 */
public final class CapabilityAnalysis {

    private CapabilityAnalysis() {
    }

    /**
     * @param data       all individual measurements of the study (n is their count)
     * @param confidence e.g. 0.95 for the intervals
     */
    public static CapabilityReport analyze(double[] data, SpecLimits spec, WithinSigma within, double confidence) {
        int n = data.length;
        if (n < 2) {
            throw new IllegalArgumentException("capability needs at least two measurements");
        }
        double mean = Statistics.mean(data);
        double overall = Statistics.standardDeviation(data);
        double sigma = within.value();

        double cpu = spec.upper() == null ? Double.NaN : (spec.upper() - mean) / (3 * sigma);
        double cpl = spec.lower() == null ? Double.NaN : (mean - spec.lower()) / (3 * sigma);
        double cp = spec.isTwoSided() ? (spec.upper() - spec.lower()) / (6 * sigma) : Double.NaN;
        double cpk = minDefined(cpu, cpl);

        double ppu = spec.upper() == null ? Double.NaN : (spec.upper() - mean) / (3 * overall);
        double ppl = spec.lower() == null ? Double.NaN : (mean - spec.lower()) / (3 * overall);
        double pp = spec.isTwoSided() ? (spec.upper() - spec.lower()) / (6 * overall) : Double.NaN;
        double ppk = minDefined(ppu, ppl);

        double cpm = Double.NaN;
        if (spec.isTwoSided()) {
            double target = spec.target() != null ? spec.target() : (spec.lower() + spec.upper()) / 2;
            double offset = (mean - target) / sigma;
            cpm = cp / Math.sqrt(1 + offset * offset);
        }

        double alpha = 1 - confidence;
        Interval cpInterval = Double.isNaN(cp) ? null : new Interval(
                cp * Math.sqrt(ChiSquare.quantile(alpha / 2, n - 1) / (n - 1)),
                cp * Math.sqrt(ChiSquare.quantile(1 - alpha / 2, n - 1) / (n - 1)), confidence);
        double z = Normal.quantile(1 - alpha / 2);
        double halfWidth = z * Math.sqrt(1.0 / (9 * n) + cpk * cpk / (2.0 * (n - 1)));
        Interval cpkInterval = new Interval(cpk - halfWidth, cpk + halfWidth, confidence);

        NormalityTest normality = n >= 8 ? AndersonDarling.test(data) : null;
        return new CapabilityReport(n, mean, within, overall, spec, cp, cpl, cpu, cpk, pp, ppl, ppu, ppk, cpm,
                cpInterval, cpkInterval, normality);
    }

    private static double minDefined(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return Math.min(a, b);
    }
}
