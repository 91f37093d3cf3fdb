package io.poka.prognostics.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitFoldsTest {

    @Test
    void everyUnitIsValidatedInExactlyOneFoldAndFoldsDifferInSizeByAtMostOne() {
        List<List<Integer>> folds = UnitFolds.deal(100, 5, 42);
        Set<Integer> seen = new HashSet<>();
        for (List<Integer> f : folds) {
            assertEquals(20, f.size());
            for (int u : f) {
                assertTrue(seen.add(u), "unit " + u + " in two folds");
            }
        }
        assertEquals(100, seen.size());
        List<List<Integer>> uneven = UnitFolds.deal(12, 5, 1);
        assertTrue(uneven.stream().allMatch(f -> f.size() == 2 || f.size() == 3));
    }

    @Test
    void overManySeedsAndSizesNoUnitIsEverInTwoFoldsAndEveryUnitIsDealt() {
        for (long seed = 0; seed < 300; seed++) {
            int units = 6 + (int) (seed % 95);
            int folds = 2 + (int) (seed % Math.min(9, units / 2 - 1));
            List<List<Integer>> dealt = UnitFolds.deal(units, folds, seed);
            Set<Integer> seen = new HashSet<>();
            for (List<Integer> f : dealt) {
                assertTrue(f.size() >= units / folds, "seed " + seed + ": fold of " + f.size());
                for (int u : f) {
                    assertTrue(seen.add(u), "seed " + seed + ": unit " + u + " in two folds");
                }
            }
            assertEquals(units, seen.size(), "seed " + seed);
        }
    }

    @Test
    void theSameSeedDealsTheSameFoldsAndAnotherSeedOthers() {
        assertEquals(UnitFolds.deal(100, 5, 7), UnitFolds.deal(100, 5, 7));
        assertTrue(!UnitFolds.deal(100, 5, 7).equals(UnitFolds.deal(100, 5, 8)));
    }

    @Test
    void refusesFewerThanTwoFoldsOrMoreFoldsThanUnits() {
        assertThrows(IllegalArgumentException.class, () -> UnitFolds.deal(10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> UnitFolds.deal(3, 4, 1));
    }
}
