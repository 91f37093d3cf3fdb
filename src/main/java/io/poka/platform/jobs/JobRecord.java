package io.poka.platform.jobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns every module's job table shares, so one runner ({@link Jobs}) can queue, run, recover and audit the
 * jobs of all modules while each module keeps its own table, request columns and REST view.
 */
@MappedSuperclass
public abstract class JobRecord extends PanacheEntityBase {
    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    /** Units of work done (folds, epochs, steps) and in all; 0 of 0 where the work reports none. */
    @Column(name = "steps_done", nullable = false)
    public int stepsDone;

    @Column(name = "steps_total", nullable = false)
    public int stepsTotal;

    /** The model the job produced, once SUCCEEDED. */
    @Column(name = "model_id")
    public UUID modelId;

    /** Why the job FAILED or was CANCELLED. */
    public String error;

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

    /** stepsDone / stepsTotal, 0 before the total is known. */
    public double progress() {
        return stepsTotal == 0 ? 0 : (double) stepsDone / stepsTotal;
    }
}
