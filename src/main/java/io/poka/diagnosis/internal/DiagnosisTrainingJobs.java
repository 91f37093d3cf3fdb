package io.poka.diagnosis.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.diagnosis.DiagnosisModel;
import io.poka.platform.JsonColumns;
import io.poka.platform.jobs.JobKind;
import io.poka.platform.jobs.JobQueue;
import io.poka.platform.jobs.Jobs;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fault-classifier training as a job on the platform's job runner: checked and stored when submitted (202), trained
 * one at a time, ending with the stored model or its error; every state change is audited.
 */
@Startup
@ApplicationScoped
public class DiagnosisTrainingJobs {

    /** A job as the API shows it. */
    @Schema(name = "DiagnosisTrainingJob")
    public record JobView(UUID id, String dataset, String status, DiagnosisModel.Settings settings, UUID modelId,
            String error, Instant createdAt, String createdBy, Instant startedAt, Instant finishedAt) {
    }

    private final DiagnosisModels models;
    private final JsonColumns json;
    private final JobQueue<DiagnosisTrainingJobRecord, JobView> queue;

    DiagnosisTrainingJobs(DiagnosisModels models, DiagnosisConfig config, ObjectMapper json, Jobs jobs) {
        this.models = models;
        this.json = new JsonColumns(json);
        this.queue = jobs.define(JobKind.of("DiagnosisTrainingJob", DiagnosisTrainingJobRecord.class, this::view,
                "poka-diagnosis-training", "diagnosis/job-finished")
                .withMaxOpen(config.maxQueuedTrainings(), DiagnosisProblems.QueueFullProblem::new));
    }

    /** Checks data set and settings (404/400), refuses beyond max-queued-trainings open jobs (429), queues. */
    public JobView submit(String dataset, DiagnosisModels.TrainRequest request, String actor) {
        DiagnosisModel.Settings settings = models.settings(dataset, request);
        DiagnosisTrainingJobRecord r = new DiagnosisTrainingJobRecord();
        r.dataset = dataset;
        r.settings = json.write(settings);
        return queue.submit(r, actor, job -> models.train(dataset, settings, actor));
    }

    public JobView get(UUID id) {
        return queue.get(id);
    }

    /** Every job, newest first. */
    public List<JobView> list() {
        return queue.list(null);
    }

    private JobView view(DiagnosisTrainingJobRecord r) {
        return new JobView(r.id, r.dataset, r.status.name(), json.read(r.settings, DiagnosisModel.Settings.class),
                r.modelId, r.error, r.createdAt, r.createdBy, r.startedAt, r.finishedAt);
    }
}
