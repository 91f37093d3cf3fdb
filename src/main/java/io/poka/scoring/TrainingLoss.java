package io.poka.scoring;

/** The mean losses of one training epoch (the VAE-GAN's encoder/decoder terms and its discriminator's loss). */
public record TrainingLoss(int epoch, double reconstruction, double kl, double adversarial, double discriminator) {
}
