package io.poka.spc.internal.capability;

import io.poka.spc.internal.QccDataSets;
import io.poka.spc.internal.math.Normal;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reproduces qcc's process.capability output for pistonrings[1:25,] (125 values, sigma within R-bar/d2 =
 * 0.009785039) as printed in the qcc vignette "A quick tour of qcc"; qcc's intervals are the chi-square
 * interval for Cp and Bissell's for Cpk, as here.
 */
class CapabilityAnalysisTest {

    static final WithinSigma R_BAR_OVER_D2 = new WithinSigma(0.009785039, WithinSigma.Method.RBAR_OVER_D2);

    static double[] phaseOneDiameters() {
        return Arrays.stream(QccDataSets.PISTONRINGS, 0, 25).flatMapToDouble(Arrays::stream).toArray();
    }

    @Test
    void pistonringsWithSpec73_95To74_05MatchesQcc() {
        // qcc: Cp 1.7033 [1.4914, 1.9148]; Cp_l 1.7433; Cp_u 1.6632; Cp_k 1.6632 [1.4481, 1.8783]; Cpm 1.691
        CapabilityReport r = CapabilityAnalysis.analyze(phaseOneDiameters(), SpecLimits.twoSided(73.95, 74.05),
                R_BAR_OVER_D2, 0.95);
        assertEquals(125, r.n());
        assertEquals(1.7033, r.cp(), 0.00005);
        assertEquals(1.4914, r.cpInterval().lower(), 0.00005);
        assertEquals(1.9148, r.cpInterval().upper(), 0.00005);
        assertEquals(1.7433, r.cpl(), 0.00005);
        assertEquals(1.6632, r.cpu(), 0.00005);
        assertEquals(1.6632, r.cpk(), 0.00005);
        assertEquals(1.4481, r.cpkInterval().lower(), 0.00005);
        assertEquals(1.8783, r.cpkInterval().upper(), 0.00005);
        assertEquals(1.691, r.cpm(), 0.0005);
        assertEquals(WithinSigma.Method.RBAR_OVER_D2, r.withinSigma().method());
    }

    @Test
    void cpmFallsWhenTheTargetIsOffCenterAsInQcc() {
        // qcc: process.capability(q1, spec.limits=c(73.95,74.05), target=74.02) gives Cpm 0.7856
        CapabilityReport r = CapabilityAnalysis.analyze(phaseOneDiameters(),
                SpecLimits.twoSided(73.95, 74.05).withTarget(74.02), R_BAR_OVER_D2, 0.95);
        assertEquals(0.7856, r.cpm(), 0.00005);
    }

    @Test
    void pistonringsWithTightSpecMatchesQcc() {
        // qcc, spec.limits=c(73.99,74.01): Cp 0.3407 [0.2983, 0.3830]; Cp_l 0.3807; Cp_u 0.3006;
        // Cp_k 0.3006 [0.2312, 0.3700]
        CapabilityReport r = CapabilityAnalysis.analyze(phaseOneDiameters(), SpecLimits.twoSided(73.99, 74.01),
                R_BAR_OVER_D2, 0.95);
        assertEquals(0.3407, r.cp(), 0.00005);
        assertEquals(0.2983, r.cpInterval().lower(), 0.00005);
        assertEquals(0.3830, r.cpInterval().upper(), 0.00005);
        assertEquals(0.3807, r.cpl(), 0.00005);
        assertEquals(0.3006, r.cpk(), 0.00005);
        assertEquals(0.2312, r.cpkInterval().lower(), 0.00005);
        assertEquals(0.3700, r.cpkInterval().upper(), 0.00005);
    }

    @Test
    void pistonringsWithAsymmetricSpecMatchesQcc() {
        // qcc, spec.limits=c(73.99,74.1): Cp 1.8736 [1.6406, 2.1063]; Cp_u 3.3665; Cp_k 0.3807 [0.3055, 0.4559];
        // Cpm 0.4083 (target defaults to the midpoint)
        CapabilityReport r = CapabilityAnalysis.analyze(phaseOneDiameters(), SpecLimits.twoSided(73.99, 74.1),
                R_BAR_OVER_D2, 0.95);
        assertEquals(1.8736, r.cp(), 0.00005);
        assertEquals(1.6406, r.cpInterval().lower(), 0.00005);
        assertEquals(2.1063, r.cpInterval().upper(), 0.00005);
        assertEquals(3.3665, r.cpu(), 0.00005);
        assertEquals(0.3807, r.cpk(), 0.00005);
        assertEquals(0.3055, r.cpkInterval().lower(), 0.00005);
        assertEquals(0.4559, r.cpkInterval().upper(), 0.00005);
        assertEquals(0.4083, r.cpm(), 0.00005);
    }

