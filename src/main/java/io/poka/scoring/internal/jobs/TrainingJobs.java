package io.poka.scoring.internal.jobs;

import io.poka.platform.ValidationProblem;
import io.poka.platform.jobs.JobContext;
import io.poka.platform.jobs.JobKind;
import io.poka.platform.jobs.JobQueue;
import io.poka.platform.jobs.Jobs;
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
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Asynchronous VAE-GAN training on the platform's job runner: a job is validated and stored when submitted, runs on
 * poka.scoring.concurrent-training-jobs threads, stores epoch and losses at most once a second, can be cancelled
 * between two batches from any replica, and ends as a registered model version or with its failure recorded.
 */
@Startup
@ApplicationScoped
public class TrainingJobs {
    private static final Logger LOG = Logger.getLogger(TrainingJobs.class);
    private static final Pattern LINE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /** A training job as the API shows it; epoch and losses of a running job as stored (at most a second old). */
    public record JobView(UUID id, String line, UUID datasetId, String status, int epoch, int epochs,
            VaeGanTraining.EpochLoss lastLoss, String error, UUID modelId, Hyperparameters hyperparameters,
            Instant createdAt, String createdBy, Instant startedAt, Instant finishedAt) {
    }

    private final Datasets datasets;
    private final ModelRegistry registry;
    private final ScoringConfig config;
    private final JsonText json;
    private final String applicationVersion;
    private final JobQueue<TrainingJobRecord, JobView> queue;

    TrainingJobs(Datasets datasets, ModelRegistry registry, ScoringConfig config, JsonText json, Jobs jobs,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String applicationVersion) {
        this.datasets = datasets;
        this.registry = registry;
        this.config = config;
        this.json = json;
        this.applicationVersion = applicationVersion;
        this.queue = jobs.define(JobKind.of("ScoringTrainingJob", TrainingJobRecord.class, this::view,
                "poka-scoring-training", "scoring/job-finished").withSlots(config.concurrentTrainingJobs())
                .withHeartbeatTimeout(config.jobHeartbeatTimeout()).withProgressEvery(Duration.ofSeconds(1)));
    }

    /**
     * Validates the request (data set exists and is usable for training with these hyperparameters), stores the job
     * as QUEUED and hands it to the runner.
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
        TrainingJobRecord r = new TrainingJobRecord();
        r.datasetId = datasetId;
        r.line = line;
        r.hyperparameters = json.write(h);
        r.stepsTotal = h.epochs();
        return queue.submit(r, actor, job -> train(job, datasetId, line, h, actor));
    }

    public JobView get(UUID id) {
        return queue.get(id);
    }

    public List<JobView> list(String line) {
        return line == null ? queue.list(null) : queue.list("line = ?1", line);
    }

    /** Cancels a queued job at once and a running one at its next batch; a finished job cannot be cancelled. */
    public JobView cancel(UUID id) {
        return queue.cancel(id);
    }

    private UUID train(JobContext<TrainingJobRecord> job, UUID datasetId, String line, Hyperparameters h, String actor) {
        NumericTable table = datasets.table(datasetId);
        String fingerprint = table.fingerprint();
        LOG.infof("Training job %s: line %s, %d rows x %d variables on %s", job.id(), line, table.rowCount(),
                table.columnCount(), PyTorchRuntime.device());
        VaeGanFit.Fitted fitted = VaeGanFit.fit(table, h, config.minTrainingRows(), PyTorchRuntime.device(),
                (loss, epochs) -> job.progress(loss.epoch(), r -> r.lastLoss = json.write(loss)), job::cancelled);
        VaeGanTraining.EpochLoss last = fitted.history().get(fitted.history().size() - 1);
        job.progress(h.epochs(), r -> r.lastLoss = json.write(last));
        UUID model = QuarkusTransaction.requiringNew().call(() -> registry.register(line, fitted, datasetId,
                fingerprint, job.id(), PyTorchRuntime.engineDescription(), PyTorchRuntime.device().toString(),
                applicationVersion, actor).id());
        LOG.infof("Training job %s finished in %d ms", job.id(), fitted.trainingMillis());
        return model;
    }

    private JobView view(TrainingJobRecord r) {
        return new JobView(r.id, r.line, r.datasetId, r.status.name(), r.stepsDone, r.stepsTotal,
                json.read(r.lastLoss, VaeGanTraining.EpochLoss.class), r.error, r.modelId,
                json.read(r.hyperparameters, Hyperparameters.class), r.createdAt, r.createdBy, r.startedAt, r.finishedAt);
    }
}
