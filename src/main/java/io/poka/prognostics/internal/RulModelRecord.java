package io.poka.prognostics.internal;

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

/** One trained RUL model version with its provenance, validation and serialised model. */
@Entity
@Table(name = "model", schema = "prognostics")
public class RulModelRecord extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String dataset;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String kind;

    @Column(name = "data_fingerprint", nullable = false)
    public String dataFingerprint;

    @Column(nullable = false)
    public int units;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String sensors;

    @Column(name = "window_cycles", nullable = false)
    public int window;

    @Column(name = "rul_cap", nullable = false)
    public int cap;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String hyperparameters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String validation;

    @Column(nullable = false)
    public String provenance;

    @Column(name = "training_ms", nullable = false)
    public long trainingMs;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "model_bytes", nullable = false)
    public byte[] modelBytes;

    @Column(name = "model_sha256", nullable = false)
    public String modelSha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "promoted_at")
    public Instant promotedAt;

    @Column(name = "promoted_by")
    public String promotedBy;

    @Column(name = "promotion_reason")
    public String promotionReason;

    /** Null for FD001; else the plant data set, columns and failure definition trained on (RulSource.Spec). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String source;

    /** The version as users see it, e.g. {@code cmapss-fd001@v3}. */
    public String modelVersion() {
        return dataset + "@v" + version;
    }
}
