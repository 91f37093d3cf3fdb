package io.poka.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A registered VAE-GAN version as readers outside the module (the admin UI, reports) see it: what an auditor needs to
 * trace a score to its model, data and training.
 *
 * @param targetFalseAlarmRate the alpha the threshold was calibrated for (hyperparameter {@code falseAlarmRate})
 * @param validation metrics measured at training (false-alarm rates, score medians, final losses), see docs/scoring.md
 * @param hyperparameters every hyperparameter of the run, defaults filled in
 * @param lossHistory losses per epoch
 */
public record ModelVersion(UUID id, String line, int version, boolean active, UUID datasetId, String datasetName,
        String dataFingerprint, double threshold, double targetFalseAlarmRate, List<String> variables,
        int trainingRows, int calibrationRows, Map<String, Object> validation, Map<String, Object> hyperparameters,
        List<TrainingLoss> lossHistory, long trainingMillis, String engine, String device, String applicationVersion,
        int artifactBytes, String artifactSha256, UUID trainingJobId, Instant createdAt, String createdBy) {
}
