package io.poka.baselines.internal;

import io.poka.platform.jobs.JobRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An asynchronous training of a baseline model on the platform's job runner: the data set and trainer it uses. */
@Entity
@Table(name = "training_job", schema = "baselines")
public class BaselineTrainingJobRecord extends JobRecord {
    @Column(nullable = false)
    public String dataset;

    @Column(nullable = false)
    public String trainer;
}
