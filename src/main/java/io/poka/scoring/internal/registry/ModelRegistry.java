package io.poka.scoring.internal.registry;

import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.Signature;
import io.poka.platform.Signatures;
import io.poka.scoring.internal.JsonText;
import io.poka.scoring.internal.data.NumericTable;
import io.poka.scoring.AlarmRule;
import io.poka.scoring.internal.model.LoadedVaeGan;
import io.poka.scoring.internal.model.VaeGanFit;
import io.poka.telemetry.TelemetryApi;
import io.poka.telemetry.VariableDefinition;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The model registry: numbered versions per line with artifact and metadata, one active version per line, promotion
 * and rollback under an electronic signature, every change recorded for the audit trail.
 */
@ApplicationScoped
public class ModelRegistry {

    /** A model version as the API shows it (metadata included, artifact only by size and hash). */
    public record ModelView(UUID id, String line, int version, boolean active, UUID datasetId, UUID trainingJobId,
            String dataFingerprint, double threshold, int artifactBytes, String artifactSha256, Instant createdAt,
            String createdBy, ModelMetadata metadata) {
    }

    /** The active model of a line after a promotion or rollback. */
    public record ActiveView(String line, UUID modelId, int version, UUID previousModelId, String action,
            Instant activatedAt, String activatedBy) {
    }

    private final JsonText json;
    private final Clock clock;
    private final Signatures signatures;
    private final Event<RecordChanged> changes;
    private final ModelCache cache;
    private final TelemetryApi telemetry;

    ModelRegistry(JsonText json, Clock clock, Signatures signatures, Event<RecordChanged> changes, ModelCache cache,
            TelemetryApi telemetry) {
        this.telemetry = telemetry;
        this.json = json;
        this.clock = clock;
        this.signatures = signatures;
        this.changes = changes;
        this.cache = cache;
    }

    /** Stores a fitted model as the next version of its line. */
    @Transactional
    public ModelView register(String line, VaeGanFit.Fitted fitted, UUID datasetId, String fingerprint, UUID jobId,
            String engine, String device, String applicationVersion, String actor) {
        ModelVersionRecord r = new ModelVersionRecord();
        r.id = UUID.randomUUID();
        r.line = line;
        Integer max = ModelVersionRecord.getEntityManager()
                .createQuery("select max(m.version) from ModelVersionRecord m where m.line = ?1", Integer.class)
                .setParameter(1, line).getSingleResult();
        r.version = max == null ? 1 : max + 1;
        r.datasetId = datasetId;
        r.trainingJobId = jobId;
        r.dataFingerprint = fingerprint;
        r.threshold = fitted.threshold();
        r.metadata = json.write(new ModelMetadata(fitted.hyperparameters(), fitted.pipeline(), fitted.scale(),
                fitted.alarmRule(), fitted.threshold(), fitted.trainingRows(), fitted.calibrationRows(), fitted.validation(),
                fitted.history(), fitted.trainingMillis(), engine, device, applicationVersion, datasetId, fingerprint));
        r.artifact = fitted.parameters();
        r.artifactSha256 = NumericTable.sha256(fitted.parameters());
        r.createdAt = clock.instant();
        r.createdBy = actor;
        r.persist();
        ModelView view = view(r, false);
        changes.fire(new RecordChanged("ScoringModel", r.id.toString(), "TRAINED", null, summary(view), null));
        return view;
    }

    @Transactional
    public List<ModelView> list(String line) {
        List<ModelVersionRecord> records = line == null
                ? ModelVersionRecord.listAll(Sort.by("line").and("version", Sort.Direction.Descending))
                : ModelVersionRecord.list("line", Sort.by("version", Sort.Direction.Descending), line);
        return records.stream().map(r -> view(r, isActive(r))).toList();
    }

    @Transactional
    public ModelView get(UUID id) {
        ModelVersionRecord r = find(id);
        return view(r, isActive(r));
    }

    /** The line's active model version id, if any. */
    @Transactional
    public Optional<UUID> activeModelId(String line) {
        return ActiveModelRecord.<ActiveModelRecord>findByIdOptional(line).map(a -> a.modelId);
    }

    /**
     * Makes a version the active model of its line; signed by the current user. Refused (422, nothing signed or
     * changed) when any of the model's variables is missing from the line's telemetry catalogue.
     */
    @Transactional
    public ActiveView promote(UUID modelId, String password, Signature.Meaning meaning, String reason) {
        ModelVersionRecord model = find(modelId);
        ActiveModelRecord current = ActiveModelRecord.findById(model.line);
        if (current != null && current.modelId.equals(modelId)) {
            throw new ConflictProblem("scoring/already-active", "Version " + model.version + " is already the active "
                    + "model of line '" + model.line + "'");
        }
        requireCatalogued(model);
        Signature signature = signatures.sign(password, meaning);
        return activate(model, current, "PROMOTED", reason, signature);
    }

