package io.poka.scoring.internal.jobs;

import io.poka.platform.ConflictProblem;
import io.poka.platform.Leases;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.ProblemException;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.scoring.internal.JsonText;
import io.poka.scoring.internal.ScoringConfig;
import io.poka.scoring.internal.data.Datasets;
import io.poka.scoring.internal.data.NumericTable;
import io.poka.scoring.internal.model.Hyperparameters;
import io.poka.scoring.internal.model.PyTorchRuntime;
import io.poka.scoring.internal.model.VaeGanFit;
import io.poka.scoring.internal.model.VaeGanTraining;
import io.poka.scoring.internal.registry.ModelRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Asynchronous VAE-GAN training: a job is validated and stored when submitted, runs on the module's own bounded
 * executor of the replica that accepted it (shut down with the application), stores epoch and losses while it runs,
 * can be cancelled between two batches from any replica, and ends as a registered model version or with its failure
 * recorded; a job whose replica died is marked failed by another one (heartbeat).
 */
@ApplicationScoped
public class TrainingJobs {
    private static final Logger LOG = Logger.getLogger(TrainingJobs.class);
    private static final Pattern LINE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /** A training job as the API shows it; live epoch and losses while it runs. */
    public record JobView(UUID id, String line, UUID datasetId, String status, int epoch, int epochs,
            VaeGanTraining.EpochLoss lastLoss, String error, UUID modelId, Hyperparameters hyperparameters,
            Instant createdAt, String createdBy, Instant startedAt, Instant finishedAt) {
    }

    /** In-memory state of a job this process runs. */
    private static final class Live {
        final AtomicBoolean cancel = new AtomicBoolean();
        final AtomicInteger epoch = new AtomicInteger();
        volatile VaeGanTraining.EpochLoss lastLoss;
        /** System.nanoTime() of the last progress write. */
        long savedAt = System.nanoTime();
    }

    /** Lease of the replica that fails the jobs of replicas that died. */
    static final String RECOVERY_LEASE = "scoring.training-job-recovery";
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final Datasets datasets;
    private final ModelRegistry registry;
    private final ScoringConfig config;
    private final JsonText json;
    private final Clock clock;
    private final Event<RecordChanged> changes;
    private final String applicationVersion;
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final Leases leases;

    TrainingJobs(Datasets datasets, ModelRegistry registry, ScoringConfig config, JsonText json, Clock clock,
            Event<RecordChanged> changes, Leases leases,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String applicationVersion) {
        this.datasets = datasets;
        this.leases = leases;
        this.registry = registry;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.changes = changes;
        this.applicationVersion = applicationVersion;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(config.concurrentTrainingJobs(), r -> {
            Thread t = new Thread(r, "poka-scoring-training-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Jobs this replica's id left QUEUED or RUNNING in an earlier process cannot resume; they are marked failed at
     * start. Jobs of other replicas are left to {@link #recoverOrphans}, which fails them once their owner's
     * heartbeat is older than poka.scoring.job-heartbeat-timeout.
     */
    void onStart(@Observes StartupEvent ev) {
        QuarkusTransaction.requiringNew().run(() -> TrainingJobRecord.<TrainingJobRecord>list(
                "status in (?1, ?2) and (owner is null or owner = ?3)", TrainingJobRecord.Status.QUEUED,
                TrainingJobRecord.Status.RUNNING, leases.instanceId())
                .forEach(r -> finish(r, TrainingJobRecord.Status.FAILED, "interrupted by an application restart")));
    }

    /** Renews the heartbeat of this replica's jobs and passes on cancels asked for on other replicas. */
    @Scheduled(every = "${poka.platform.lease.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (live.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            for (TrainingJobRecord r : TrainingJobRecord.<TrainingJobRecord>list("owner = ?1 and status in (?2, ?3)",
                    leases.instanceId(), TrainingJobRecord.Status.QUEUED, TrainingJobRecord.Status.RUNNING)) {
                Live l = live.get(r.id);
                if (l == null) {
                    continue;
                }
                r.heartbeatAt = now;
                if (r.cancelRequested) {
                    l.cancel.set(true);
                }
            }
        });
    }

    /**
     * Fails the QUEUED and RUNNING jobs whose replica stopped renewing their heartbeat (it died): they cannot resume
     * elsewhere, and a user can submit them again. Runs on the holder of the {@value #RECOVERY_LEASE} lease.
     */
    @Scheduled(every = "${poka.platform.lease.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recoverOrphans() {
        if (!leases.tryHold(RECOVERY_LEASE)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Instant stale = clock.instant().minus(config.jobHeartbeatTimeout());
            for (TrainingJobRecord r : TrainingJobRecord.<TrainingJobRecord>list(
                    "status in (?1, ?2) and owner is not null and owner <> ?3 and heartbeatAt < ?4",
                    TrainingJobRecord.Status.QUEUED, TrainingJobRecord.Status.RUNNING, leases.instanceId(), stale)) {
                LOG.warnf("Training job %s: its replica %s stopped at %s; marked failed", r.id, r.owner, r.heartbeatAt);
                finish(r, TrainingJobRecord.Status.FAILED, "interrupted: replica " + r.owner
                        + " stopped renewing its heartbeat at " + r.heartbeatAt);
            }
        });
    }

