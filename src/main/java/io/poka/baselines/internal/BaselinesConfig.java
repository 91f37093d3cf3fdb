package io.poka.baselines.internal;

import io.poka.baselines.internal.model.TrainerSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the baselines module (prefix {@code poka.baselines}). */
@ConfigMapping(prefix = "poka.baselines")
public interface BaselinesConfig {

    /** Passes over the training rows of the linear SGD trainers (logistic regression, linear regression). */
    @WithDefault("10")
    int sgdEpochs();

    /** Trees in each random forest. */
    @WithDefault("20")
    int forestTrees();

    /** Depth limit of each random-forest tree. */
    @WithDefault("12")
    int forestMaxDepth();

    /** k of the stratified k-fold cross-validation of classifiers. */
    @WithDefault("5")
    int folds();

    /** Fraction of C-MAPSS engine units held out to test regressors (the split is by unit, never by row). */
    @WithDefault("0.2")
    double testUnitFraction();

    /** Seed of folds, unit split, SGD order and tree feature sampling, so a retrain reproduces the metrics. */
    @WithDefault("42")
    long seed();

    /** Trainings that may run at once (each in its request thread); a request beyond gets 429 baselines/training-busy. */
    @WithDefault("1")
    int concurrentTrainings();

    default TrainerSettings settings() {
        return new TrainerSettings(sgdEpochs(), forestTrees(), forestMaxDepth(), folds(), testUnitFraction(), seed());
    }
}
