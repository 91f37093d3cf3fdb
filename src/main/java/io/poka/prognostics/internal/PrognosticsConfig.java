package io.poka.prognostics.internal;

import io.poka.prognostics.internal.model.RulSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the prognostics module (prefix {@code poka.prognostics}). */
@ConfigMapping(prefix = "poka.prognostics")
public interface PrognosticsConfig {

    /** Cycles k in a window (features and the CNN's input); 30 as Li, Ding and Sun 2018 (FD001's shortest test run has 31). */
    @WithDefault("30")
    int window();

    /** Cap of the piecewise-linear RUL target and of the truth it is scored against (Heimes 2008; 125 for FD001). */
    @WithDefault("125")
    int rulCap();

    /** k of the cross-validation by unit. */
    @WithDefault("5")
    int folds();

    /** Random cut points per validation unit (each scored on its last window only, like the official test). */
    @WithDefault("5")
    int cutsPerUnit();

    /** Fewest cycles a validation cut keeps (31 = the shortest FD001 official test history). */
    @WithDefault("31")
    int minHistory();

    /** Seed of folds, cuts, trees, SGD order and CNN initialisation and batches. */
    @WithDefault("42")
    long seed();

    /** Trees of the random forest. */
    @WithDefault("50")
    int forestTrees();

    /** Depth limit of each random-forest tree. */
    @WithDefault("12")
    int forestMaxDepth();

    /** Boosting rounds of XGBoost. */
    @WithDefault("100")
    int xgboostRounds();

    /** Learning rate (eta) of XGBoost. */
    @WithDefault("0.1")
    double xgboostEta();

    /** Tree depth of XGBoost. */
    @WithDefault("5")
    int xgboostDepth();

    /** Passes of the linear model's SGD over the training windows. */
    @WithDefault("10")
    int sgdEpochs();

    /** Most epochs of the 1-D CNN (a training request may lower or raise it); early stopping usually ends it sooner. */
    @WithDefault("100")
    int cnnEpochs();

    /** Epochs without improvement on the CNN's inner validation units (a sixth, by unit) before it stops; 0 = never. */
    @WithDefault("10")
    int cnnPatience();

    /**
     * Where validation cuts fall: {@code test-like} (true RUL at the cut spread like FD001's official test truths,
     * 7-145 scaled by cap / 125) or {@code uniform} (uniform over the run; easier, kept for comparison).
     */
    @WithDefault("test-like")
    String cutRule();

    /** Windows per CNN minibatch. */
    @WithDefault("256")
    int cnnBatch();

    /** Adam learning rate of the CNN. */
    @WithDefault("0.002")
    double cnnLearningRate();

    /** Filters of each of the CNN's first four convolutions. */
    @WithDefault("10")
    int cnnFilters();

    /** Nominal level of the prediction interval made from the out-of-fold residuals. */
    @WithDefault("0.9")
    double intervalLevel();

    /** Training jobs that may be queued or running at once; a submission beyond gets 429 prognostics/training-queue-full. */
    @WithDefault("4")
    int maxQueuedTrainings();

    /** Most cycles read from telemetry for one unit's trajectory (the newest ones). */
    @WithDefault("2000")
    int maxCycles();

    default RulSettings settings() {
        return new RulSettings(window(), rulCap(), seed(), forestTrees(), forestMaxDepth(), xgboostRounds(), xgboostEta(),
                xgboostDepth(), sgdEpochs(), cnnEpochs(), cnnBatch(), cnnLearningRate(), cnnFilters(), cnnPatience());
    }
}
