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

/** The durable state of a training job; live progress of a running job is held in memory by {@link TrainingJobs}. */
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
}
