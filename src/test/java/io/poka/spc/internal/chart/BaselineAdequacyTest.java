package io.poka.spc.internal.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.spc.BaselineCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselineAdequacyTest {
    private static final BaselineAdequacy.Minimums MIN = new BaselineAdequacy.Minimums(100, 25, 50);

    private static List<Double> ar1(int n, double phi, long seed) {
        Random random = new Random(seed);
        List<Double> x = new ArrayList<>();
        double v = 0;
        for (int i = 0; i < n; i++) {
            v = phi * v + random.nextGaussian();
            x.add(v);
        }
        return x;
    }

    @Test
    void aHundredStronglyAutocorrelatedReadingsAreTooLittleForAnIndividualsChartWhichShouldChartAr1Residuals() {
        BaselineCheck c = BaselineAdequacy.judge("IMR", ar1(100, 0.9, 1), null, MIN);
        assertEquals(100, c.n());
        assertTrue(c.autocorrelated(), "Ljung-Box p " + c.ljungBoxPValue());
        assertTrue(c.effectiveN() < 50, "effective n " + c.effectiveN());
        assertFalse(c.adequate());
        assertEquals("AR1_RESIDUALS", c.recommendedChart());
        assertEquals(10, c.autocorrelations().size(), "r1 .. r10");
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("effective sample size")), c.warnings().toString());
    }

    @Test
    void theResidualsOfTheSameProcessAreIndependentSoTheAr1ChartsBaselineIsAdequate() {
        BaselineCheck c = BaselineAdequacy.judge("AR1_RESIDUALS", ar1(200, 0.9, 1), null, MIN);
        assertEquals("AR(1) residuals", c.series());
        assertTrue(c.readingsLag1() > 0.8, "the readings themselves: " + c.readingsLag1());
        assertFalse(c.autocorrelated(), "Ljung-Box p " + c.ljungBoxPValue());
        assertTrue(c.adequate(), c.warnings().toString());
        assertEquals("AR1_RESIDUALS", c.recommendedChart());
    }

    @Test
    void fewerThanTheMinimumOfIndividualsOrSubgroupsIsTooShortEvenWhenIndependent() {
        BaselineCheck individuals = BaselineAdequacy.judge("IMR", ar1(60, 0, 2), null, MIN);
        assertFalse(individuals.adequate());
        assertTrue(individuals.warnings().get(0).startsWith("baseline too short: 60 observations, at least 100"),
                individuals.warnings().toString());
        List<Double> means = ar1(20, 0, 3);
        BaselineCheck subgroups = BaselineAdequacy.judge("XBAR_R", ar1(100, 0, 3), means, MIN);
        assertEquals(25, subgroups.minimumN());
        assertFalse(subgroups.adequate());
        // 30 subgroups meet the minimum of 25 (effective size not asked here)
        assertTrue(BaselineAdequacy.judge("XBAR_R", ar1(150, 0, 3), ar1(30, 0, 4), new BaselineAdequacy.Minimums(100,
                25, 1)).adequate());
    }

    @Test
    void independentNormalReadingsPassEveryCheck() {
        BaselineCheck c = BaselineAdequacy.judge("IMR", ar1(200, 0, 5), null, MIN);
        assertTrue(c.adequate());
        assertFalse(c.autocorrelated());
        assertEquals(Boolean.FALSE, c.normalityRejected());
        assertEquals("IMR", c.recommendedChart());
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }
}