    @Test
    void anUpperOnlySpecHasNoCpOrCpmAndCpkIsCpu() {
        CapabilityReport r = CapabilityAnalysis.analyze(phaseOneDiameters(), SpecLimits.upperOnly(74.05),
                R_BAR_OVER_D2, 0.95);
        assertTrue(Double.isNaN(r.cp()));
        assertTrue(Double.isNaN(r.cpl()));
        assertTrue(Double.isNaN(r.cpm()));
        assertNull(r.cpInterval());
        assertEquals(1.6632, r.cpk(), 0.00005);
        assertEquals(r.cpu(), r.cpk(), 0);
        assertEquals(r.ppu(), r.ppk(), 0);
    }

    @Test
    void performanceIndicesUseTheOverallSampleStandardDeviation() {
        double[] x = phaseOneDiameters();
        double mean = Arrays.stream(x).average().orElseThrow();
        double ss = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
        double s = Math.sqrt(ss / (x.length - 1));
        CapabilityReport r = CapabilityAnalysis.analyze(x, SpecLimits.twoSided(73.95, 74.05), R_BAR_OVER_D2, 0.95);
        assertEquals(s, r.overallSigma(), 1e-15);
        assertEquals(0.1 / (6 * s), r.pp(), 1e-12);
        assertEquals(Math.min(74.05 - mean, mean - 73.95) / (3 * s), r.ppk(), 1e-12);
    }

    @Test
    void andersonDarlingDoesNotRejectNormalScoresButRejectsExponentialData() {
        int n = 60;
        double[] normal = new double[n];
        double[] exponential = new double[n];
        for (int i = 0; i < n; i++) {
            double p = (i + 1 - 0.375) / (n + 0.25);
            normal[i] = Normal.quantile(p);
            exponential[i] = -Math.log(1 - p);
        }
        NormalityTest ok = AndersonDarling.test(normal);
        NormalityTest skewed = AndersonDarling.test(exponential);
        assertFalse(ok.rejectsNormality());
        assertTrue(ok.pValue() > 0.5, "p = " + ok.pValue());
        assertTrue(skewed.rejectsNormality());
        assertTrue(skewed.pValue() < 0.01, "p = " + skewed.pValue());
    }

    @Test
    void andersonDarlingPValueFollowsDagostinoStephensAtItsBreakpoints() {
        // D'Agostino & Stephens (1986) Table 4.9: A*² = 0.752 is the 5 % point, 1.035 the 1 % point
        assertEquals(0.05, AndersonDarling.pValue(0.752), 0.002);
        assertEquals(0.01, AndersonDarling.pValue(1.035), 0.001);
    }

    @Test
    void andersonDarlingPValuesMatchThePairsPrintedByNortest() {
        // R package nortest, ad.test help examples (n = 100 each), rendered outputs:
        // A = 0.84479 → p = 0.02864; A = 1.8342 → p = 0.0001015; A = 0.182 → p = 0.9104; A = 1.3941 → p = 0.001244
        // Tolerances allow for A being printed to 5 significant digits (dp/dA ≈ -5.7 p in the upper branch).
        double adjust = 1 + 0.75 / 100 + 2.25 / (100.0 * 100);
        assertEquals(0.02864, AndersonDarling.pValue(0.84479 * adjust), 0.000005);
        assertEquals(0.0001015, AndersonDarling.pValue(1.8342 * adjust), 0.0000005);
        assertEquals(0.9104, AndersonDarling.pValue(0.182 * adjust), 0.00005);
        assertEquals(0.001244, AndersonDarling.pValue(1.3941 * adjust), 0.000001);
    }

    @Test
    void theCapabilityReportCarriesTheNormalityCheck() {
        CapabilityReport r = CapabilityAnalysis.analyze(phaseOneDiameters(), SpecLimits.twoSided(73.95, 74.05),
                R_BAR_OVER_D2, 0.95);
        assertEquals(125, r.normality().n());
        assertTrue(r.normality().pValue() >= 0 && r.normality().pValue() <= 1);
    }
}
