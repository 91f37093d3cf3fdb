package io.poka.scoring.internal.registry;

import io.poka.scoring.AlarmRule;
import io.poka.scoring.internal.model.FeaturePipeline;
import io.poka.scoring.internal.model.Hyperparameters;
import io.poka.scoring.internal.model.ScoreScale;
import io.poka.scoring.internal.model.VaeGanTraining;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything stored beside a model's parameters: enough to rebuild the network, reproduce the feature transformation
 * and the score (with {@code alarmRule}: the post-processing over time the threshold applies to, NONE for models
 * stored before it existed), and tell an auditor how, on what and with what the model was trained.
 */
public record ModelMetadata(Hyperparameters hyperparameters, FeaturePipeline featureStatistics, ScoreScale scoreScale,
        AlarmRule alarmRule, double threshold, int trainingRows, int calibrationRows, Map<String, Object> validation,
        List<VaeGanTraining.EpochLoss> lossHistory, long trainingMillis, String engine, String device,
        String applicationVersion, UUID datasetId, String dataFingerprint) {
}
