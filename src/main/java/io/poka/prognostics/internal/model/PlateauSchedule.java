package io.poka.prognostics.internal.model;

/**
 * Early stopping with one learning-rate step: after {@code patience} epochs without a lower validation loss the rate
 * drops to a tenth and training goes on; after another {@code patience} epochs without improvement it stops. A network
 * stopped at its first plateau under a fixed rate of Adam is often still far from its best fit, while a lower rate
 * late in training is the usual remedy (Li, Ding and Sun 2018 lower theirs tenfold for the last epochs).
 */
final class PlateauSchedule {
    /** What the trainer does after an epoch. */
    enum Step {
        /** a new best epoch: keep its parameters, go on */
        IMPROVED,
        /** no improvement yet, go on */
        WAIT,
        /** first plateau: the rate is now a tenth, go on */
        DECAYED,
        /** second plateau: stop and keep the best epoch */
        STOP
    }

    static final double FACTOR = 0.1;

    private final int patience;
    private final int decays;
    private double rate;
    private double best = Double.MAX_VALUE;
    private int sinceBest;
    private int decayed;

    /**
     * @param decays how many times the rate may drop before the next plateau stops training (0 = plain early
     *     stopping)
     */
    PlateauSchedule(double rate, int patience, int decays) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1");
        }
        this.rate = rate;
        this.patience = patience;
        this.decays = decays;
    }

    /** The learning rate to use now. */
    double rate() {
        return rate;
    }

    Step after(double validationLoss) {
        if (validationLoss < best) {
            best = validationLoss;
            sinceBest = 0;
            return Step.IMPROVED;
        }
        if (++sinceBest < patience) {
            return Step.WAIT;
        }
        if (decayed < decays) {
            decayed++;
            rate *= FACTOR;
            sinceBest = 0;
            return Step.DECAYED;
        }
        return Step.STOP;
    }
}
