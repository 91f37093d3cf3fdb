package io.poka.prognostics.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Validation the way the official C-MAPSS test is built: a validation unit's run-to-failure history is truncated at a
 * random cycle and only the last window is scored against the true remaining life (capped). The cut keeps at least
 * {@code minHistory} cycles (the shortest official FD001 test history has 31) and at most the whole run; cuts are
 * drawn uniformly in between, with the seed, several per unit.
 */
public final class CutPoints {

    /** One truncated history: the unit, how many cycles are kept, the true RUL after them (capped). */
    public record Cut(String unit, int cycles, double truth) {
    }

    private CutPoints() {
    }

    public static List<Cut> draw(List<UnitHistory> units, int perUnit, int minHistory, int cap, long seed) {
        Random random = new Random(seed);
        List<Cut> cuts = new ArrayList<>();
        for (UnitHistory u : units) {
            int lo = Math.min(minHistory, u.cycles());
            for (int i = 0; i < perUnit; i++) {
                int kept = lo + random.nextInt(u.cycles() - lo + 1);
                cuts.add(new Cut(u.unit(), kept, Math.min(cap, u.cycles() - kept)));
            }
        }
        return cuts;
    }
}
