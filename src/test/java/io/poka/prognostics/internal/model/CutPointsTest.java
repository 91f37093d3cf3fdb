package io.poka.prognostics.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CutPointsTest {

    @Test
    void uniformCutsKeepAtLeastTheMinimumHistoryAndTheirTruthIsTheCappedRemainingLife() {
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

    @Test
    void testLikeCutsSpreadTheTrueRulLikeTheOfficialTestAndKeepTheMinimumHistory() {
        // runs of 250 cycles (long enough for every drawn RUL): the RUL at the cut is uniform in [7, 145]
        UnitHistory u = new UnitHistory("1", new double[250][1], RulTarget.runToFailure(250, Integer.MAX_VALUE));
        List<CutPoints.Cut> cuts = CutPoints.draw(CutPoints.Rule.TEST_LIKE, List.of(u), 4000, 31, 125, 9);
        double sumUncapped = 0;
        int atCap = 0;
        for (CutPoints.Cut c : cuts) {
            int rul = 250 - c.cycles();
            assertTrue(rul >= 7 && rul <= 145, "RUL " + rul);
            assertTrue(c.cycles() >= 31);
            assertEquals(Math.min(125, rul), c.truth(), 0);
            sumUncapped += rul;
            atCap += c.truth() == 125 ? 1 : 0;
        }
        // uniform on [7, 145]: mean 76 (official FD001 truths: about 75), 20/138 = 14 % at or above the cap
        assertEquals(76, sumUncapped / cuts.size(), 2);
        assertEquals(0.15, (double) atCap / cuts.size(), 0.03);
        // the uniform rule puts far more cuts in the flat stretch at the cap: 95 of the 220 possible cuts of this run
        long uniformAtCap = CutPoints.draw(List.of(u), 4000, 31, 125, 9).stream().filter(c -> c.truth() == 125).count();
        assertTrue(uniformAtCap > 0.35 * 4000, "uniform cuts at the cap " + uniformAtCap);
    }

    @Test
    void aTestLikeCutOfAShortUnitKeepsTheMinimumHistory() {
        // a 60-cycle run: RUL after 31 cycles is 29; any drawn RUL above it keeps exactly 31 cycles
        UnitHistory u = new UnitHistory("2", new double[60][1], RulTarget.runToFailure(60, Integer.MAX_VALUE));
        for (CutPoints.Cut c : CutPoints.draw(CutPoints.Rule.TEST_LIKE, List.of(u), 200, 31, 125, 4)) {
            assertTrue(c.cycles() >= 31 && c.cycles() <= 53, "kept " + c.cycles());
            assertEquals(60 - c.cycles(), c.truth(), 0);
        }
    }

    @Test
    void theTruthOfACutIsTheUnitsOwnRemainingLifeWhenFailureIsNotTheLastRow() {
        // a unit whose recorded failure is 10 cycles after its last row: RUL per row is 10 more than rows left
        double[] rul = new double[100];
        for (int i = 0; i < 100; i++) {
            rul[i] = 109 - i;
        }
        UnitHistory u = new UnitHistory("3", new double[100][1], rul);
        for (CutPoints.Cut c : CutPoints.draw(List.of(u), 20, 31, 125, 1)) {
            assertEquals(Math.min(125, 110 - c.cycles()), c.truth(), 0);
        }
    }
}
