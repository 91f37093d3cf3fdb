package io.poka.baselines.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.baselines.BaselineModel;
import io.poka.baselines.internal.data.BuiltInDatasets;
import io.poka.baselines.internal.data.TabularData;
import io.poka.baselines.internal.anomaly.AnomalyComparisonRun;
import io.poka.baselines.internal.anomaly.AnomalyEvaluation;
import io.poka.baselines.internal.anomaly.AnomalyPredictions;
import io.poka.baselines.internal.anomaly.AnomalyTrainers;
import io.poka.baselines.internal.anomaly.StoredAnomalyModel;
import io.poka.baselines.internal.model.BaselineEvaluation;
import io.poka.baselines.internal.model.BaselineTrainers;
import io.poka.baselines.internal.model.Evaluated;
import io.poka.baselines.internal.model.LimeExplanations;
import io.poka.baselines.internal.model.ModelBytes;
import io.poka.baselines.internal.model.RowPredictor;
import io.poka.baselines.internal.training.AnomalyRows;
import io.poka.baselines.internal.training.AnomalySelection;
import io.poka.baselines.internal.training.Prepared;
import io.poka.baselines.internal.training.SourceTable;
import io.poka.baselines.internal.training.TableSelection;
import io.poka.baselines.internal.training.TrainingProvenance;
import io.poka.baselines.internal.training.TrainingSpec;
import io.poka.scoring.ScoringApi;
import io.poka.platform.JsonColumns;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Trains, stores, compares and applies baseline models, on the built-in data sets and on any data set of the scoring
 * registry (uploaded or built from telemetry). Training runs synchronously in the request (seconds on the built-in
 * data sets) outside any transaction, at most {@code concurrent-trainings} at once; only storing the result
 * is transactional.
 */
@ApplicationScoped
public class BaselinesService {
    private static final Set<String> HEADLINE = Set.of("accuracy", "balancedAccuracy", "macroF1",
            "rocAucMacroOneVsRest", "rmse", "mae", "rmseOfPredictingTrainMean", "targetFalseAlarmRate",
            "heldOutFalseAlarmRate", "detectionRate", "rocAuc");
    private static final String ANOMALY = TrainingSpec.Task.ANOMALY.name();

    /** Full view of one stored model, with its Tribuo provenance and all metrics. */
    public record ModelDetail(BaselineModel model, List<String> features, Map<String, Object> metrics,
            String provenance, TrainingProvenance training) {
    }

    /** Every model of one data set side by side. */
    public record Comparison(String dataset, String task, String dataFingerprint, List<BaselineModel> models) {
    }

    /** Predictions with the model that made them. */
    public record Predictions(UUID modelId, String modelVersion, String trainer, String dataFingerprint,
            List<Map<String, Object>> predictions) {
    }

    private final BaselinesConfig config;
    private final JsonColumns json;
    private final Clock clock;
    private final SecurityIdentity identity;
    private final Event<RecordChanged> changes;
    private final Map<UUID, Model<?>> loaded = new ConcurrentHashMap<>();
    private final Map<UUID, StoredAnomalyModel> loadedMonitors = new ConcurrentHashMap<>();
    private final TrainingSlots slots;
    private final ScoringApi scoring;

    BaselinesService(BaselinesConfig config, ObjectMapper json, Clock clock, SecurityIdentity identity,
            Event<RecordChanged> changes, ScoringApi scoring, TrainingSlots slots) {
        this.scoring = scoring;
        this.config = config;
        this.json = new JsonColumns(json);
        this.clock = clock;
        this.identity = identity;
        this.changes = changes;
        this.slots = slots;
    }

    /** Trains and evaluates the trainer on the data set, then stores the model as the data set's next version. */
    public ModelDetail train(String dataset, String trainer, TrainingSpec spec) {
        Prepared data = checkedTraining(dataset, trainer, spec);
        String actor = identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        return detail(slots.run(() -> evaluateAndStore(data, trainer, actor, (done, total) -> { })));
    }

    /** Trains, evaluates and stores rows already checked by {@link #checkedTraining} (one split for several trainers). */
    public ModelDetail train(Prepared data, String trainer) {
        String actor = identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        return detail(slots.run(() -> evaluateAndStore(data, trainer, actor, (done, total) -> { })));
    }

