package io.poka.baselines.internal.model;

import java.util.List;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * The catalogue of Tribuo trainers a user may pick by name: a linear model (features standardised inside the model,
 * so the stored model takes raw values), a random forest of CART trees and XGBoost gradient-boosted trees, for each
 * task.
 */
public final class BaselineTrainers {
    public static final String LOGISTIC_REGRESSION = "logistic-regression";
    public static final String LINEAR_SGD = "linear-sgd";
    public static final String RANDOM_FOREST = "random-forest";
    public static final String XGBOOST = "xgboost";

    /** XGBoost settings: boosting rounds, learning rate (eta), tree depth; the library's defaults otherwise. */
    static final int XGBOOST_ROUNDS = 100;
    static final double XGBOOST_ETA = 0.3;
    static final int XGBOOST_DEPTH = 6;

    private BaselineTrainers() {
    }

    /** Trainer names valid for the task. */
    public static List<String> names(boolean classification) {
        return classification ? List.of(LOGISTIC_REGRESSION, RANDOM_FOREST, XGBOOST)
                : List.of(LINEAR_SGD, RANDOM_FOREST, XGBOOST);
    }

    /** A fresh classification trainer, or null for an unknown name. */
    public static Trainer<Label> classification(String name, TrainerSettings s) {
        return switch (name) {
            case LOGISTIC_REGRESSION -> standardised(
                    new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), s.sgdEpochs(), 1000, 1, s.seed()));
            case RANDOM_FOREST -> new RandomForestTrainer<>(
                    new CARTClassificationTrainer(s.forestMaxDepth(), (float) Math.sqrt(27.0) / 27f, s.seed()),
                    new VotingCombiner(), s.forestTrees(), s.seed());
            // (rounds, eta, gamma, depth, min child weight, subsample, feature subsample, lambda, alpha, threads,
            // silent, seed); one thread: the box is shared and the data sets are small
            case XGBOOST -> new XGBoostClassificationTrainer(XGBOOST_ROUNDS, XGBOOST_ETA, 0, XGBOOST_DEPTH, 1, 1, 1, 1, 0,
                    1, true, s.seed());
            default -> null;
        };
    }

    /** A fresh regression trainer, or null for an unknown name. */
    public static Trainer<Regressor> regression(String name, TrainerSettings s) {
        return switch (name) {
            case LINEAR_SGD -> standardised(new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(),
                    new AdaGrad(1.0, 0.1), s.sgdEpochs(), 100000, 1, s.seed()));
            case RANDOM_FOREST -> new RandomForestTrainer<>(
                    new CARTRegressionTrainer(s.forestMaxDepth(), 5f, 0f, 0.33f, false, new MeanSquaredError(), s.seed()),
                    new AveragingCombiner(), s.forestTrees(), s.seed());
            case XGBOOST -> new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR, XGBOOST_ROUNDS,
                    XGBOOST_ETA, 0, XGBOOST_DEPTH, 1, 1, 1, 1, 0, 1, true, s.seed());
            default -> null;
        };
    }

    private static <T extends org.tribuo.Output<T>> Trainer<T> standardised(Trainer<T> inner) {
        return new TransformTrainer<>(inner, new TransformationMap(List.of(new MeanStdDevTransformation())), true);
    }
}
