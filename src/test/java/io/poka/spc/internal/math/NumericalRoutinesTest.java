package io.poka.spc.internal.math;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reference values from standard tables (Abramowitz and Stegun, ch. 6 and 26; any chi-square table). */
class NumericalRoutinesTest {

    @Test
    void logGammaOfHalfIsLogRootPi() {
        assertEquals(0.5 * Math.log(Math.PI), SpecialFunctions.logGamma(0.5), 1e-14);
        assertEquals(Math.log(120), SpecialFunctions.logGamma(6), 1e-13);
    }

    @Test
    void normalCdfAndQuantileMatchTables() {
        assertEquals(0.9750021048517795, Normal.cdf(1.96), 1e-14);
        assertEquals(0.0013498980316301, Normal.cdf(-3), 1e-15);
        assertEquals(1.959963984540054, Normal.quantile(0.975), 1e-12);
        assertEquals(-2.326347874040841, Normal.quantile(0.01), 1e-12);
    }

    @Test
    void chiSquareQuantilesMatchTables() {
        assertEquals(3.84145882069412, ChiSquare.quantile(0.95, 1), 1e-9);
        assertEquals(3.246972780236841, ChiSquare.quantile(0.025, 10), 1e-9);
        assertEquals(20.48317735080739, ChiSquare.quantile(0.975, 10), 1e-9);
    }
}
