package io.poka.prognostics.internal.model;

/**
 * The piecewise-linear RUL target (Heimes, "Recurrent neural networks for remaining useful life estimation", PHM 2008):
 * a healthy unit does not visibly degrade, so its target stays flat at the cap until the remaining life falls below it,
 * then falls by one per cycle to 0 at failure. FD001's cap in the literature is 125 cycles (also used by Li, Ding and
 * Sun 2018), and truth on the official test is capped the same way.
 */
public final class RulTarget {
    public static final int DEFAULT_CAP = 125;

    private RulTarget() {
    }

    /** min(cap, lastCycle - cycle) for every cycle of a unit that ran {@code cycles} cycles to failure. */
    public static double[] runToFailure(int cycles, int cap) {
        double[] rul = new double[cycles];
        for (int i = 0; i < cycles; i++) {
            rul[i] = Math.min(cap, cycles - 1 - i);
        }
        return rul;
    }

    public static double capped(double rul, int cap) {
        return Math.min(cap, rul);
    }
}