    /** A stored anomaly model's fitted monitor, limit and standardisation; 404 when the id is no anomaly model. */
    public StoredAnomalyModel anomalyModel(UUID id) {
        BaselineModelRecord r = record(id);
        if (!ANOMALY.equals(r.task)) {
            throw new NotFoundProblem("BaselineAnomalyModel", id);
        }
        return loadedMonitors.computeIfAbsent(id, k -> (StoredAnomalyModel) ModelBytes.readObject(r.modelBytes));
    }

    /**
     * The training rows and hold-out of a data set (a built-in name or a scoring registry data set's id) as the spec
     * chooses them, after checking the trainer fits the task: 404 for an unknown data set, 400 for an unknown trainer
     * or an incomplete spec, 422 ({@link io.poka.baselines.internal.training.TrainingDataProblem}) for data a trainer
     * cannot learn from.
     */
    public Prepared checkedTraining(String dataset, String trainer, TrainingSpec spec) {
        TrainingSpec chosen = spec == null ? TrainingSpec.none() : spec;
        TabularData builtIn = dataset == null ? null : BuiltInDatasets.get(dataset);
        if (AnomalyTrainers.isAnomaly(trainer) || chosen.task() == TrainingSpec.Task.ANOMALY) {
            SourceTable source = builtIn != null ? SourceTable.of(builtIn) : registryTable(dataset);
            if (!AnomalyTrainers.isAnomaly(trainer)) {
                throw new ValidationProblem("trainer", "one of " + AnomalyTrainers.NAMES + " for task ANOMALY on "
                        + dataset);
            }
            if (chosen.task() != null && chosen.task() != TrainingSpec.Task.ANOMALY) {
                throw new ValidationProblem("task", "trainer '" + trainer + "' is an anomaly monitor: task ANOMALY");
            }
            return new AnomalySelection(config.testUnitFraction(), config.anomalyFalseAlarmRate(),
                    config.dynamicPcaLags(), config.anomalyCrossFitBlocks()).prepare(source, chosen);
        }
        if (chosen.anomaly() != null) {
            throw new ValidationProblem("anomaly", "only for task ANOMALY (an anomaly monitor as trainer)");
        }
        if (builtIn != null && chosen.isDefault()) {
            checkTrainer(trainer, builtIn.classification(), dataset);
            Prepared p = BaselineEvaluation.builtIn(builtIn, config.settings());
            String fingerprint = builtIn.fingerprint();
            return new Prepared(builtIn, p.holdout(), p.holdoutProtocol(), new TrainingProvenance(dataset, dataset,
                    fingerprint, fingerprint, task(builtIn.classification()), builtIn.target(), builtIn.features(), null,
                    builtIn.rows(), 0, p.holdout() == null ? builtIn.rows() : p.holdout()[0].length,
                    p.holdout() == null ? 0 : p.holdout()[1].length, p.holdoutProtocol(), null));
        }
        SourceTable source = builtIn != null ? SourceTable.of(builtIn) : registryTable(dataset);
        TrainingSpec.Task task = chosen.task() != null ? chosen.task()
                : builtIn != null && chosen.targetColumn() == null ? (builtIn.classification()
                        ? TrainingSpec.Task.CLASSIFICATION : TrainingSpec.Task.REGRESSION)
                : BaselineTrainers.LOGISTIC_REGRESSION.equals(trainer) ? TrainingSpec.Task.CLASSIFICATION
                : BaselineTrainers.LINEAR_SGD.equals(trainer) ? TrainingSpec.Task.REGRESSION : null;
        if (task == null) {
            throw new ValidationProblem("task", "CLASSIFICATION or REGRESSION (trainer '" + trainer + "' serves both)");
        }
        checkTrainer(trainer, task == TrainingSpec.Task.CLASSIFICATION, dataset);
        String target = chosen.targetColumn() != null ? chosen.targetColumn() : builtIn != null ? builtIn.target() : null;
        return new TableSelection(config.maxClasses(), config.testUnitFraction(), config.seed()).prepare(source,
                new TrainingSpec(task, target, chosen.featureColumns(), chosen.split()));
    }

    private static void checkTrainer(String trainer, boolean classification, String dataset) {
        List<String> trainers = BaselineTrainers.names(classification);
        if (trainer == null || !trainers.contains(trainer)) {
            throw new ValidationProblem("trainer", "one of " + trainers + " for " + (classification ? "classification"
                    : "regression") + " on " + dataset);
        }
    }

    /** A scoring registry data set by id, as a table; 404 when the id is not a stored data set. */
    private SourceTable registryTable(String dataset) {
        ScoringApi.Dataset d = registryDataset(dataset);
        return new SourceTable(d.id().toString(), d.name(), d.fingerprint(), d.variables(), d.rows(), Map.of());
    }

