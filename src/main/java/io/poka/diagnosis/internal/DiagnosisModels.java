package io.poka.diagnosis.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.diagnosis.DiagnosisModel;
import io.poka.diagnosis.internal.model.FaultClassifier;
import io.poka.diagnosis.internal.model.BlockedFolds;
import io.poka.diagnosis.internal.model.CrossValidation;
import io.poka.diagnosis.internal.model.ModelCrossValidation;
import io.poka.diagnosis.internal.model.TepFaultRuns;
import io.poka.diagnosis.internal.model.WindowFeatures;
import io.poka.platform.JsonColumns;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The registry of fault classifiers: trains one on a labelled data set (the built-in "tep" runs), evaluates its
 * settings by time-blocked cross-validation, stores it with its settings, evaluation, parameters and data fingerprint (audited),
 * and loads stored versions once for diagnosing.
 */
@ApplicationScoped
public class DiagnosisModels {
    /** The built-in data set: TEP d00 (normal) and d01-d21 (faults 1-21). */
    public static final String TEP = "tep";

    /** Settings a training request may override; null members take the configured defaults. */
    @Schema(name = "DiagnosisTrainRequest")
    public record TrainRequest(Integer window, Integer stride, Integer epochs, List<Integer> faults) {
    }

    /** Rows between the starts of consecutive test windows in the cross-validation (as bench/diagnosis.sh). */
    static final int CV_TEST_STRIDE = 4;

    private final DiagnosisConfig config;
    private final JsonColumns json;
    private final Clock clock;
    private final Event<RecordChanged> changes;
    private final Map<UUID, FaultClassifier> loaded = new ConcurrentHashMap<>();

    DiagnosisModels(DiagnosisConfig config, ObjectMapper json, Clock clock, Event<RecordChanged> changes) {
        this.config = config;
        this.json = new JsonColumns(json);
        this.clock = clock;
        this.changes = changes;
    }

    /** The settings of a request checked against the data set (404 for an unknown one, 400 for bad values). */
    public DiagnosisModel.Settings settings(String dataset, TrainRequest request) {
        if (!TEP.equals(dataset)) {
            throw new NotFoundProblem("Diagnosis data set", dataset);
        }
        TrainRequest r = request == null ? new TrainRequest(null, null, null, null) : request;
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        int window = r.window() == null ? config.window() : r.window();
        int stride = r.stride() == null ? config.stride() : r.stride();
        int epochs = r.epochs() == null ? config.epochs() : r.epochs();
        if (window < 5 || window > 100) {
            errors.add(new ValidationProblem.FieldError("window", "must lie in 5..100 rows"));
        }
        if (stride < 1 || stride > 100) {
            errors.add(new ValidationProblem.FieldError("stride", "must lie in 1..100 rows"));
        }
        if (epochs < 1 || epochs > 2000) {
            errors.add(new ValidationProblem.FieldError("epochs", "must lie in 1..2000"));
        }
        List<Integer> faults = r.faults() == null || r.faults().isEmpty()
                ? IntStream.rangeClosed(1, TepFaultRuns.FAULTS).boxed().toList()
                : r.faults().stream().distinct().sorted().toList();
        if (faults.stream().anyMatch(f -> f == null || f < 1 || f > TepFaultRuns.FAULTS)) {
            errors.add(new ValidationProblem.FieldError("faults", "fault numbers lie in 1.." + TepFaultRuns.FAULTS));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("invalid diagnosis training settings", errors);
        }
        return new DiagnosisModel.Settings(window, stride, epochs, config.l2(), config.quantile(),
                config.radiusFactor(), config.trainShare(), config.seed(), faults, config.features().id(),
                config.learner().id(), config.shrinkage(), config.distanceFeatures());
    }

