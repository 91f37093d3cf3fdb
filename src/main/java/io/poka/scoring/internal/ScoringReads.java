package io.poka.scoring.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.poka.scoring.ActiveModel;
import io.poka.scoring.DatasetInfo;
import io.poka.scoring.ModelVersion;
import io.poka.scoring.TrainingJob;
import io.poka.scoring.TrainingLoss;
import io.poka.scoring.internal.data.Datasets;
import io.poka.scoring.internal.jobs.TrainingJobs;
import io.poka.scoring.internal.model.VaeGanTraining;
import io.poka.scoring.internal.registry.ActiveModelRecord;
import io.poka.scoring.internal.registry.ModelMetadata;
import io.poka.scoring.internal.registry.ModelRegistry;
import io.poka.platform.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The read side of {@link io.poka.scoring.ScoringApi} for the admin UI: registry, data sets and jobs mapped from the
 * module's internal views to its public records, and the active models with their recent health.
 */
@ApplicationScoped
public class ScoringReads {
    private final ModelRegistry registry;
    private final Datasets datasets;
    private final TrainingJobs jobs;
    private final RecentActivity activity;
    private final JsonText json;

    ScoringReads(ModelRegistry registry, Datasets datasets, TrainingJobs jobs, RecentActivity activity, JsonText json) {
        this.registry = registry;
        this.datasets = datasets;
        this.jobs = jobs;
        this.activity = activity;
        this.json = json;
    }

    @Transactional
    public List<ModelVersion> models(String line) {
        Map<UUID, String> names = datasetNames();
        return registry.list(line).stream().map(v -> version(v, names)).toList();
    }

    /** Not one transaction: a not-found inside it would mark it rollback-only. */
    public Optional<ModelVersion> model(UUID id) {
        try {
            return Optional.of(version(registry.get(id), datasetNames()));
        } catch (NotFoundProblem e) {
            return Optional.empty();
        }
    }

    @Transactional
    public List<DatasetInfo> datasets() {
        return datasets.list().stream()
                .map(d -> new DatasetInfo(d.id(), d.name(), d.fingerprint(), d.variables().size(), d.rowCount(),
                        d.createdAt(), d.createdBy()))
                .sorted(Comparator.comparing(DatasetInfo::createdAt).reversed()).toList();
    }

    public List<TrainingJob> trainingJobs(String line) {
        return jobs.list(line).stream().map(ScoringReads::job).toList();
    }

    public Optional<TrainingJob> trainingJob(UUID id) {
        try {
            return Optional.of(job(jobs.get(id)));
        } catch (NotFoundProblem e) {
            return Optional.empty();
        }
    }

    @Transactional
    public List<ActiveModel> activeModels() {
        List<ActiveModelRecord> active = ActiveModelRecord.listAll();
        return active.stream().sorted(Comparator.comparing((ActiveModelRecord a) -> a.line)).map(a -> {
            ModelRegistry.ModelView v = registry.get(a.modelId);
            double alpha = v.metadata().hyperparameters().falseAlarmRate();
            return new ActiveModel(a.line, v.id(), v.version(), v.threshold(), v.createdAt(), a.activatedAt,
                    a.activatedBy, alpha, activity.health(a.line, alpha));
        }).toList();
    }

    private Map<UUID, String> datasetNames() {
        return datasets.list().stream().collect(Collectors.toMap(Datasets.DatasetView::id, Datasets.DatasetView::name,
                (a, b) -> a));
    }

    private ModelVersion version(ModelRegistry.ModelView v, Map<UUID, String> datasetNames) {
        ModelMetadata m = v.metadata();
        Map<String, Object> hyperparameters = json.read(json.write(m.hyperparameters()),
                new TypeReference<Map<String, Object>>() { });
        List<TrainingLoss> losses = m.lossHistory() == null ? List.of()
                : m.lossHistory().stream().map(ScoringReads::loss).toList();
        return new ModelVersion(v.id(), v.line(), v.version(), v.active(), v.datasetId(),
                datasetNames.get(v.datasetId()), v.dataFingerprint(), v.threshold(),
                m.hyperparameters().falseAlarmRate(), m.featureStatistics().variables(), m.trainingRows(),
                m.calibrationRows(), m.validation(), hyperparameters, losses, m.trainingMillis(), m.engine(),
                m.device(), m.applicationVersion(), v.artifactBytes(), v.artifactSha256(), v.trainingJobId(),
                v.createdAt(), v.createdBy());
    }

    private static TrainingJob job(TrainingJobs.JobView j) {
        return new TrainingJob(j.id(), j.line(), j.datasetId(), j.status(), j.epoch(), j.epochs(), loss(j.lastLoss()),
                j.error(), j.modelId(), j.createdAt(), j.createdBy(), j.startedAt(), j.finishedAt());
    }

    private static TrainingLoss loss(VaeGanTraining.EpochLoss l) {
        return l == null ? null : new TrainingLoss(l.epoch(), l.reconstruction(), l.kl(), l.adversarial(),
                l.discriminator());
    }
}
