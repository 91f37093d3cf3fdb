package io.poka.prognostics.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Validation the way the official C-MAPSS test is built: a validation unit's run-to-failure history is truncated and
 * only the last window is scored against the true remaining life (capped). Two rules for where to cut:
 * {@link Rule#TEST_LIKE} (the default) draws the true RUL at the cut so that it spreads like the truths of FD001's
 * official test (uniform between 7 and 145 cycles for a cap of 125, scaled with the cap for other data; that spread
 * has mean 76, the official truths have mean about 75), keeping at least {@code minHistory} cycles (31, FD001's
 * shortest test history); {@link Rule#UNIFORM} (the earlier rule, kept for comparison) draws the cut uniformly over
 * the run, which puts about a quarter of the cuts in the flat early part where the truth is the cap, an easier task.
 */
public final class CutPoints {
    /** Smallest and largest true RUL of FD001's official test (RUL_FD001.txt), as fractions of the cap of 125. */
    static final double TEST_RUL_LOW = 7.0 / 125;
    static final double TEST_RUL_HIGH = 145.0 / 125;

    /** Where validation cuts fall. */
    public enum Rule {
        /** True RUL at the cut uniform in [7, 145] x cap / 125, at least the minimum history kept. */
        TEST_LIKE("test-like"),
        /** Cut uniform between the minimum history and the whole run. */
        UNIFORM("uniform");

        private final String slug;

        Rule(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }

        /** The rule as stored in a model's validation (null for models stored before the rule was recorded). */
        public static Rule of(String slug) {
            for (Rule r : values()) {
                if (r.slug.equals(slug)) {
                    return r;
                }
            }
            return UNIFORM;
        }

        /** The rule in words, for a model's record. */
        public String describe(int cap, int minHistory) {
            return this == TEST_LIKE
                    ? String.format(Locale.ROOT, "true RUL at the cut uniform in [%.0f, %.0f] (FD001 official test truths"
                            + " 7-145 for cap 125, scaled by cap / 125), at least %d cycles kept; last window scored,"
                            + " truth capped at %d", TEST_RUL_LOW * cap, TEST_RUL_HIGH * cap, minHistory, cap)
                    : String.format(Locale.ROOT, "cut uniform between %d cycles and the whole run; last window scored,"
                            + " truth capped at %d", minHistory, cap);
        }
    }

    /** One truncated history: the unit, how many cycles are kept, the true RUL after them (capped). */
    public record Cut(String unit, int cycles, double truth) {
    }

    private CutPoints() {
    }

    /** {@link Rule#UNIFORM} cuts. */
    public static List<Cut> draw(List<UnitHistory> units, int perUnit, int minHistory, int cap, long seed) {
        return draw(Rule.UNIFORM, units, perUnit, minHistory, cap, seed);
    }

    /**
     * {@code perUnit} cuts of each unit by the rule, seeded. The truth is the unit's RUL at the last kept cycle
     * ({@link UnitHistory#rul()}), capped.
     */
    public static List<Cut> draw(Rule rule, List<UnitHistory> units, int perUnit, int minHistory, int cap, long seed) {
        Random random = new Random(seed);
        List<Cut> cuts = new ArrayList<>();
        for (UnitHistory u : units) {
            int lo = Math.min(minHistory, u.cycles());
            for (int i = 0; i < perUnit; i++) {
                int kept = rule == Rule.UNIFORM ? lo + random.nextInt(u.cycles() - lo + 1)
                        : keptFor(u, lo, cap * (TEST_RUL_LOW + random.nextDouble() * (TEST_RUL_HIGH - TEST_RUL_LOW)));
                cuts.add(new Cut(u.unit(), kept, Math.min(cap, u.rul()[kept - 1])));
            }
        }
        return cuts;
    }

    /**
     * Cycles to keep so that the RUL at the last kept one is the nearest to {@code rul} (the earliest of ties), never
     * fewer than {@code lo}: a unit too short for that RUL is cut at its minimum history.
     */
    static int keptFor(UnitHistory u, int lo, double rul) {
        int best = lo;
        double gap = Double.MAX_VALUE;
        for (int kept = lo; kept <= u.cycles(); kept++) {
            double g = Math.abs(u.rul()[kept - 1] - rul);
            if (g < gap) {
                gap = g;
                best = kept;
            }
        }
        return best;
    }
}