    /**
     * Cross-validates the settings on the data set (time-blocked folds, as bench/diagnosis.sh), then trains the served
     * model on every training row and stores it with those figures (audited); returns its id.
     */
    public UUID train(String dataset, DiagnosisModel.Settings s, String actor) {
        List<Integer> classes = new ArrayList<>(List.of(0));
        classes.addAll(s.faults());
        Map<String, double[][]> runs = new LinkedHashMap<>();
        TepFaultRuns.runs(classes).forEach((label, run) -> runs.put(label,
                Arrays.copyOfRange(run, 0, (int) Math.round(run.length * Math.min(1.0, s.trainShare())))));
        Map<String, List<double[][]>> train = new LinkedHashMap<>();
        runs.forEach((label, run) -> train.put(label, List.<double[][]>of(run)));
        FaultClassifier.Settings fs = new FaultClassifier.Settings(s.window(), s.stride(), s.epochs(), s.l2(),
                s.quantile(), s.radiusFactor(), s.seed(), WindowFeatures.FeatureSet.named(s.features()),
                FaultClassifier.Learner.named(s.learner()), s.shrinkage() == null ? 0 : s.shrinkage(),
                s.distanceFeatures() == null ? 0 : s.distanceFeatures());
        ModelCrossValidation.Result cv = ModelCrossValidation.run(runs, new BlockedFolds(config.cvFolds(), s.window()),
                CV_TEST_STRIDE, (parts, normal) -> FaultClassifier.train(TepFaultRuns.variables(), parts, normal, fs),
                config.leftOutFolds(), config.normalConfusion(), configuredLookalikes());
        long started = System.nanoTime();
        FaultClassifier model = FaultClassifier.train(TepFaultRuns.variables(), train, runs.get(TepFaultRuns.NORMAL), fs);
        long trainingMs = (System.nanoTime() - started) / 1_000_000;
        DiagnosisModel.CrossValidated figures = figures(cv);
        List<DiagnosisModel.ClassAccuracy> evaluation = cv.table().classes().stream()
                .map(c -> new DiagnosisModel.ClassAccuracy(c.label(), c.windows(), c.accuracy(), c.verdictAccuracy(),
                        c.unknownShare())).toList();
        String parameters = json.write(model);
        String fingerprint = Fingerprints.ofRuns(train);
        return QuarkusTransaction.requiringNew().call(() -> {
            DiagnosisModelRecord r = new DiagnosisModelRecord();
            r.id = UUID.randomUUID();
            r.dataset = dataset;
            r.version = 1 + DiagnosisModelRecord.<DiagnosisModelRecord>find("dataset = ?1 order by version desc", dataset)
                    .firstResultOptional().map(m -> m.version).orElse(0);
            r.settings = json.write(s);
            r.evaluation = json.write(evaluation);
            r.crossValidation = json.write(figures);
            r.parameters = parameters;
            r.parametersSha256 = Fingerprints.ofText(parameters);
            r.dataFingerprint = fingerprint;
            r.trainingMs = trainingMs;
            r.createdAt = clock.instant();
            r.createdBy = actor;
            r.persist();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("dataset", dataset);
            after.put("version", r.version);
            after.put("settings", s);
            after.put("dataFingerprint", fingerprint);
            after.put("parametersSha256", r.parametersSha256);
            changes.fire(new RecordChanged("DiagnosisModel", r.id.toString(), "CREATED", null, after, null));
            loaded.put(r.id, model);
            return r.id;
        });
    }

    /** Registered versions, newest first. */
    public List<DiagnosisModel> list() {
        return QuarkusTransaction.requiringNew().call(() -> DiagnosisModelRecord
                .<DiagnosisModelRecord>list("order by createdAt desc, version desc").stream().map(this::view).toList());
    }

