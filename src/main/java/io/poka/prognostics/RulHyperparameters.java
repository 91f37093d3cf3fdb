package io.poka.prognostics;

/**
 * The settings a RUL model was fitted with: the Tribuo models' sizes (forest trees and depth, XGBoost rounds, learning
 * rate and depth, linear SGD epochs) and the 1-D CNN's epochs (at most), batch, learning rate, filters and early-stopping patience (null on models stored
 * before it existed); seed of every draw.
 */
public record RulHyperparameters(long seed, int forestTrees, int forestMaxDepth, int xgboostRounds, double xgboostEta,
        int xgboostDepth, int sgdEpochs, int cnnEpochs, int cnnBatch, double cnnLearningRate, int cnnFilters,
        Integer cnnPatience) {
}
