package io.poka.diagnosis.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One trained fault-classifier version with its settings, evaluation, parameters and data fingerprint. */
@Entity
@Table(name = "model", schema = "diagnosis")
public class DiagnosisModelRecord extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String dataset;

    @Column(nullable = false)
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String settings;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String evaluation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String parameters;

    /** The training's cross-validated figures (DiagnosisModel.CrossValidated); null for versions stored before. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cross_validation", columnDefinition = "jsonb")
    public String crossValidation;

    @Column(name = "parameters_sha256", nullable = false)
    public String parametersSha256;

    @Column(name = "data_fingerprint", nullable = false)
    public String dataFingerprint;

    @Column(name = "training_ms", nullable = false)
    public long trainingMs;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
