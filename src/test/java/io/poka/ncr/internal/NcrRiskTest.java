package io.poka.ncr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.ncr.NcrRisk;
import org.junit.jupiter.api.Test;

/** The risk priority number is severity x occurrence x detection on the 1-10 FMEA scales. */
class NcrRiskTest {
    @Test
    void theRiskPriorityNumberIsTheProductOfTheThreeRatings() {
        assertEquals(160, NcrRisk.of(8, 4, 5).rpn());
        assertEquals(1, NcrRisk.of(1, 1, 1).rpn());
        assertEquals(1000, NcrRisk.of(10, 10, 10).rpn());
    }
}
