package io.poka.diagnosis.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An asynchronous training of a fault classifier: its state and, once done, the stored model or the error. */
@Entity
@Table(name = "training_job", schema = "diagnosis")
public class DiagnosisTrainingJobRecord extends PanacheEntityBase {
    /** QUEUED until a worker takes it, RUNNING while it trains, then SUCCEEDED (with a model) or FAILED (with an error). */
    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String dataset;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String settings;

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