    private void requireCatalogued(ModelVersionRecord model) {
        java.util.Set<String> catalogued = new java.util.HashSet<>();
        for (VariableDefinition v : telemetry.variables(model.line)) {
            catalogued.add(v.variable());
        }
        List<String> missing = json.read(model.metadata, ModelMetadata.class).featureStatistics().variables().stream()
                .filter(v -> !catalogued.contains(v)).toList();
        if (!missing.isEmpty()) {
            throw new UncataloguedVariables(model.line, missing);
        }
    }

    /** Returns the line to the model that was active before the current one; signed by the current user. */
    @Transactional
    public ActiveView rollback(String line, String password, Signature.Meaning meaning, String reason) {
        ActiveModelRecord current = ActiveModelRecord.findById(line);
        if (current == null) {
            throw new NotFoundProblem("Active model of line", line);
        }
        ActivationRecord promotion = ActivationRecord.<ActivationRecord>find(
                "line = ?1 and modelId = ?2 and action = 'PROMOTED' order by at desc", line, current.modelId)
                .firstResultOptional().orElse(null);
        if (promotion == null || promotion.previousModelId == null) {
            throw new ConflictProblem("scoring/nothing-to-roll-back", "Line '" + line + "' has no earlier active model "
                    + "to roll back to");
        }
        Signature signature = signatures.sign(password, meaning);
        return activate(find(promotion.previousModelId), current, "ROLLED_BACK", reason, signature);
    }

    private ActiveView activate(ModelVersionRecord model, ActiveModelRecord current, String action, String reason,
            Signature signature) {
        Instant now = clock.instant();
        UUID previous = current == null ? null : current.modelId;
        Map<String, Object> before = previous == null ? null : Map.of("line", model.line, "activeModelId", previous);
        ActiveModelRecord active = current;
        if (active == null) {
            active = new ActiveModelRecord();
            active.line = model.line;
        }
        active.modelId = model.id;
        active.activatedAt = now;
        active.activatedBy = signature.username();
        active.persist();
        ActivationRecord log = new ActivationRecord();
        log.id = UUID.randomUUID();
        log.line = model.line;
        log.modelId = model.id;
        log.previousModelId = previous;
        log.action = action;
        log.reason = reason;
        log.signatureMeaning = signature.meaning().name();
        log.at = now;
        log.byUser = signature.username();
        log.persist();
        ActiveView view = new ActiveView(model.line, model.id, model.version, previous, action, now, signature.username());
        changes.fire(new RecordChanged("ScoringActiveModel", model.line, action, before,
                Map.of("line", model.line, "activeModelId", model.id, "version", model.version), reason, signature));
        return view;
    }

    /** The loaded network of a version, from the cache or read from the database once. */
    public ModelCache.Loaded loaded(UUID modelId) {
        return cache.get(modelId, id -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            ModelVersionRecord r = find(id);
            ModelMetadata m = json.read(r.metadata, ModelMetadata.class);
            if (!NumericTable.sha256(r.artifact).equals(r.artifactSha256)) {
                throw new IllegalStateException("artifact of model " + id + " does not match its SHA-256");
            }
            LoadedVaeGan network = LoadedVaeGan.load(r.artifact, m.hyperparameters(), m.featureStatistics(),
                    m.scoreScale(), cache.device());
            return new ModelCache.Loaded(r.id, r.line, r.version, r.threshold, r.dataFingerprint, network,
                    m.alarmRule() == null ? AlarmRule.NONE : m.alarmRule());
        }));
    }

    private ModelVersionRecord find(UUID id) {
        return ModelVersionRecord.<ModelVersionRecord>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundProblem("Model", id));
    }

    private boolean isActive(ModelVersionRecord r) {
        return activeModelId(r.line).map(r.id::equals).orElse(false);
    }

    private ModelView view(ModelVersionRecord r, boolean active) {
        return new ModelView(r.id, r.line, r.version, active, r.datasetId, r.trainingJobId, r.dataFingerprint,
                r.threshold, r.artifact.length, r.artifactSha256, r.createdAt, r.createdBy,
                json.read(r.metadata, ModelMetadata.class));
    }

    private static Map<String, Object> summary(ModelView v) {
        return Map.of("line", v.line(), "version", v.version(), "datasetId", v.datasetId(), "dataFingerprint",
                v.dataFingerprint(), "threshold", v.threshold(), "artifactSha256", v.artifactSha256());
    }
}
