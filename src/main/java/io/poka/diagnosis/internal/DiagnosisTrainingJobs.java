package io.poka.diagnosis.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.diagnosis.DiagnosisModel;
import io.poka.platform.NotFoundProblem;
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
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Fault-classifier training as a job: checked and stored when submitted (202), trained on the module's own daemon
 * thread, ending with the stored model or its error; every state change is audited. Jobs a restart interrupted are
 * marked failed at start.
 */
@ApplicationScoped
public class DiagnosisTrainingJobs {
    private static final Logger LOG = Logger.getLogger(DiagnosisTrainingJobs.class);

    /** A job as the API shows it. */
    @Schema(name = "DiagnosisTrainingJob")
    public record JobView(UUID id, String dataset, String status, DiagnosisModel.Settings settings, UUID modelId,
            String error, Instant createdAt, String createdBy, Instant startedAt, Instant finishedAt) {
    }

    private final DiagnosisModels models;
    private final DiagnosisConfig config;
    private final DiagnosisJson json;
    private final Clock clock;
    private final Event<RecordChanged> changes;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poka-diagnosis-training");
        t.setDaemon(true);
        return t;
    });

    DiagnosisTrainingJobs(DiagnosisModels models, DiagnosisConfig config, ObjectMapper json, Clock clock,
            Event<RecordChanged> changes) {
        this.models = models;
        this.config = config;
        this.json = new DiagnosisJson(json);
        this.clock = clock;
        this.changes = changes;
    }

    void onStart(@Observes StartupEvent ev) {
        String error = "interrupted by an application restart";
        QuarkusTransaction.requiringNew().run(() -> DiagnosisTrainingJobRecord.<DiagnosisTrainingJobRecord>list(
                "status in (?1, ?2)", DiagnosisTrainingJobRecord.Status.QUEUED, DiagnosisTrainingJobRecord.Status.RUNNING)
                .forEach(r -> {
                    r.status = DiagnosisTrainingJobRecord.Status.FAILED;
                    r.error = error;
                    r.finishedAt = clock.instant();
                    changes.fire(new RecordChanged("DiagnosisTrainingJob", r.id.toString(), "FAILED", null,
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

    /** Checks data set and settings (404/400), refuses beyond max-queued-trainings open jobs (429), queues. */
    public JobView submit(String dataset, DiagnosisModels.TrainRequest request, String actor) {
        DiagnosisModel.Settings settings = models.settings(dataset, request);
        JobView view = QuarkusTransaction.requiringNew().call(() -> {
            long open = DiagnosisTrainingJobRecord.count("status in (?1, ?2)", DiagnosisTrainingJobRecord.Status.QUEUED,
                    DiagnosisTrainingJobRecord.Status.RUNNING);
            if (open >= config.maxQueuedTrainings()) {
                throw new DiagnosisProblems.QueueFullProblem(config.maxQueuedTrainings());
            }
            DiagnosisTrainingJobRecord r = new DiagnosisTrainingJobRecord();
            r.id = UUID.randomUUID();
            r.dataset = dataset;
            r.status = DiagnosisTrainingJobRecord.Status.QUEUED;
            r.settings = json.write(settings);
            r.createdAt = clock.instant();
            r.createdBy = actor;
            r.persist();
            changes.fire(new RecordChanged("DiagnosisTrainingJob", r.id.toString(), "CREATED", null,
                    Map.of("dataset", dataset, "settings", settings), null));
            return view(r);
        });
        executor.submit(() -> run(view.id(), dataset, settings, actor));
        return view;
    }

    public JobView get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> view(find(id)));
    }

    /** Every job, newest first. */
    public List<JobView> list() {
        return QuarkusTransaction.requiringNew().call(() -> DiagnosisTrainingJobRecord
                .<DiagnosisTrainingJobRecord>list("order by createdAt desc").stream().map(this::view).toList());
    }

    private void run(UUID id, String dataset, DiagnosisModel.Settings settings, String actor) {
        try {
            update(id, r -> {
                r.status = DiagnosisTrainingJobRecord.Status.RUNNING;
                r.startedAt = clock.instant();
                changes.fire(new RecordChanged("DiagnosisTrainingJob", id.toString(), "RUNNING", null,
                        Map.of("status", r.status.name()), null));
            });
            UUID model = models.train(dataset, settings, actor);
            update(id, r -> {
                r.status = DiagnosisTrainingJobRecord.Status.SUCCEEDED;
                r.modelId = model;
                r.finishedAt = clock.instant();
                changes.fire(new RecordChanged("DiagnosisTrainingJob", id.toString(), "SUCCEEDED", null,
                        Map.of("modelId", model), null));
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "diagnosis training job %s failed", id);
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            update(id, r -> {
                r.status = DiagnosisTrainingJobRecord.Status.FAILED;
                r.error = error;
                r.finishedAt = clock.instant();
                changes.fire(new RecordChanged("DiagnosisTrainingJob", id.toString(), "FAILED", null,
                        Map.of("error", error), null));
            });
        }
    }

    private void update(UUID id, Consumer<DiagnosisTrainingJobRecord> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(find(id)));
    }

    private DiagnosisTrainingJobRecord find(UUID id) {
        DiagnosisTrainingJobRecord r = DiagnosisTrainingJobRecord.findById(id);
        if (r == null) {
            throw new NotFoundProblem("Diagnosis training job", id);
        }
        return r;
    }

    private JobView view(DiagnosisTrainingJobRecord r) {
        return new JobView(r.id, r.dataset, r.status.name(), json.read(r.settings, DiagnosisModel.Settings.class),
                r.modelId, r.error, r.createdAt, r.createdBy, r.startedAt, r.finishedAt);
    }
}
