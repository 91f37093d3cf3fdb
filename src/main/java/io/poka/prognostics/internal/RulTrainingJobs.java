package io.poka.prognostics.internal;

import io.poka.platform.ProblemException;
import io.poka.platform.ValidationProblem;
import io.poka.platform.jobs.JobKind;
import io.poka.platform.jobs.JobQueue;
import io.poka.platform.jobs.Jobs;
import io.poka.prognostics.internal.model.RulModels;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RUL training as a job on the platform's job runner: checked and stored when submitted (202), run one at a time (a
 * CNN fit takes minutes), progress stored after every fold, ending with the stored model or the error.
 */
@Startup
@ApplicationScoped
public class RulTrainingJobs {
    /** Fewest units a training may use: each of the folds needs units on both sides. */
    static final int MIN_UNITS = 6;
    static final int MAX_FOLDS = 10;
    static final int MAX_CNN_EPOCHS = 500;

    /** A job as the API shows it; {@code progress} = stepsDone / stepsTotal. */
    @Schema(name = "RulTrainingJob")
    public record JobView(UUID id, String kind, int units, String status, int stepsDone, int stepsTotal,
            double progress, UUID modelId, String error, Instant createdAt, String createdBy, Instant startedAt,
            Instant finishedAt) {
    }

    /** Too many jobs waiting or running (429). */
    static final class QueueFullProblem extends ProblemException {
        QueueFullProblem(int limit) {
            super(429, "prognostics/training-queue-full", "Training queue full",
                    limit + " RUL training job(s) already queued or running; try again when one has finished");
            with("limit", limit);
        }
    }

    private final RulTraining training;
    private final PrognosticsConfig config;
    private final JobQueue<RulTrainingJobRecord, JobView> queue;

    RulTrainingJobs(RulTraining training, PrognosticsConfig config, Jobs jobs) {
        this.training = training;
        this.config = config;
        this.queue = jobs.define(JobKind.of("RulTrainingJob", RulTrainingJobRecord.class, RulTrainingJobs::view,
                "poka-prognostics-training", "prognostics/job-finished")
                .withMaxOpen(config.maxQueuedTrainings(), QueueFullProblem::new));
    }

    /**
     * Checks the request (400 with every bad field), refuses beyond {@code max-queued-trainings} open jobs (429),
     * queues. Null fields take their defaults: all 100 units, {@code folds}, {@code cnn-epochs}. A plant
     * {@code source} (null: FD001) replaces the units.
     */
    public JobView submit(String kind, Integer units, Integer folds, Integer cnnEpochs, RulSource source, String actor) {
        int n = source != null ? source.units().size() : units == null ? 100 : units;
        int k = folds == null ? config.folds() : folds;
        int epochs = cnnEpochs == null ? config.cnnEpochs() : cnnEpochs;
        List<ValidationProblem.FieldError> errors = new java.util.ArrayList<>();
        if (kind == null || !RulModels.KINDS.contains(kind)) {
            errors.add(new ValidationProblem.FieldError("model", "one of " + String.join(", ", RulModels.KINDS)));
        }
        if (source == null && (n < MIN_UNITS || n > 100)) {
            errors.add(new ValidationProblem.FieldError("units", "between " + MIN_UNITS + " and 100 (FD001 has 100 units)"));
        }
        if (k < 2 || k > Math.min(MAX_FOLDS, n / 2)) {
            errors.add(new ValidationProblem.FieldError("folds", "between 2 and " + Math.min(MAX_FOLDS, n / 2)
                    + " (at least two units per fold)"));
        }
        if (epochs < 1 || epochs > MAX_CNN_EPOCHS) {
            errors.add(new ValidationProblem.FieldError("cnnEpochs", "between 1 and " + MAX_CNN_EPOCHS));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("invalid RUL training request", errors);
        }
        RulTraining.Plan plan = new RulTraining.Plan(kind, n, k, epochs,
                source != null ? source : RulSource.fd001(n));
        RulTrainingJobRecord r = new RulTrainingJobRecord();
        r.kind = kind;
        r.units = n;
        r.stepsTotal = RulTraining.steps(plan);
        // audited: what was asked and which data (its name and fingerprint), not the unit histories themselves
        Map<String, Object> request = Map.of("kind", kind, "units", n, "folds", k, "cnnEpochs", epochs,
                "dataset", plan.source().dataset(), "dataFingerprint", plan.source().fingerprint());
        return queue.submit(r, actor, request, job -> training.train(plan, actor, job::progress));
    }

    public JobView get(UUID id) {
        return queue.get(id);
    }

    /** Jobs, newest first. */
    public List<JobView> list() {
        return queue.list(null);
    }

    private static JobView view(RulTrainingJobRecord r) {
        return new JobView(r.id, r.kind, r.units, r.status.name(), r.stepsDone, r.stepsTotal, r.progress(), r.modelId,
                r.error, r.createdAt, r.createdBy, r.startedAt, r.finishedAt);
    }
}
