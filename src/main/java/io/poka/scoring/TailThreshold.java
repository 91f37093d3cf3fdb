package io.poka.scoring;

/**
 * A threshold calibrated the way the VAE-GAN's is (cross-fitted normal scores, generalised Pareto tail, moving-block
 * bootstrap), so another module's monitors keep their false-alarm target with the same confidence.
 *
 * @param threshold lowest limit whose false-alarm rate stays at or below the target at the upper end of its 95 %
 *        confidence interval
 * @param method {@code GPD} (tail fit) or {@code EMPIRICAL} (conformal order statistic)
 * @param expectedFalseAlarmRate fitted probability that a normal row's score exceeds the threshold
 * @param lower95 lower end of the 95 % confidence interval of that rate
 * @param upper95 upper end of the 95 % confidence interval of that rate
 * @param effectiveSampleSize the scores' count times their extremal index (independent pieces of tail evidence)
 * @param smallestSupportedTarget the lowest target false-alarm rate these scores support; below it the target cannot
 *        be honoured
 * @param support why the smallest supported target is what it is, in words
 */
public record TailThreshold(double threshold, String method, double expectedFalseAlarmRate, double lower95,
        double upper95, int scores, double effectiveSampleSize, double smallestSupportedTarget, String support) {
}
