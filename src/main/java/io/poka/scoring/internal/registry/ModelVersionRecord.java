package io.poka.scoring.internal.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One trained model version of a line: its artifact (DJL parameters) and everything needed to trace a score. */
@Entity
@Table(name = "model_version", schema = "scoring")
public class ModelVersionRecord extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String line;

    @Column(nullable = false)
    public int version;

    @Column(name = "dataset_id", nullable = false)
    public UUID datasetId;

    @Column(name = "training_job_id")
    public UUID trainingJobId;

    @Column(name = "data_fingerprint", nullable = false)
    public String dataFingerprint;

    @Column(nullable = false)
    public double threshold;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String metadata;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] artifact;

    @Column(name = "artifact_sha256", nullable = false)
    public String artifactSha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
