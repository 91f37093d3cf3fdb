package io.poka.spc.internal.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AutocorrelationTest {
    private static final double[] ONE_TO_TEN = IntStream.rangeClosed(1, 10).asDoubleStream().toArray();

    @Test
    void sampleAutocorrelationOfOneToTenIsSevenTenthsAtLagOneAndThirtyFourOver82Point5AtLagTwo() {
        // by hand: mean 5.5, sum of squares 82.5; lag-1 cross products sum to 57.75, lag-2 to 34
        // (R: acf(1:10) prints 0.700 and 0.412)
        assertEquals(0.7, Autocorrelation.at(ONE_TO_TEN, 1), 1e-12);
        assertEquals(34 / 82.5, Autocorrelation.at(ONE_TO_TEN, 2), 1e-12);
    }

    @Test
    void ljungBoxQIsNTimesNPlus2TimesTheWeightedSquaredAutocorrelationsWithAChiSquarePValue() {
        // Q(1) = 10 * 12 * 0.7^2 / 9 = 6.5333; P(chi2(1) >= 6.5333) = 0.010587 (scipy.stats.chi2.sf)
        Autocorrelation.LjungBox one = Autocorrelation.ljungBox(ONE_TO_TEN, 1, 0);
        assertEquals(6.533333333333333, one.q(), 1e-12);
        assertEquals(1, one.degreesOfFreedom());
        assertEquals(0.010587137334056926, one.pValue(), 1e-9);
        // Q(2) = 120 (0.49/9 + 0.41212^2/8) = 9.080992; P(chi2(2) >= 9.080992) = 0.010668 (scipy.stats.chi2.sf)
        Autocorrelation.LjungBox two = Autocorrelation.ljungBox(ONE_TO_TEN, 2, 0);
        assertEquals(9.080991735537188, two.q(), 1e-9);
        assertEquals(0.010668115267229515, two.pValue(), 1e-9);
        assertEquals(1, Autocorrelation.ljungBox(ONE_TO_TEN, 2, 1).degreesOfFreedom(), "a fitted AR(1) uses one");
    }

    @Test
    void effectiveSampleSizeShrinksWithPositiveLagOneAutocorrelation() {
        assertEquals(100 * 0.1 / 1.9, Autocorrelation.effectiveSize(100, 0.9), 1e-12);
        assertEquals(100, Autocorrelation.effectiveSize(100, -0.3), 1e-12);
    }

    @Test
    void ljungBoxRefusesASeriesTooShortForItsLags() {
        assertThrows(IllegalArgumentException.class, () -> Autocorrelation.ljungBox(new double[] {1, 2, 3}, 2, 0));
    }
}
