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

    /** Share of the normal data's variance the PCA monitor's retained components explain (T² inside, SPE outside). */
    @WithDefault("0.9")
    double pcaVarianceShare();

    /** nu of the one-class SVM anomaly baseline: upper bound of the share of training rows outside its boundary. */
    @WithDefault("0.05")
    double svmNu();

    /** RBF gamma of the one-class SVM on standardised variables; 0 = 1 / variables (LibSVM's default). */
    @WithDefault("0")
    double svmGamma();

    /** Trees of the isolation-forest anomaly baseline. */
    @WithDefault("100")
    int isolationForestTrees();

    /** Rows subsampled per isolation tree (Liu et al. 2008 recommend 256). */
    @WithDefault("256")
    int isolationForestSubsample();

    /**
     * Lags L of the dynamic PCA monitors (inputs [x_t .. x_t-L]); a comparison request may override it
     * ({@code dynamicPcaLags}). Ku, Storer and Georgakis (1995) found 2 enough for TEP.
     */
    @WithDefault("2")
    int dynamicPcaLags();

    /**
     * Target false-alarm rate of an anomaly model trained on a data set when the request names none (the VAE-GAN's
     * default).
     */
    @WithDefault("0.01")
    double anomalyFalseAlarmRate();

    /**
     * Consecutive time blocks of the normal training rows an anomaly model's limit is cross-fitted on (each block
     * scored by a monitor fitted on the others), as the VAE-GAN's {@code crossFitBlocks}.
     */
    @WithDefault("5")
    int anomalyCrossFitBlocks();

    /** Training values beyond this many robust sigmas are clipped before an anomaly model's standardisation is fitted. */
    @WithDefault("6.0")
    double anomalySpikeLimit();

    /** Largest number of training rows an anomaly comparison fits on (the one-class SVM grows quadratically). */
    @WithDefault("20000")
    int anomalyMaxTrainingRows();

    /** Points LIME samples around a row to explain a classifier's prediction ({@code explain=true}). */
    @WithDefault("500")
    int explanationSamples();

    /** Most features in a LIME explanation (the LARS-lasso surrogate's limit). */
    @WithDefault("8")
    int explanationFeatures();

    /** Most rows of one prediction request with {@code explain=true} (each row costs a LIME fit). */
    @WithDefault("20")
    int maxExplainedRows();

    /** Training jobs that may be queued or running at once; a submission beyond gets 429 baselines/training-queue-full. */
    @WithDefault("10")
    int maxQueuedTrainings();

    /** Shuffles per feature of the permutation importance stored with every model. */
    @WithDefault("5")
    int permutationRepeats();

    /** Most evaluation rows the permutation importance uses (a seeded sample beyond). */
    @WithDefault("500")
    int permutationMaxRows();

    /** Most distinct target values a classifier is trained on (more: 422 baselines/too-many-classes). */
    @WithDefault("50")
    int maxClasses();

    default io.poka.baselines.internal.model.ImportanceSettings importance() {
        return new io.poka.baselines.internal.model.ImportanceSettings(permutationRepeats(), permutationMaxRows(), seed());
    }

    default TrainerSettings settings() {
        return new TrainerSettings(sgdEpochs(), forestTrees(), forestMaxDepth(), folds(), testUnitFraction(), seed());
    }
}
