package io.poka.prognostics.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RulTargetTest {

    @Test
    void staysAtTheCapUntilTheRemainingLifeFallsBelowItThenFallsToZeroAtFailure() {
        double[] rul = RulTarget.runToFailure(200, 125);
        assertEquals(125, rul[0], 0);
        assertEquals(125, rul[74], 0); // 200 - 1 - 74 = 125
        assertEquals(124, rul[75], 0);
        assertEquals(1, rul[198], 0);
        assertEquals(0, rul[199], 0);
    }
}
