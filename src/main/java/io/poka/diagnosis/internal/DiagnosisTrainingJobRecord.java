package io.poka.diagnosis.internal;

import io.poka.platform.jobs.JobRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An asynchronous training of a fault classifier on the platform's job runner: the data set and its settings. */
@Entity
@Table(name = "training_job", schema = "diagnosis")
public class DiagnosisTrainingJobRecord extends JobRecord {
    @Column(nullable = false)
    public String dataset;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String settings;
}