    private ScoringApi.Dataset registryDataset(String dataset) {
        UUID id;
        try {
            id = dataset == null ? null : UUID.fromString(dataset);
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            throw new NotFoundProblem("Dataset", dataset);
        }
        UUID found = id;
        return scoring.dataset(found).orElseThrow(() -> new NotFoundProblem("Dataset", found));
    }

    private static String task(boolean classification) {
        return classification ? "CLASSIFICATION" : "REGRESSION";
    }

    /** Steps a training of these rows reports (see {@link BaselineEvaluation#steps}). */
    public int steps(Prepared data) {
        if (data.anomaly() != null) {
            return AnomalyEvaluation.steps(config.anomalyCrossFitBlocks());
        }
        return BaselineEvaluation.steps(data, config.settings());
    }

    /**
     * For a training job's worker: waits for a free training slot (shared with the synchronous trainings), then
     * trains, evaluates and stores as {@link #train} does; the model is recorded as created by {@code actor}.
     */
    public UUID trainWhenFree(Prepared data, String trainer, String actor, BaselineEvaluation.Progress progress)
            throws InterruptedException {
        return slots.runWhenFree(() -> {
            progress.step(0, steps(data));
            return evaluateAndStore(data, trainer, actor, progress);
        }).id;
    }

    private BaselineModelRecord evaluateAndStore(Prepared data, String trainer, String actor,
            BaselineEvaluation.Progress progress) {
        if (data.anomaly() != null) {
            AnomalyEvaluation.Result e = AnomalyEvaluation.run(data.anomaly(), trainer, anomalySettings(data.anomaly()),
                    config.anomalyCrossFitBlocks(), scoring::calibrateThreshold, config.importance(), progress::step);
            byte[] bytes = ModelBytes.writeObject(e.model());
            BaselineModelRecord stored = QuarkusTransaction.requiringNew().call(() -> store(data, ANOMALY,
                    e.trainer(), e.provenance(), e.metrics(), data.anomaly().features(), e.trainingMillis(),
                    e.rowsPerSecond(), bytes, actor));
            loadedMonitors.put(stored.id, e.model());
            return stored;
        }
        Evaluated e = BaselineEvaluation.run(data, trainer, config.settings(), config.importance(), progress);
        byte[] bytes = ModelBytes.write(e.model());
        BaselineModelRecord stored = QuarkusTransaction.requiringNew().call(() -> store(data,
                task(data.classification()), e.trainer(), e.provenance(), e.metrics(), data.data().features(),
                e.trainingMillis(), e.rowsPerSecond(), bytes, actor));
        loaded.put(stored.id, e.model());
        return stored;
    }

    private AnomalyComparisonRun.Settings anomalySettings(AnomalyRows rows) {
        return new AnomalyComparisonRun.Settings(rows.falseAlarmRate(), config.anomalySpikeLimit(),
                config.pcaVarianceShare(), config.svmNu(), config.svmGamma(), config.isolationForestTrees(),
                config.isolationForestSubsample(), config.seed(), rows.lags());
    }

