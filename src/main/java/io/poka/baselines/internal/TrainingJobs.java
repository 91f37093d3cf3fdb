package io.poka.baselines.internal;

import io.poka.baselines.internal.training.Prepared;
import io.poka.baselines.internal.training.TrainingSpec;
import io.poka.platform.ProblemException;
import io.poka.platform.jobs.JobKind;
import io.poka.platform.jobs.JobQueue;
import io.poka.platform.jobs.Jobs;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Asynchronous baseline training for clients that show a progress bar, on the platform's job runner: a job is checked
 * and stored when submitted (202), waits QUEUED for a training slot it shares with synchronous training, stores its
 * progress after every step, and ends with the stored model or its error.
 */
@Startup
@ApplicationScoped
public class TrainingJobs {

    /** A job as the API shows it; {@code progress} = stepsDone / stepsTotal. */
    public record JobView(UUID id, String dataset, String trainer, String status, int stepsDone, int stepsTotal,
            double progress, UUID modelId, String error, Instant createdAt, String createdBy, Instant startedAt,
            Instant finishedAt) {
    }

    /** Too many jobs waiting or running (429). */
    static final class QueueFullProblem extends ProblemException {
        QueueFullProblem(int limit) {
            super(429, "baselines/training-queue-full", "Training queue full",
                    limit + " training job(s) already queued or running; try again when one has finished");
            with("limit", limit);
        }
    }

    private final BaselinesService service;
    private final JobQueue<BaselineTrainingJobRecord, JobView> queue;

    TrainingJobs(BaselinesService service, BaselinesConfig config, Jobs jobs) {
        this.service = service;
        this.queue = jobs.define(JobKind.of("BaselineTrainingJob", BaselineTrainingJobRecord.class, TrainingJobs::view,
                "poka-baselines-training", "baselines/job-finished").withSlots(config.concurrentTrainings())
                .withMaxOpen(config.maxQueuedTrainings(), QueueFullProblem::new).startingOnFirstProgress());
    }

    /** Checks data set and trainer (404/400), refuses beyond {@code max-queued-trainings} open jobs (429), queues. */
    public JobView submit(String dataset, String trainer, TrainingSpec spec, String actor) {
        Prepared data = service.checkedTraining(dataset, trainer, spec);
        BaselineTrainingJobRecord r = new BaselineTrainingJobRecord();
        r.dataset = data.provenance().datasetId();
        r.trainer = trainer;
        r.stepsTotal = service.steps(data);
        return queue.submit(r, actor, job -> service.trainWhenFree(data, trainer, actor,
                (done, total) -> job.progress(done)));
    }

    public JobView get(UUID id) {
        return queue.get(id);
    }

    /** Jobs of a data set (or all), newest first. */
    public List<JobView> list(String dataset) {
        return dataset == null ? queue.list(null) : queue.list("dataset = ?1", dataset);
    }

    private static JobView view(BaselineTrainingJobRecord r) {
        return new JobView(r.id, r.dataset, r.trainer, r.status.name(), r.stepsDone, r.stepsTotal, r.progress(),
                r.modelId, r.error, r.createdAt, r.createdBy, r.startedAt, r.finishedAt);
    }
}
