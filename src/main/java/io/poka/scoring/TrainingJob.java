package io.poka.scoring;

import java.time.Instant;
import java.util.UUID;

/**
 * A training job and its progress: {@code epoch} of {@code epochs} done and the last epoch's losses while it runs.
 *
 * @param status QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param modelId the registered version once the job has succeeded
 */
public record TrainingJob(UUID id, String line, UUID datasetId, String status, int epoch, int epochs,
        TrainingLoss lastLoss, String error, UUID modelId, Instant createdAt, String createdBy, Instant startedAt,
        Instant finishedAt) {

    /** True while the job may still make progress. */
    public boolean open() {
        return "QUEUED".equals(status) || "RUNNING".equals(status);
    }
}
