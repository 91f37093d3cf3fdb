package io.poka.scoring.internal.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The anomaly score of a row. The VAE-GAN's own score is R / R_med + w * P_fake, where R is the mean squared
 * standardised reconstruction error, R_med its median on the training rows (a typical normal row scores about 1), and
 * P_fake = sigmoid(-D(x)) the discriminator's probability that x is not real normal data. The discriminator term is
 * bounded by w on purpose: an unbounded -log D(x) made single held-out normal rows explode and ruined the threshold
 * (docs/scoring.md). With {@link Companions} (models trained since the combined monitor) the served score is the
 * largest of the VAE-GAN score and four per-variable statistics, each divided by its own cross-fitted tail level,
 * because a mean squared error over 156 inputs dilutes a fault that shows in one variable only.
 *
 * @param companions null for models stored before the combined monitor (their score is the VAE-GAN score alone)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreScale(double reconstructionMedian, double discriminatorWeight, Companions companions) {

    /** The VAE-GAN score alone (models stored before the combined monitor, and every model during training). */
    public ScoreScale(double reconstructionMedian, double discriminatorWeight) {
        this(reconstructionMedian, discriminatorWeight, null);
    }

    /**
     * Divisors that put each statistic on a common scale (each one's tail-fitted 1 - alpha quantile over the
     * cross-fitted normal rows, so each is about 1 at the target's level); the combined score is the largest ratio.
     *
     * @param vae divisor of the VAE-GAN score
     * @param jump divisor of max_j |z_j| of the current row (abrupt faults: a step or spike in one variable)
     * @param shift divisor of max_j |filtered z_j| (small sustained shifts of one variable)
     * @param spread divisor of max_j |moving standard deviation of z_j| (changed variability of one variable)
     * @param drift divisor of max_j |slowly filtered z_j| (a slow drift of one variable)
     */
    @Schema(name = "ScoreCompanions")
    public record Companions(double vae, double jump, double shift, double spread, double drift) {

        /** The combined score: the largest of the five normalised statistics. */
        public double combine(double vaeScore, double jumpStat, double shiftStat, double spreadStat, double driftStat) {
            return Math.max(Math.max(Math.max(vaeScore / vae, jumpStat / jump), Math.max(shiftStat / shift,
                    spreadStat / spread)), driftStat / drift);
        }

        /** The companions' part alone (the combined score without the VAE-GAN), for ablations. */
        public double companionsOnly(double jumpStat, double shiftStat, double spreadStat, double driftStat) {
            return Math.max(Math.max(jumpStat / jump, Math.max(shiftStat / shift, spreadStat / spread)),
                    driftStat / drift);
        }
    }

    /** The VAE-GAN's own score of a row. */
    public double score(double reconstruction, double fakeProbability) {
        return reconstruction / reconstructionMedian + discriminatorWeight * fakeProbability;
    }

    /** This scale with the companions' divisors. */
    public ScoreScale withCompanions(Companions divisors) {
        return new ScoreScale(reconstructionMedian, discriminatorWeight, divisors);
    }

    /** sigmoid(-logit), computed without overflow. */
    public static double fakeProbability(double logit) {
        return logit >= 0 ? Math.exp(-logit) / (1 + Math.exp(-logit)) : 1 / (1 + Math.exp(logit));
    }
}
