package io.poka.baselines.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stored side-by-side comparison of anomaly monitors on a normal data set of the scoring registry. */
@Entity
@Table(name = "anomaly_comparison", schema = "baselines")
public class AnomalyComparisonRecord extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "dataset_id", nullable = false)
    public UUID datasetId;

    @Column(name = "data_fingerprint", nullable = false)
    public String dataFingerprint;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "vae_gan_model_ids", nullable = false, columnDefinition = "jsonb")
    public String vaeGanModelIds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fault_datasets", nullable = false, columnDefinition = "jsonb")
    public String faultDatasets;

    @Column(name = "training_rows", nullable = false)
    public int trainingRows;

    @Column(name = "calibration_rows", nullable = false)
    public int calibrationRows;

    @Column(name = "false_alarm_rate", nullable = false)
    public double falseAlarmRate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String results;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "normal_test_datasets", nullable = false, columnDefinition = "jsonb")
    public String normalTestDatasets;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "alarm_rule", nullable = false, columnDefinition = "jsonb")
    public String alarmRule;

    @Column(name = "alarm_rule_source", nullable = false)
    public String alarmRuleSource;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "mean_over", columnDefinition = "jsonb")
    public String meanOver;

    @Column(name = "equal_false_alarm_rate")
    public Double equalFalseAlarmRate;

    @Column(name = "dynamic_pca_lags", nullable = false)
    public int dynamicPcaLags;

    @Column(name = "first_evaluated_row", nullable = false)
    public int firstEvaluatedRow;

    /** The columns the baselines were fitted on (JSON array); null = every column of the data set. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "feature_columns", columnDefinition = "jsonb")
    public String featureColumns;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
