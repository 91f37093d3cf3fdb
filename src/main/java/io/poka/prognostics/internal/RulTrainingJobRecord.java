package io.poka.prognostics.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An asynchronous RUL training: state, progress in steps (folds, then the final fit) and, once done, the model. */
@Entity
@Table(name = "training_job", schema = "prognostics")
public class RulTrainingJobRecord extends PanacheEntityBase {
    /** QUEUED until a worker takes it, RUNNING while it trains, then SUCCEEDED (with a model) or FAILED (with an error). */
    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public int units;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "steps_done", nullable = false)
    public int stepsDone;

    @Column(name = "steps_total", nullable = false)
    public int stepsTotal;

    @Column(name = "model_id")
    public UUID modelId;

    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
