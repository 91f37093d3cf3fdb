package io.poka.baselines.internal;

import io.poka.baselines.internal.training.Prepared;
import io.poka.baselines.internal.training.TrainingSpec;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.ProblemException;
import io.poka.platform.RecordChanged;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Asynchronous baseline training for clients that show a progress bar: a job is checked and stored when submitted
 * (202), runs on the module's own daemon threads through the same training slots as synchronous training, stores its
 * progress after every step, and ends with the stored model or its error. Jobs a restart interrupted are marked
 * failed at start.
 */
@ApplicationScoped
public class TrainingJobs {
    private static final Logger LOG = Logger.getLogger(TrainingJobs.class);

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
    private final BaselinesConfig config;
    private final Clock clock;
    private final Event<RecordChanged> changes;
    private final ExecutorService executor;

    TrainingJobs(BaselinesService service, BaselinesConfig config, Clock clock, Event<RecordChanged> changes) {
        this.service = service;
        this.config = config;
        this.clock = clock;
        this.changes = changes;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(config.concurrentTrainings(), r -> {
            Thread t = new Thread(r, "poka-baselines-training-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void onStart(@Observes StartupEvent ev) {
        String error = "interrupted by an application restart";
        QuarkusTransaction.requiringNew().run(() -> BaselineTrainingJobRecord.<BaselineTrainingJobRecord>list(
                "status in (?1, ?2)", BaselineTrainingJobRecord.Status.QUEUED, BaselineTrainingJobRecord.Status.RUNNING)
                .forEach(r -> {
                    r.status = BaselineTrainingJobRecord.Status.FAILED;
                    r.error = error;
                    r.finishedAt = clock.instant();
                    changes.fire(new RecordChanged("BaselineTrainingJob", r.id.toString(), "FAILED", null,
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

    /** Checks data set and trainer (404/400), refuses beyond {@code max-queued-trainings} open jobs (429), queues. */
    public JobView submit(String dataset, String trainer, TrainingSpec spec, String actor) {
        Prepared data = service.checkedTraining(dataset, trainer, spec);
        JobView view = QuarkusTransaction.requiringNew().call(() -> {
            long open = BaselineTrainingJobRecord.count("status in (?1, ?2)", BaselineTrainingJobRecord.Status.QUEUED,
                    BaselineTrainingJobRecord.Status.RUNNING);
            if (open >= config.maxQueuedTrainings()) {
                throw new QueueFullProblem(config.maxQueuedTrainings());
            }
            BaselineTrainingJobRecord r = new BaselineTrainingJobRecord();
            r.id = UUID.randomUUID();
            r.dataset = data.provenance().datasetId();
            r.trainer = trainer;
            r.status = BaselineTrainingJobRecord.Status.QUEUED;
            r.stepsTotal = service.steps(data);
            r.createdAt = clock.instant();
            r.createdBy = actor;
            r.persist();
            JobView v = view(r);
            changes.fire(new RecordChanged("BaselineTrainingJob", r.id.toString(), "CREATED", null,
                    Map.of("dataset", r.dataset, "trainer", r.trainer), null));
            return v;
        });
        executor.submit(() -> run(view.id(), data, trainer, actor));
        return view;
    }

    public JobView get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> view(find(id)));
    }

    /** Jobs of a data set (or all), newest first. */
    public List<JobView> list(String dataset) {
        return QuarkusTransaction.requiringNew().call(() -> (dataset == null
                ? BaselineTrainingJobRecord.<BaselineTrainingJobRecord>list("order by createdAt desc")
                : BaselineTrainingJobRecord.<BaselineTrainingJobRecord>list("dataset = ?1 order by createdAt desc", dataset))
                .stream().map(this::view).toList());
    }

    private void run(UUID id, Prepared data, String trainer, String actor) {
        try {
            UUID model = service.trainWhenFree(data, trainer, actor, (done, total) -> update(id, r -> {
                if (r.status == BaselineTrainingJobRecord.Status.QUEUED) {
                    r.status = BaselineTrainingJobRecord.Status.RUNNING;
                    r.startedAt = clock.instant();
                    changes.fire(new RecordChanged("BaselineTrainingJob", id.toString(), "RUNNING", null,
                            Map.of("status", r.status.name()), null));
                }
                r.stepsDone = done;
            }));
            update(id, r -> {
                r.status = BaselineTrainingJobRecord.Status.SUCCEEDED;
                r.stepsDone = r.stepsTotal;
                r.modelId = model;
                r.finishedAt = clock.instant();
                changes.fire(new RecordChanged("BaselineTrainingJob", id.toString(), "SUCCEEDED", null,
                        Map.of("modelId", model), null));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Baseline training job %s (%s on %s) failed", id, trainer, data.provenance().datasetId());
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            update(id, r -> {
                r.status = BaselineTrainingJobRecord.Status.FAILED;
                r.error = message;
                r.finishedAt = clock.instant();
                changes.fire(new RecordChanged("BaselineTrainingJob", id.toString(), "FAILED", null,
                        Map.of("error", message), null));
            });
        }
    }

    private void update(UUID id, java.util.function.Consumer<BaselineTrainingJobRecord> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(find(id)));
    }

    private static BaselineTrainingJobRecord find(UUID id) {
        BaselineTrainingJobRecord r = BaselineTrainingJobRecord.findById(id);
        if (r == null) {
            throw new NotFoundProblem("BaselineTrainingJob", id);
        }
        return r;
    }

    private JobView view(BaselineTrainingJobRecord r) {
        return new JobView(r.id, r.dataset, r.trainer, r.status.name(), r.stepsDone, r.stepsTotal,
                r.stepsTotal == 0 ? 0 : (double) r.stepsDone / r.stepsTotal, r.modelId, r.error, r.createdAt,
                r.createdBy, r.startedAt, r.finishedAt);
    }
}
