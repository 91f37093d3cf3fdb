package io.poka.prognostics.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CutPointsTest {

    @Test
    void cutsKeepAtLeastTheMinimumHistoryAndTheirTruthIsTheCappedRemainingLife() {
        UnitHistory u = new UnitHistory("7", new double[200][1], RulTarget.runToFailure(200, Integer.MAX_VALUE));
        List<CutPoints.Cut> cuts = CutPoints.draw(List.of(u), 50, 31, 125, 3);
        assertEquals(50, cuts.size());
        for (CutPoints.Cut c : cuts) {
            assertTrue(c.cycles() >= 31 && c.cycles() <= 200, "kept " + c.cycles());
            assertEquals(Math.min(125, 200 - c.cycles()), c.truth(), 0);
        }
        assertEquals(cuts, CutPoints.draw(List.of(u), 50, 31, 125, 3));
        // a run shorter than the minimum is scored on its whole history
        UnitHistory shortRun = new UnitHistory("8", new double[20][1], RulTarget.runToFailure(20, Integer.MAX_VALUE));
        assertTrue(CutPoints.draw(List.of(shortRun), 5, 31, 125, 3).stream().allMatch(c -> c.cycles() == 20));
    }
}
