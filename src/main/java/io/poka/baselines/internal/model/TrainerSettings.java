package io.poka.baselines.internal.model;

/**
 * Hyperparameters shared by the built-in trainers; kept small by default so training stays synchronous.
 *
 * @param sgdEpochs passes over the data of the linear SGD trainers
 * @param forestTrees trees in a random forest
 * @param forestMaxDepth depth limit of each tree
 * @param folds k of the stratified k-fold cross-validation (classification)
 * @param testUnitFraction fraction of C-MAPSS engine units held out for testing (regression)
 * @param seed seed of every random choice (folds, unit split, SGD order, tree features)
 */
public record TrainerSettings(int sgdEpochs, int forestTrees, int forestMaxDepth, int folds, double testUnitFraction,
        long seed) {
}