    private BaselineModelRecord store(Prepared prepared, String task, String trainer, String provenance,
            Map<String, Object> metrics, List<String> features, long trainingMs, double rowsPerSecond, byte[] bytes,
            String actor) {
        BaselineModelRecord r = new BaselineModelRecord();
        r.id = UUID.randomUUID();
        r.dataset = prepared.provenance().datasetId();
        // one version sequence per data set, serialised by a transaction-scoped lock so parallel trainings never
        // compete for the same number
        BaselineModelRecord.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "baselines.model:" + r.dataset).getSingleResult();
        Integer last = BaselineModelRecord.find("select max(m.version) from BaselineModelRecord m where m.dataset = ?1",
                r.dataset).project(Integer.class).firstResult();
        r.version = last == null ? 1 : last + 1;
        r.task = task;
        r.trainer = trainer;
        r.provenance = provenance;
        r.metrics = json.write(metrics);
        r.featureNames = json.write(features);
        r.dataFingerprint = prepared.provenance().datasetFingerprint();
        r.training = json.write(prepared.provenance());
        r.trainingMs = trainingMs;
        r.rowsPerSecond = rowsPerSecond;
        r.modelBytes = bytes;
        r.modelSha256 = sha256(bytes);
        r.createdAt = clock.instant();
        r.createdBy = actor;
        r.persist();
        changes.fire(new RecordChanged("BaselineModel", r.id.toString(), "CREATED", null, summary(r), null));
        return r;
    }

    /**
     * Every model of a data set, oldest first. For a registry data set {@code task} is the models' common task (null
     * when it has none or both).
     */
    public Comparison compare(String dataset) {
        TabularData data = dataset == null ? null : BuiltInDatasets.get(dataset);
        String fingerprint = data != null ? data.fingerprint() : registryDataset(dataset).fingerprint();
        List<BaselineModelRecord> records = BaselineModelRecord.list("dataset = ?1 order by version", dataset);
        List<String> tasks = records.stream().map(r -> r.task).distinct().toList();
        String task = data != null ? task(data.classification()) : tasks.size() == 1 ? tasks.get(0) : null;
        return new Comparison(dataset, task, fingerprint, records.stream().map(this::summary).toList());
    }

    public ModelDetail get(UUID id) {
        return detail(record(id));
    }

    /**
     * Predicts the rows with the model, after checking every row carries exactly the model's numeric columns; with
     * {@code explain}, each classifier prediction carries its LIME explanation.
     */
    @SuppressWarnings("unchecked")
    public Predictions predict(UUID id, List<Map<String, Object>> rows, boolean explain, boolean ignoreExtraColumns) {
        BaselineModelRecord r = record(id);
        if (explain && "REGRESSION".equals(r.task)) {
            throw new ValidationProblem("explain", "explanations are given for classification and anomaly models only");
        }
        if (explain && rows.size() > config.maxExplainedRows()) {
            throw new ValidationProblem("rows", "at most " + config.maxExplainedRows() + " rows per request with explain=true");
        }
        List<String> features = json.read(r.featureNames, new TypeReference<List<String>>() { });
        Map<String, List<String>> problems = RowPredictor.problems(features, rows);
        if (ignoreExtraColumns) {
            problems.put("unknown", List.of());
        }
        if (!problems.get("missing").isEmpty() && problems.get("unknown").isEmpty()
                && problems.get("nonNumeric").isEmpty()) {
            throw new MissingFeaturesProblem(features, problems.get("missing"));
        }
        if (problems.values().stream().anyMatch(l -> !l.isEmpty())) {
            throw new BadRowsProblem("every row needs exactly the numeric columns " + features + problemText(problems),
                    problems.get("missing"), problems.get("unknown"), problems.get("nonNumeric"));
        }
        if (ANOMALY.equals(r.task)) {
            return new Predictions(r.id, r.modelVersion(), r.trainer, r.dataFingerprint,
                    AnomalyPredictions.predict(anomalyModel(id), features, rows, explain));
        }
        Model<?> model = loaded.computeIfAbsent(id, k -> ModelBytes.read(r.modelBytes));
        Function<Example<Label>, Map<String, Object>> explainer = !explain ? null : row -> new LimeExplanations(
                (Model<Label>) model, config.explanationFeatures(), config.explanationSamples(), config.seed()).explain(row);
        return new Predictions(r.id, r.modelVersion(), r.trainer, r.dataFingerprint,
                RowPredictor.predict(model, features, rows, explainer));
    }

    private static String problemText(Map<String, List<String>> problems) {
        StringBuilder s = new StringBuilder();
        problems.forEach((kind, where) -> {
            if (!where.isEmpty()) {
                s.append("; ").append(kind).append(": ").append(where.size() > 5 ? where.subList(0, 5) + "..." : where);
            }
        });
        return s.toString();
    }

    private BaselineModelRecord record(UUID id) {
        BaselineModelRecord r = BaselineModelRecord.findById(id);
        if (r == null) {
            throw new NotFoundProblem("BaselineModel", id);
        }
        return r;
    }

    private ModelDetail detail(BaselineModelRecord r) {
        return new ModelDetail(summary(r), json.read(r.featureNames, new TypeReference<List<String>>() { }),
                json.read(r.metrics, new TypeReference<Map<String, Object>>() { }), r.provenance,
                r.training == null ? null : json.read(r.training, new TypeReference<TrainingProvenance>() { }));
    }

    private BaselineModel summary(BaselineModelRecord r) {
        Map<String, Object> all = json.read(r.metrics, new TypeReference<Map<String, Object>>() { });
        Map<String, Object> headline = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (HEADLINE.contains(k)) {
                headline.put(k, v);
            }
        });
        return new BaselineModel(r.id, r.modelVersion(), r.dataset, r.task, r.trainer, headline, r.dataFingerprint,
                r.trainingMs, r.rowsPerSecond, r.createdAt, r.createdBy);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
