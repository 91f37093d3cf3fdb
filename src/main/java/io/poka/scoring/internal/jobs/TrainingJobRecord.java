package io.poka.scoring.internal.jobs;

import io.poka.platform.jobs.JobRecord;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A VAE-GAN training job on the platform's job runner: the data set, line and hyperparameters it trains with and the
 * last epoch's losses; its progress counts epochs (the table's epochs_done of epochs).
 */
@Entity
@Table(name = "training_job", schema = "scoring")
@AttributeOverride(name = "stepsDone", column = @Column(name = "epochs_done", nullable = false))
@AttributeOverride(name = "stepsTotal", column = @Column(name = "epochs", nullable = false))
public class TrainingJobRecord extends JobRecord {
    @Column(name = "dataset_id", nullable = false)
    public UUID datasetId;

    @Column(nullable = false)
    public String line;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String hyperparameters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_loss", columnDefinition = "jsonb")
    public String lastLoss;
}
