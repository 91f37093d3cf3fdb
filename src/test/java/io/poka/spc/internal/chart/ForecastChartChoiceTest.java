package io.poka.spc.internal.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.spc.BaselineCheck;
import org.junit.jupiter.api.Test;

/**
 * The recommendation between the two charts for autocorrelated readings: a stationary AR(1) process gets the AR(1)
 * residual chart, a wandering IMA(1,1) process (for which the EWMA is the optimal forecast) the EWMA forecast chart.
 */
class ForecastChartChoiceTest {
    private static final BaselineAdequacy.Minimums MIN = new BaselineAdequacy.Minimums(100, 25, 50);

    @Test
    void aStationaryAr1ProcessIsChartedByItsAr1Residuals() {
        for (long seed = 1; seed <= 5; seed++) {
            ForecastChartChoice.Choice c = ForecastChartChoice.choose(EwmaForecastTest.ar1(0.7, 500, seed));
            assertEquals("AR1_RESIDUALS", c.chart(), c.reason());
            assertTrue(c.ar1Rms() < c.ewmaRms(), c.reason());
        }
    }

    @Test
    void aWanderingIma11ProcessIsChartedByItsEwmaForecastErrors() {
        for (long seed = 1; seed <= 5; seed++) {
            ForecastChartChoice.Choice c = ForecastChartChoice.choose(EwmaForecastTest.ima11(0.5, 500, seed));
            assertEquals("EWMA_FORECAST", c.chart(), c.reason());
            assertEquals(0.5, c.ewmaLambda(), 0.15, "lambda = 1 - theta: " + c.reason());
        }
    }

    @Test
    void theBaselineCheckOfAnIndividualsChartOnWanderingReadingsRecommendsTheEwmaForecastAndSaysWhy() {
        BaselineCheck check = BaselineAdequacy.judge("IMR", EwmaForecastTest.ima11(0.5, 300, 9), null, MIN);
        assertTrue(check.autocorrelated());
        assertEquals("EWMA_FORECAST", check.recommendedChart());
        assertTrue(check.recommendationReason().startsWith("EWMA_FORECAST recommended"), check.recommendationReason());
        BaselineCheck own = BaselineAdequacy.judge("EWMA_FORECAST", EwmaForecastTest.ima11(0.5, 300, 9), null, MIN);
        assertEquals("EWMA forecast errors", own.series());
        assertEquals(false, own.autocorrelated(), "the fitted EWMA leaves uncorrelated errors: " + own.warnings());
    }
}
