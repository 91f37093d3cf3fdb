package io.poka.prognostics.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.poka.platform.NotFoundProblem;
import io.poka.platform.ProblemException;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.prognostics.internal.model.RulModels;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * RUL training as a job: checked and stored when submitted (202), run one at a time on the module's own daemon thread
 * (a CNN fit takes minutes), progress stored after every fold, ending with the stored model or the error. Jobs a
 * restart interrupted are marked failed at start.
 */
@ApplicationScoped
public class RulTrainingJobs {
    private static final Logger LOG = Logger.getLogger(RulTrainingJobs.class);
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
    private final Clock clock;
    private final Event<RecordChanged> changes;
    private final ExecutorService executor;

    RulTrainingJobs(RulTraining training, PrognosticsConfig config, Clock clock, Event<RecordChanged> changes) {
        this.training = training;
        this.config = config;
        this.clock = clock;
        this.changes = changes;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "poka-prognostics-training");
            t.setDaemon(true);
            return t;
        });
    }

    void onStart(@Observes StartupEvent ev) {
        String error = "interrupted by an application restart";
        QuarkusTransaction.requiringNew().run(() -> RulTrainingJobRecord.<RulTrainingJobRecord>list(
                "status in (?1, ?2)", RulTrainingJobRecord.Status.QUEUED, RulTrainingJobRecord.Status.RUNNING)
                .forEach(r -> {
                    r.status = RulTrainingJobRecord.Status.FAILED;
                    r.error = error;
                    r.finishedAt = clock.instant();
                    changes.fire(new RecordChanged("RulTrainingJob", r.id.toString(), "FAILED", null,
                            Map.of("error", error), null));
                }));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        RulTraining.Plan plan = new RulTraining.Plan(kind, n, k, epochs, source != null ? source : RulSource.fd001(n));
        JobView view = QuarkusTransaction.requiringNew().call(() -> {
            long open = RulTrainingJobRecord.count("status in (?1, ?2)", RulTrainingJobRecord.Status.QUEUED,
                    RulTrainingJobRecord.Status.RUNNING);
            if (open >= config.maxQueuedTrainings()) {
                throw new QueueFullProblem(config.maxQueuedTrainings());
            }
            RulTrainingJobRecord r = new RulTrainingJobRecord();
            r.id = UUID.randomUUID();
            r.kind = kind;
            r.units = n;
            r.status = RulTrainingJobRecord.Status.QUEUED;
            r.stepsTotal = RulTraining.steps(plan);
            r.createdAt = clock.instant();
            r.createdBy = actor;
            r.persist();
            changes.fire(new RecordChanged("RulTrainingJob", r.id.toString(), "CREATED", null,
                    Map.of("kind", kind, "units", n, "folds", k, "cnnEpochs", epochs), null));
            return view(r);
        });
        executor.submit(() -> run(view.id(), plan, actor));
        return view;
    }

    public JobView get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> view(find(id)));
    }

    /** Jobs, newest first. */
    public List<JobView> list() {
        return QuarkusTransaction.requiringNew().call(() -> RulTrainingJobRecord.<RulTrainingJobRecord>list(
                "order by createdAt desc").stream().map(this::view).toList());
    }

    private void run(UUID id, RulTraining.Plan plan, String actor) {
        try {
            update(id, r -> {
                r.status = RulTrainingJobRecord.Status.RUNNING;
                r.startedAt = clock.instant();
                changes.fire(new RecordChanged("RulTrainingJob", id.toString(), "RUNNING", null,
                        Map.of("status", r.status.name()), null));
            });
            UUID model = training.train(plan, actor, done -> update(id, r -> r.stepsDone = done));
            update(id, r -> {
                r.status = RulTrainingJobRecord.Status.SUCCEEDED;
                r.stepsDone = r.stepsTotal;
                r.modelId = model;
                r.finishedAt = clock.instant();
                changes.fire(new RecordChanged("RulTrainingJob", id.toString(), "SUCCEEDED", null,
                        Map.of("modelId", model), null));
            });
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "RUL training job %s (%s) failed", id, plan.kind());
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            update(id, r -> {
                r.status = RulTrainingJobRecord.Status.FAILED;
                r.error = message;
                r.finishedAt = clock.instant();
                changes.fire(new RecordChanged("RulTrainingJob", id.toString(), "FAILED", null,
                        Map.of("error", message), null));
            });
        }
    }

    private void update(UUID id, Consumer<RulTrainingJobRecord> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(find(id)));
    }

    private static RulTrainingJobRecord find(UUID id) {
        RulTrainingJobRecord r = RulTrainingJobRecord.findById(id);
        if (r == null) {
            throw new NotFoundProblem("RulTrainingJob", id);
        }
        return r;
    }

    private JobView view(RulTrainingJobRecord r) {
        return new JobView(r.id, r.kind, r.units, r.status.name(), r.stepsDone, r.stepsTotal,
                r.stepsTotal == 0 ? 0 : (double) r.stepsDone / r.stepsTotal, r.modelId, r.error, r.createdAt,
                r.createdBy, r.startedAt, r.finishedAt);
    }
}