    @PreDestroy
    void stop() {
        live.values().forEach(l -> l.cancel.set(true));
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Validates the request (data set exists and is usable for training with these hyperparameters), stores the job
     * as QUEUED and hands it to the executor.
     */
    public JobView submit(UUID datasetId, String line, Hyperparameters requested, String actor) {
        if (line == null || !LINE.matcher(line).matches()) {
            throw new ValidationProblem("line", "1-64 characters: letters, digits, '.', '_', ':' or '-'");
        }
        if (datasetId == null) {
            throw new ValidationProblem("datasetId", "is required");
        }
        Hyperparameters h = (requested == null ? Hyperparameters.DEFAULTS : requested).withDefaults();
        // fails now, with the reason, on too few rows, constant or mostly-missing columns
        VaeGanFit.checkUsable(datasets.table(datasetId), h, config.minTrainingRows());
        JobView view = QuarkusTransaction.requiringNew().call(() -> {
            TrainingJobRecord r = new TrainingJobRecord();
            r.id = UUID.randomUUID();
            r.datasetId = datasetId;
            r.line = line;
            r.status = TrainingJobRecord.Status.QUEUED;
            r.hyperparameters = json.write(h);
            r.epochs = h.epochs();
            r.createdAt = clock.instant();
            r.createdBy = actor;
            r.owner = leases.instanceId();
            r.heartbeatAt = r.createdAt;
            r.persist();
            JobView v = view(r);
            changes.fire(new RecordChanged("ScoringTrainingJob", r.id.toString(), "CREATED", null, v, null));
            return v;
        });
        live.put(view.id(), new Live());
        executor.submit(() -> run(view.id(), h, actor));
        return view;
    }

    public JobView get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> view(find(id)));
    }

    public List<JobView> list(String line) {
        return QuarkusTransaction.requiringNew().call(() -> (line == null
                ? TrainingJobRecord.<TrainingJobRecord>listAll(Sort.by("createdAt").descending())
                : TrainingJobRecord.<TrainingJobRecord>list("line", Sort.by("createdAt").descending(), line))
                .stream().map(this::view).toList());
    }

    /** Cancels a queued job at once and a running one at its next batch; a finished job cannot be cancelled. */
    public JobView cancel(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingJobRecord r = find(id);
            switch (r.status) {
                case QUEUED -> finish(r, TrainingJobRecord.Status.CANCELLED, "cancelled before it started");
                case RUNNING -> {
                    Live l = live.get(id);
                    if (l != null) {
                        l.cancel.set(true);
                    } else if (!r.cancelRequested) {
                        // runs on another replica: it stops at its next heartbeat
                        JobView before = view(r);
                        r.cancelRequested = true;
                        changes.fire(new RecordChanged("ScoringTrainingJob", r.id.toString(), "CANCEL_REQUESTED",
                                before, view(r), null));
                    }
                }
                default -> throw new ConflictProblem("scoring/job-finished", "Job " + id + " already ended as " + r.status);
            }
            return view(r);
        });
    }

    private void run(UUID id, Hyperparameters h, String actor) {
        Live state = live.get(id);
        try {
            boolean start = QuarkusTransaction.requiringNew().call(() -> {
                TrainingJobRecord r = find(id);
                if (r.status != TrainingJobRecord.Status.QUEUED) {
                    return false;
                }
                JobView before = view(r);
                r.status = TrainingJobRecord.Status.RUNNING;
                r.startedAt = clock.instant();
                changes.fire(new RecordChanged("ScoringTrainingJob", r.id.toString(), "RUNNING", before, view(r), null));
                return true;
            });
            if (!start) {
                return;
            }
            TrainingJobRecord job = QuarkusTransaction.requiringNew().call(() -> find(id));
            NumericTable table = datasets.table(job.datasetId);
            String fingerprint = table.fingerprint();
            LOG.infof("Training job %s: line %s, %d rows x %d variables on %s", id, job.line, table.rowCount(),
                    table.columnCount(), PyTorchRuntime.device());
            VaeGanFit.Fitted fitted = VaeGanFit.fit(table, h, config.minTrainingRows(), PyTorchRuntime.device(),
                    (loss, epochs) -> {
                        state.epoch.set(loss.epoch());
                        state.lastLoss = loss;
                        saveProgress(id, state);
                    }, state.cancel::get);
            QuarkusTransaction.requiringNew().run(() -> {
                ModelRegistry.ModelView model = registry.register(job.line, fitted, job.datasetId, fingerprint, id,
                        PyTorchRuntime.engineDescription(), PyTorchRuntime.device().toString(), applicationVersion, actor);
                TrainingJobRecord r = find(id);
                r.modelId = model.id();
                r.epochsDone = h.epochs();
                r.lastLoss = json.write(fitted.history().get(fitted.history().size() - 1));
                finish(r, TrainingJobRecord.Status.SUCCEEDED, null);
            });
            LOG.infof("Training job %s finished in %d ms", id, fitted.trainingMillis());
        } catch (VaeGanTraining.Cancelled e) {
            end(id, state, TrainingJobRecord.Status.CANCELLED, "cancelled by a user");
        } catch (ProblemException e) {
            end(id, state, TrainingJobRecord.Status.FAILED, e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Training job %s failed", id);
            end(id, state, TrainingJobRecord.Status.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            live.remove(id);
        }
    }

    /** Writes epoch and loss at most once a second, so every replica shows a running job's progress. */
    private void saveProgress(UUID id, Live state) {
        long now = System.nanoTime();
        if (now - state.savedAt < PROGRESS_EVERY_NANOS) {
            return;
        }
        state.savedAt = now;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                TrainingJobRecord r = find(id);
                r.epochsDone = state.epoch.get();
                r.lastLoss = json.write(state.lastLoss);
                r.heartbeatAt = clock.instant();
            });
        } catch (RuntimeException e) {
            LOG.debugf(e, "Progress of training job %s not saved; the next epoch tries again", id);
        }
    }

    private void end(UUID id, Live state, TrainingJobRecord.Status status, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingJobRecord r = find(id);
            r.epochsDone = state.epoch.get();
            if (state.lastLoss != null) {
                r.lastLoss = json.write(state.lastLoss);
            }
            finish(r, status, message);
        });
    }

    private void finish(TrainingJobRecord r, TrainingJobRecord.Status status, String error) {
        JobView before = view(r);
        r.status = status;
        r.error = error;
        r.finishedAt = clock.instant();
        changes.fire(new RecordChanged("ScoringTrainingJob", r.id.toString(), status.name(), before, view(r), null));
    }

    private TrainingJobRecord find(UUID id) {
        return TrainingJobRecord.<TrainingJobRecord>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundProblem("Training job", id));
    }

    private JobView view(TrainingJobRecord r) {
        Live l = r.status == TrainingJobRecord.Status.RUNNING ? live.get(r.id) : null;
        int epoch = l != null ? l.epoch.get() : r.epochsDone;
        VaeGanTraining.EpochLoss loss = l != null ? l.lastLoss : json.read(r.lastLoss, VaeGanTraining.EpochLoss.class);
        return new JobView(r.id, r.line, r.datasetId, r.status.name(), epoch, r.epochs, loss, r.error, r.modelId,
                json.read(r.hyperparameters, Hyperparameters.class), r.createdAt, r.createdBy, r.startedAt, r.finishedAt);
    }
}
