package io.poka.prognostics.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulIntervalTest {

    @Test
    void quantilesInterpolateBetweenOrderStatisticsLikeRsDefault() {
        // R: quantile(c(1, 2, 3, 4, 5), c(0.05, 0.95)) = 1.2, 4.8
        double[] v = {5, 3, 1, 4, 2};
        assertEquals(1.2, RulInterval.quantile(v, 0.05), 1e-12);
        assertEquals(4.8, RulInterval.quantile(v, 0.95), 1e-12);
    }

    @Test
    void coverageIsMeasuredOnEachFoldWithTheOtherFoldsQuantiles() {

        // level 1.0 -> other fold's [min, max]; fold 1 = {0, 10}, fold 2 = {2, 4}: 0 and 10 outside [2, 4],
        // 2 and 4 inside [0, 10] -> 2 of 4 covered
        RulInterval i = RulInterval.fromFolds(List.of(new double[] {0, 10}, new double[] {2, 4}), 1.0);
        assertEquals(0.5, i.coverage(), 0);
        assertEquals(0, i.lower(), 0);
        assertEquals(10, i.upper(), 0);
        // bounds never go below zero cycles
        assertEquals(0, i.low(-3), 0);
        assertEquals(7, i.high(-3), 0);
    }
}
