package io.poka.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Cpk bands of issue 8: at least 1.33 good, 1.00 up to 1.33 warn, below 1.00 bad; the bounds belong upward. */
class CpkBandTest {

    @Test
    void boundsBelongToTheBetterBand() {
        assertEquals(CpkBand.GOOD, CpkBand.of(1.33));
        assertEquals(CpkBand.GOOD, CpkBand.of(2.0));
        assertEquals(CpkBand.WARN, CpkBand.of(1.3299));
        assertEquals(CpkBand.WARN, CpkBand.of(1.0));
        assertEquals(CpkBand.BAD, CpkBand.of(0.9999));
        assertEquals(CpkBand.BAD, CpkBand.of(-0.5));
    }

    @Test
    void noCpkIsUnknownNotBad() {
        assertEquals(CpkBand.UNKNOWN, CpkBand.of(null));
        assertEquals(CpkBand.UNKNOWN, CpkBand.of(Double.NaN));
    }
}
