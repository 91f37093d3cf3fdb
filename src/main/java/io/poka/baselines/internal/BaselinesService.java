package io.poka.baselines.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.baselines.BaselineModel;
import io.poka.baselines.internal.data.BuiltInDatasets;
import io.poka.baselines.internal.data.TabularData;
import io.poka.baselines.internal.model.BaselineEvaluation;
import io.poka.baselines.internal.model.BaselineTrainers;
import io.poka.baselines.internal.model.Evaluated;
import io.poka.baselines.internal.model.LimeExplanations;
import io.poka.baselines.internal.model.ModelBytes;
import io.poka.baselines.internal.model.RowPredictor;
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
 * Trains, stores, compares and applies baseline models. Training runs synchronously in the request (seconds on the
 * built-in data sets) outside any transaction, at most {@code concurrent-trainings} at once; only storing the result
 * is transactional.
 */
@ApplicationScoped
public class BaselinesService {
    private static final Set<String> HEADLINE = Set.of("accuracy", "balancedAccuracy", "macroF1",
            "rocAucMacroOneVsRest", "rmse", "mae", "rmseOfPredictingTrainMean");

    /** Full view of one stored model, with its Tribuo provenance and all metrics. */
    public record ModelDetail(BaselineModel model, List<String> features, Map<String, Object> metrics,
            String provenance) {
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
    private final TrainingSlots slots;

    BaselinesService(BaselinesConfig config, ObjectMapper json, Clock clock, SecurityIdentity identity,
            Event<RecordChanged> changes) {
        this.config = config;
        this.json = new JsonColumns(json);
        this.clock = clock;
        this.identity = identity;
        this.changes = changes;
        this.slots = new TrainingSlots(config.concurrentTrainings());
    }

    /** Trains and evaluates the trainer on the data set, then stores the model as the data set's next version. */
    public ModelDetail train(String dataset, String trainer) {
        TabularData data = checkedTraining(dataset, trainer);
        String actor = identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        return detail(slots.run(() -> evaluateAndStore(data, trainer, actor, (done, total) -> { })));
    }

    /**
     * The data set, after checking the trainer fits its task; 404 for an unknown data set, 400 for an unknown
     * trainer.
     */
    public TabularData checkedTraining(String dataset, String trainer) {
        TabularData data = dataset(dataset);
        List<String> trainers = BaselineTrainers.names(data.classification());
        if (trainer == null || !trainers.contains(trainer)) {
            throw new ValidationProblem("trainer", "one of " + trainers + " for " + dataset);
        }
        return data;
    }

    /** Steps a training of this data set reports (see {@link BaselineEvaluation#steps}). */
    public int steps(TabularData data) {
        return BaselineEvaluation.steps(data, config.settings());
    }

    /**
     * For a training job's worker: waits for a free training slot (shared with the synchronous trainings), then
     * trains, evaluates and stores as {@link #train} does; the model is recorded as created by {@code actor}.
     */
    public UUID trainWhenFree(TabularData data, String trainer, String actor, BaselineEvaluation.Progress progress)
            throws InterruptedException {
        return slots.runWhenFree(() -> {
            progress.step(0, steps(data));
            return evaluateAndStore(data, trainer, actor, progress);
        }).id;
    }

    private BaselineModelRecord evaluateAndStore(TabularData data, String trainer, String actor,
            BaselineEvaluation.Progress progress) {
        Evaluated e = BaselineEvaluation.run(data, trainer, config.settings(), progress);
        byte[] bytes = ModelBytes.write(e.model());
        BaselineModelRecord stored = QuarkusTransaction.requiringNew().call(() -> store(data, e, bytes, actor));
        loaded.put(stored.id, e.model());
        return stored;
    }

    private BaselineModelRecord store(TabularData data, Evaluated e, byte[] bytes, String actor) {
        BaselineModelRecord r = new BaselineModelRecord();
        r.id = UUID.randomUUID();
        r.dataset = data.name();
        Integer last = BaselineModelRecord.find("select max(m.version) from BaselineModelRecord m where m.dataset = ?1",
                data.name()).project(Integer.class).firstResult();
        r.version = last == null ? 1 : last + 1;
        r.task = data.classification() ? "CLASSIFICATION" : "REGRESSION";
        r.trainer = e.trainer();
        r.provenance = e.provenance();
        r.metrics = json.write(e.metrics());
        r.featureNames = json.write(data.features());
        r.dataFingerprint = data.fingerprint();
        r.trainingMs = e.trainingMillis();
        r.rowsPerSecond = e.rowsPerSecond();
        r.modelBytes = bytes;
        r.modelSha256 = sha256(bytes);
        r.createdAt = clock.instant();
        r.createdBy = actor;
        r.persist();
        changes.fire(new RecordChanged("BaselineModel", r.id.toString(), "CREATED", null, summary(r), null));
        return r;
    }

    /** Every model of a data set, oldest first. */
    public Comparison compare(String dataset) {
        TabularData data = dataset(dataset);
        List<BaselineModelRecord> records = BaselineModelRecord.list("dataset = ?1 order by version", dataset);
        return new Comparison(dataset, data.classification() ? "CLASSIFICATION" : "REGRESSION", data.fingerprint(),
                records.stream().map(this::summary).toList());
    }

    public ModelDetail get(UUID id) {
        return detail(record(id));
    }

    /**
     * Predicts the rows with the model, after checking every row carries exactly the model's numeric columns; with
     * {@code explain}, each classifier prediction carries its LIME explanation.
     */
    @SuppressWarnings("unchecked")
    public Predictions predict(UUID id, List<Map<String, Object>> rows, boolean explain) {
        BaselineModelRecord r = record(id);
        if (explain && !"CLASSIFICATION".equals(r.task)) {
            throw new ValidationProblem("explain", "explanations are given for classification models only");
        }
        if (explain && rows.size() > config.maxExplainedRows()) {
            throw new ValidationProblem("rows", "at most " + config.maxExplainedRows() + " rows per request with explain=true");
        }
        List<String> features = json.read(r.featureNames, new TypeReference<List<String>>() { });
        Map<String, List<String>> problems = RowPredictor.problems(features, rows);
        if (problems.values().stream().anyMatch(l -> !l.isEmpty())) {
            throw new BadRowsProblem("every row needs exactly the numeric columns " + features + problemText(problems),
                    problems.get("missing"), problems.get("unknown"), problems.get("nonNumeric"));
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

    private static TabularData dataset(String name) {
        TabularData data = name == null ? null : BuiltInDatasets.get(name);
        if (data == null) {
            throw new NotFoundProblem("Dataset", name);
        }
        return data;
    }

    private ModelDetail detail(BaselineModelRecord r) {
        return new ModelDetail(summary(r), json.read(r.featureNames, new TypeReference<List<String>>() { }),
                json.read(r.metrics, new TypeReference<Map<String, Object>>() { }), r.provenance);
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