    public DiagnosisModel get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> view(record(id)));
    }

    /** The classifier of a version (404 when there is none), or of the newest version of the data set when id is null. */
    public Loaded classifier(UUID id) {
        DiagnosisModel view = QuarkusTransaction.requiringNew().call(() -> id != null ? view(record(id))
                : DiagnosisModelRecord.<DiagnosisModelRecord>find("dataset = ?1 order by version desc", TEP)
                        .firstResultOptional().map(this::view).orElseThrow(() -> new DiagnosisProblems.NoModelProblem(TEP)));
        FaultClassifier classifier = loaded.computeIfAbsent(view.id(), k -> QuarkusTransaction.requiringNew()
                .call(() -> json.read(record(k).parameters, FaultClassifier.class)));
        return new Loaded(view, classifier);
    }

    /** A stored version with its loaded classifier. */
    public record Loaded(DiagnosisModel model, FaultClassifier classifier) {
    }

    /** The newest version of the built-in data set, if one was trained. */
    public Optional<DiagnosisModel> newest() {
        return QuarkusTransaction.requiringNew().call(() -> DiagnosisModelRecord
                .<DiagnosisModelRecord>find("dataset = ?1 order by version desc", TEP).firstResultOptional()
                .map(this::view));
    }

    /** The configured labels always counted as indistinguishable from normal (poka.diagnosis.indistinguishable-faults). */
    public Set<String> configuredLookalikes() {
        return config.indistinguishableFaults().stream().map(TepFaultRuns::label).collect(Collectors.toSet());
    }

    private DiagnosisModel.CrossValidated figures(ModelCrossValidation.Result cv) {
        CrossValidation.Table t = cv.table();
        Set<String> hard = configuredLookalikes();
        List<DiagnosisModel.ClassCounts> counts = t.classes().stream().map(c -> new DiagnosisModel.ClassCounts(
                c.label(), c.windows(), c.topOneRight(), c.verdictRight(), c.unknown(), c.calledNormal())).toList();
        return new DiagnosisModel.CrossValidated(cv.folds(), cv.gap(), cv.testStride(), counts,
                finite(t.meanAccuracy(l -> !hard.contains(l))),
                finite(t.meanAccuracy(l -> !hard.contains(l) && !TepFaultRuns.NORMAL.equals(l))),
                t.labels().stream().filter(hard::contains).toList(), finite(t.meanAccuracy(hard::contains)),
                finite(t.meanAccuracy(TepFaultRuns.NORMAL::equals)), finite(t.meanUnknownShare(l -> true)),
                cv.leftOutCalledUnknown(), cv.leftOutCalledUnknown() == null ? 0 : config.leftOutFolds(),
                cv.leftOutWindows(), cv.indistinguishable().stream().map(i -> new DiagnosisModel.NormalLookalike(
                        i.label(), i.takenForNormal(), i.normalTakenForIt(), i.configured())).toList());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private DiagnosisModelRecord record(UUID id) {
        DiagnosisModelRecord r = DiagnosisModelRecord.findById(id);
        if (r == null) {
            throw new NotFoundProblem("Diagnosis model", id);
        }
        return r;
    }

    private DiagnosisModel view(DiagnosisModelRecord r) {
        FaultClassifier c = loaded.get(r.id);
        List<String> labels;
        List<String> variables;
        if (c != null) {
            labels = c.labels();
            variables = c.variables();
        } else {
            FaultClassifier read = json.read(r.parameters, FaultClassifier.class);
            loaded.put(r.id, read);
            labels = read.labels();
            variables = read.variables();
        }
        return new DiagnosisModel(r.id, r.dataset, r.version, labels, variables,
                json.read(r.settings, DiagnosisModel.Settings.class),
                json.read(r.evaluation, new TypeReference<List<DiagnosisModel.ClassAccuracy>>() { }), r.parametersSha256,
                r.dataFingerprint, r.trainingMs, r.createdAt, r.createdBy,
                r.crossValidation == null ? DiagnosisModel.HOLDOUT : DiagnosisModel.CROSS_VALIDATED,
                r.crossValidation == null ? null : json.read(r.crossValidation, DiagnosisModel.CrossValidated.class));
    }
}
