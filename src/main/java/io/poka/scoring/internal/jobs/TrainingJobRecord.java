package io.poka.scoring.internal.jobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The durable state of a training job, progress included, so any replica can answer for it; the replica running it
 * is its owner and renews heartbeatAt until the job ends.
 */
@Entity
@Table(name = "training_job", schema = "scoring")
public class TrainingJobRecord extends PanacheEntityBase {
    /** Life cycle: QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED (QUEUED may also go straight to CANCELLED). */
    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "dataset_id", nullable = false)
    public UUID datasetId;

    @Column(nullable = false)
    public String line;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String hyperparameters;

    @Column(name = "epochs_done", nullable = false)
    public int epochsDone;

    @Column(nullable = false)
    public int epochs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_loss", columnDefinition = "jsonb")
    public String lastLoss;

    public String error;

    @Column(name = "model_id")
    public UUID modelId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The replica (Leases.instanceId) that queued and runs the job. */
    public String owner;

    /** Last sign of life of the owner while the job is QUEUED or RUNNING. */
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    /** A cancel asked for on any replica; the owner stops the job at its next heartbeat. */
    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;
}
