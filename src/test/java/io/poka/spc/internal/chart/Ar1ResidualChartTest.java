package io.poka.spc.internal.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Ar1ResidualChartTest {

    @Test
    void theFitRecoversPhiAndTheInnovationSigmaOfASimulatedAr1Process() {
        Random random = new Random(7);
        List<Double> x = new ArrayList<>();
        double v = 0;
        for (int i = 0; i < 5000; i++) {
            v = 0.8 * v + 0.5 * random.nextGaussian();
            x.add(10 + v);
        }
        Ar1Model m = Ar1Model.fit(x);
        assertEquals(0.8, m.phi(), 0.03);
        assertEquals(0.5, m.residualSigma(), 0.02);
        assertEquals(10, m.mean(), 0.1);
    }

    @Test
    void residualsAreOneStepAheadForecastErrors() {
        // mean 2, phi 0.5: forecast of x2 from x1 = 3 is 2 + 0.5 * 1 = 2.5, so x2 = 4 leaves 1.5
        double[] e = Ar1Model.residuals(List.of(3.0, 4.0, 2.0), 2, 0.5);
        assertEquals(1.5, e[0], 1e-12);
        assertEquals(-1.0, e[1], 1e-12);
    }

    @Test
    void aHeldAnalyzerValueIsNoNewObservationAndPlotsNoPoint() {
        assertEquals(List.of(1.0, 2.0, 1.0), Ar1Model.newObservations(List.of(1.0, 1.0, 2.0, 2.0, 2.0, 1.0)));
        Ar1ResidualMonitor monitor = new Ar1ResidualMonitor(new Ar1Model(0, 0.5, 1, 100), 3);
        assertTrue(monitor.next(1, 1.0).isEmpty(), "the first observation has no forecast");
        assertTrue(monitor.next(2, 1.0).isEmpty(), "a held value");
        ChartPoint p = monitor.next(3, 2.0).orElseThrow();
        assertEquals(1.5, p.value(), 1e-12);
        assertEquals(0, p.center());
        assertEquals(3, p.ucl(), 1e-12);
        assertEquals(-3, p.lcl(), 1e-12);
        assertFalse(p.beyondLimits());
        assertTrue(monitor.next(4, 6.0).orElseThrow().beyondLimits(), "6 against a forecast of 1: residual 5 > 3");
        assertEquals(ChartType.RESIDUALS, monitor.type());
    }

    @Test
    void aBaselineWithoutVariationCannotBeFitted() {
        assertThrows(IllegalArgumentException.class, () -> Ar1Model.fit(List.of(1.0, 1.0, 1.0, 1.0)));
    }
}
