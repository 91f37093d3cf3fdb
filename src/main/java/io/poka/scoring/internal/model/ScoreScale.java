package io.poka.scoring.internal.model;

/**
 * The anomaly score of a row: score = R / R_med + w * P_fake, where R is the mean squared standardised
 * reconstruction error, R_med its median on the training rows (a typical normal row scores about 1), and
 * P_fake = sigmoid(-D(x)) the discriminator's probability that x is not real normal data. The discriminator term is
 * bounded by w on purpose: an unbounded -log D(x) made single held-out normal rows explode and ruined the threshold
 * (docs/scoring.md).
 */
public record ScoreScale(double reconstructionMedian, double discriminatorWeight) {

    public double score(double reconstruction, double fakeProbability) {
        return reconstruction / reconstructionMedian + discriminatorWeight * fakeProbability;
    }

    /** sigmoid(-logit), computed without overflow. */
    public static double fakeProbability(double logit) {
        return logit >= 0 ? Math.exp(-logit) / (1 + Math.exp(-logit)) : 1 / (1 + Math.exp(logit));
    }
}
