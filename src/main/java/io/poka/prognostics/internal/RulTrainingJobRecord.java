package io.poka.prognostics.internal;

import io.poka.platform.jobs.JobRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An asynchronous RUL training on the platform's job runner: the model kind and units; steps are folds, then the fit. */
@Entity
@Table(name = "training_job", schema = "prognostics")
public class RulTrainingJobRecord extends JobRecord {
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public int units;
}
