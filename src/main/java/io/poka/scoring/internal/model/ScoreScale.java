package io.poka.scoring.internal.model;

/**
 * The anomaly score of a row: score = (1 - w) * R / R_med + w * A / A_med, where R is the mean squared standardised
 * reconstruction error, A = softplus(-D(x)) = -log(discriminator's probability that x is real normal data), and
 * R_med, A_med their medians on the training rows (so both terms are 1 on a typical normal row and the weight w
 * means what it says). See docs/scoring.md.
 */
public record ScoreScale(double reconstructionMedian, double discriminatorMedian, double discriminatorWeight) {

    public double score(double reconstruction, double discriminator) {
        return (1 - discriminatorWeight) * reconstruction / reconstructionMedian
                + discriminatorWeight * discriminator / discriminatorMedian;
    }

    /** softplus(-logit), computed without overflow. */
    public static double surprise(double logit) {
        double m = -logit;
        return m > 30 ? m : Math.log1p(Math.exp(m));
    }
}
