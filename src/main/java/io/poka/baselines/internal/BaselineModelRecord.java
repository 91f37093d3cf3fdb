package io.poka.baselines.internal;

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

/** One trained baseline model version of a data set (built in or of the scoring registry), with its provenance, metrics and serialized model. */
@Entity
@Table(name = "model", schema = "baselines")
public class BaselineModelRecord extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String dataset;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String task;

    @Column(nullable = false)
    public String trainer;

    @Column(nullable = false)
    public String provenance;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String metrics;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "feature_names", nullable = false, columnDefinition = "jsonb")
    public String featureNames;

    @Column(name = "data_fingerprint", nullable = false)
    public String dataFingerprint;

    /** {@link io.poka.baselines.internal.training.TrainingProvenance} as JSON; null on models stored before it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String training;

    @Column(name = "training_ms", nullable = false)
    public long trainingMs;

    @Column(name = "rows_per_second", nullable = false)
    public double rowsPerSecond;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "model_bytes", nullable = false)
    public byte[] modelBytes;

    @Column(name = "model_sha256", nullable = false)
    public String modelSha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The version as users see it, e.g. {@code steel-plates@v3}. */
    public String modelVersion() {
        return dataset + "@v" + version;
    }
}
