package io.poka.baselines.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.scoring.AlarmRule;
import io.poka.baselines.internal.anomaly.AnomalyComparisonRun;
import io.poka.baselines.internal.training.TrainingDataProblem;
import io.poka.platform.JsonColumns;
import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.scoring.RowScore;
import io.poka.scoring.ScoredWindow;
import io.poka.scoring.ScoringApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Compares the scoring module's VAE-GAN with the anomaly baselines on one normal data set of the scoring registry:
 * the split, target false-alarm rate and spike clipping are taken from the VAE-GAN model, the baselines are fitted and
 * calibrated on exactly those rows, every monitor scores the same fault data sets, and the result is stored.
 */
@ApplicationScoped
public class AnomalyComparisons {
    static final int MAX_FAULT_DATASETS = 50;
    /** Share of a cross-fitted model's data set the baselines hold out to calibrate their limits. */
    static final double HELD_OUT_SHARE = 0.2;
    static final int MAX_NORMAL_TEST_DATASETS = 10;
    static final int MAX_DYNAMIC_PCA_LAGS = 10;

    /**
     * A comparison request.
     *
     * @param vaeGanModelIds VAE-GAN versions trained on the data set, all with the same split and target; empty = the
     *        newest one
     * @param normalTestDatasets separate normal data sets (never fitted on) where false alarms are counted and the
     *        equal-false-alarm limits are set
     * @param excludeFromMean fault data set ids left out of the means (for TEP: d03, d09, d15)
     * @param alarmRule applied to every monitor; null = the VAE-GAN's own rule, else none
     * @param equalFalseAlarmRate the rate every monitor is brought to on the normal test data; null = the model's target
     * @param dynamicPcaLags lags of dynamic PCA; null = configuration
     * @param featureColumns the columns of the data set the baselines are fitted on and score (null = all); the
     *        VAE-GAN scores with the variables it was trained on
     */
    public record Request(UUID datasetId, List<UUID> vaeGanModelIds, List<FaultDataset> faultDatasets,
            List<UUID> normalTestDatasets, List<UUID> excludeFromMean, AlarmRule alarmRule, Double equalFalseAlarmRate,
            Integer dynamicPcaLags, List<String> featureColumns) {
    }

    /** A normal test data set that was scored, with its fingerprint. */
    public record DatasetView(UUID datasetId, String name, String fingerprint, int rows) {
    }

    /** A fault data set of the scoring registry and the row from which its fault is active (default 0). */
    public record FaultDataset(UUID datasetId, Integer onsetRow) {
    }

    /** What was scored, with its fingerprint. */
    public record FaultDatasetView(UUID datasetId, String name, String fingerprint, int rows, int onsetRow) {
    }

    /**
     * A stored comparison: the data, the split, the calibration target, the evaluation (normal test data, alarm rule
     * and where it came from, the fault data sets the means are over by name, the equal false-alarm rate, dynamic PCA
     * lags, first evaluated row of each run) and every monitor's results.
     *
     * @param featureColumns the columns the baselines were fitted on; null = every column of the data set
     */
    public record ComparisonView(UUID id, UUID datasetId, String dataFingerprint, List<UUID> vaeGanModelIds,
            int trainingRows, int calibrationRows, double falseAlarmRate, List<FaultDatasetView> faultDatasets,
            List<DatasetView> normalTestDatasets, AlarmRule alarmRule, String alarmRuleSource, List<String> meanOver,
            List<UUID> meanOverDatasetIds, Double equalFalseAlarmRate, int dynamicPcaLags, int firstEvaluatedRow,
            List<Map<String, Object>> models, Instant createdAt, String createdBy, List<String> featureColumns) {
    }

    private final ScoringApi scoring;
    private final BaselinesConfig config;
    private final JsonColumns json;
    private final Clock clock;
    private final SecurityIdentity identity;
    private final Event<RecordChanged> changes;
    private final TrainingSlots slots;

    AnomalyComparisons(ScoringApi scoring, BaselinesConfig config, ObjectMapper json, Clock clock,
            SecurityIdentity identity, Event<RecordChanged> changes, TrainingSlots slots) {
        this.scoring = scoring;
        this.config = config;
        this.json = new JsonColumns(json);
        this.clock = clock;
        this.identity = identity;
        this.changes = changes;
        this.slots = slots;
    }

    /**
     * Runs and stores a comparison.
     *
     * @param r what to compare on; see {@link Request}
     */
    public ComparisonView compare(Request r) {
        if (r.datasetId() == null) {
            throw new ValidationProblem("datasetId", "is required");
        }
        List<FaultDataset> faults = r.faultDatasets();
        if (faults == null || faults.isEmpty() || faults.size() > MAX_FAULT_DATASETS) {
            throw new ValidationProblem("faultDatasets", "give 1 to " + MAX_FAULT_DATASETS + " fault data sets");
        }
        List<UUID> normalTestIds = r.normalTestDatasets() == null ? List.of() : r.normalTestDatasets();
        if (normalTestIds.size() > MAX_NORMAL_TEST_DATASETS) {
            throw new ValidationProblem("normalTestDatasets", "give at most " + MAX_NORMAL_TEST_DATASETS);
        }
        AlarmRule requestedRule = r.alarmRule() == null ? null : r.alarmRule().validated("alarmRule");
        int lags = r.dynamicPcaLags() == null ? config.dynamicPcaLags() : r.dynamicPcaLags();
        if (lags < 1 || lags > MAX_DYNAMIC_PCA_LAGS) {
            throw new ValidationProblem("dynamicPcaLags", "must be between 1 and " + MAX_DYNAMIC_PCA_LAGS);
        }
        if (r.equalFalseAlarmRate() != null && normalTestIds.isEmpty()) {
            throw new ValidationProblem("equalFalseAlarmRate", "needs normalTestDatasets: the equal rate is set on them");
        }
        if (r.equalFalseAlarmRate() != null && !(r.equalFalseAlarmRate() > 0 && r.equalFalseAlarmRate() < 0.5)) {
            throw new ValidationProblem("equalFalseAlarmRate", "must be above 0 and below 0.5");
        }
        ScoringApi.Dataset normal = scoring.dataset(r.datasetId())
                .orElseThrow(() -> new NotFoundProblem("Dataset", r.datasetId()));
        int[] baselineColumns = baselineColumns(r.featureColumns(), normal.variables());
        List<ScoringApi.ModelSummary> models = chosenModels(normal, r.vaeGanModelIds());
        ScoringApi.ModelSummary lead = models.get(0);
        int baselineTrainingRows = baselineTrainingRows(lead, normal.rows().length);
        if (baselineTrainingRows > config.anomalyMaxTrainingRows()) {
            throw ComparisonProblem.tooManyRows(baselineTrainingRows, config.anomalyMaxTrainingRows());
        }
        if (lags * 2 >= baselineTrainingRows) {
            throw new ValidationProblem("dynamicPcaLags", "must be below half of the " + baselineTrainingRows
                    + " training rows");
        }
        List<AnomalyComparisonRun.ExternalModel> external = models.stream().map(m -> vaeGan(m, normal.variables()))
                .toList();
        AnomalyComparisonRun.Settings settings = new AnomalyComparisonRun.Settings(lead.falseAlarmRate(),
                lead.spikeLimit(), config.pcaVarianceShare(), config.svmNu(), config.svmGamma(),
                config.isolationForestTrees(), config.isolationForestSubsample(), config.seed(), lags);
        int firstRow = AnomalyComparisonRun.firstEvaluatedRow(external, settings);

        Set<UUID> faultIds = new HashSet<>();
        List<UUID> excluded = r.excludeFromMean() == null ? List.of() : r.excludeFromMean();
        for (FaultDataset f : faults) {
            if (f != null && f.datasetId() != null) {
                faultIds.add(f.datasetId());
            }
        }
        for (int i = 0; i < excluded.size(); i++) {
            if (excluded.get(i) == null || !faultIds.contains(excluded.get(i))) {
                throw new ValidationProblem("excludeFromMean[" + i + "]", "must be the datasetId of one of faultDatasets");
            }
        }
        if (faultIds.stream().allMatch(excluded::contains)) {
            throw new ValidationProblem("excludeFromMean", "leaves no fault data set to take the means over");
        }
        List<AnomalyComparisonRun.FaultRun> runs = new ArrayList<>();
        List<FaultDatasetView> views = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            FaultDataset f = faults.get(i);
            String field = "faultDatasets[" + i + "]";
            if (f == null || f.datasetId() == null) {
                throw new ValidationProblem(field + ".datasetId", "is required");
            }
            ScoringApi.Dataset d = scoring.dataset(f.datasetId())
                    .orElseThrow(() -> new NotFoundProblem("Dataset", f.datasetId()));
            int onset = f.onsetRow() == null ? 0 : f.onsetRow();
            if (onset < 0 || onset >= d.rows().length) {
                throw new ValidationProblem(field + ".onsetRow", "must be between 0 and " + (d.rows().length - 1));
            }
            requireRowsAfterHistory(field, d, firstRow);
            runs.add(new AnomalyComparisonRun.FaultRun(d.name(), d.id(), aligned(d, normal.variables(), field), onset,
                    !excluded.contains(d.id())));
            views.add(new FaultDatasetView(d.id(), d.name(), d.fingerprint(), d.rows().length, onset));
        }
        List<AnomalyComparisonRun.NormalRun> normalTests = new ArrayList<>();
        List<DatasetView> normalViews = new ArrayList<>();
        for (int i = 0; i < normalTestIds.size(); i++) {
            UUID id = normalTestIds.get(i);
            String field = "normalTestDatasets[" + i + "]";
            if (id == null) {
                throw new ValidationProblem(field, "is required");
            }
            if (id.equals(normal.id())) {
                throw new ValidationProblem(field, "is the data set the monitors are fitted and calibrated on; a normal "
                        + "test data set must be separate");
            }
            ScoringApi.Dataset d = scoring.dataset(id).orElseThrow(() -> new NotFoundProblem("Dataset", id));
            requireRowsAfterHistory(field, d, firstRow);
            normalTests.add(new AnomalyComparisonRun.NormalRun(d.name(), d.id(), aligned(d, normal.variables(), field)));
            normalViews.add(new DatasetView(d.id(), d.name(), d.fingerprint(), d.rows().length));
        }
        Map.Entry<AlarmRule, String> rule = requestedRule != null ? Map.entry(requestedRule, "request") : modelRule(lead);
        Double equalRate = normalTests.isEmpty() ? null
                : r.equalFalseAlarmRate() == null ? lead.falseAlarmRate() : r.equalFalseAlarmRate();
        AnomalyComparisonRun.Plan plan = new AnomalyComparisonRun.Plan(runs, normalTests, rule.getKey(),
                equalRate == null ? Double.NaN : equalRate);
        List<AnomalyComparisonRun.ModelResult> results = slots.run(() -> AnomalyComparisonRun.run(normal.rows(),
                baselineTrainingRows, plan, external, settings, baselineColumns));
        List<UUID> meanOver = runs.stream().filter(AnomalyComparisonRun.FaultRun::inMean)
                .map(AnomalyComparisonRun.FaultRun::datasetId).toList();
        AnomalyComparisonRecord stored = QuarkusTransaction.requiringNew().call(() -> {
            AnomalyComparisonRecord c = new AnomalyComparisonRecord();
            c.id = UUID.randomUUID();
            c.datasetId = r.datasetId();
            c.dataFingerprint = normal.fingerprint();
            c.vaeGanModelIds = json.write(models.stream().map(ScoringApi.ModelSummary::id).toList());
            c.faultDatasets = json.write(views);
            c.trainingRows = baselineTrainingRows;
            c.calibrationRows = normal.rows().length - baselineTrainingRows;
            c.falseAlarmRate = lead.falseAlarmRate();
            c.results = json.write(results);
            c.normalTestDatasets = json.write(normalViews);
            c.alarmRule = json.write(rule.getKey());
            c.alarmRuleSource = rule.getValue();
            c.meanOver = json.write(meanOver);
            c.equalFalseAlarmRate = equalRate;
            c.dynamicPcaLags = lags;
            c.firstEvaluatedRow = firstRow;
            c.featureColumns = r.featureColumns() == null ? null : json.write(r.featureColumns());
            c.createdAt = clock.instant();
            c.createdBy = identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
            c.persist();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("datasetId", r.datasetId());
            summary.put("dataFingerprint", c.dataFingerprint);
            summary.put("vaeGanModelIds", models.stream().map(ScoringApi.ModelSummary::id).toList());
            summary.put("faultDatasets", views.size());
            summary.put("normalTestDatasets", normalViews.stream().map(DatasetView::datasetId).toList());
            summary.put("alarmRule", rule.getKey().label());
            summary.put("featureColumns", r.featureColumns());
            changes.fire(new RecordChanged("BaselineAnomalyComparison", c.id.toString(), "CREATED", null, summary, null));
            return c;
        });
        return view(stored);
    }

    /**
     * The indices of the chosen feature columns in the data set's variables (null = all): 400 for an empty or repeated
     * choice, 422 {@code baselines/unknown-column} naming the columns the data set does not have.
     */
    static int[] baselineColumns(List<String> chosen, List<String> variables) {
        if (chosen == null) {
            return null;
        }
        if (chosen.isEmpty() || chosen.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new ValidationProblem("featureColumns", "name at least one column, none blank (omit it for all)");
        }
        if (new HashSet<>(chosen).size() != chosen.size()) {
            throw new ValidationProblem("featureColumns", "names a column twice");
        }
        List<String> unknown = chosen.stream().filter(c -> !variables.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw TrainingDataProblem.unknownColumns(unknown, variables);
        }
        return chosen.stream().mapToInt(variables::indexOf).toArray();
    }

    /** A test or fault data set must have rows to evaluate after the history the lagged monitors need. */
    private static void requireRowsAfterHistory(String field, ScoringApi.Dataset d, int firstRow) {
        if (d.rows().length <= firstRow) {
            throw new ValidationProblem(field, "has " + d.rows().length + " rows; the first " + firstRow
                    + " only serve as history of the lagged monitors");
        }
    }

    /**
     * The VAE-GAN's own alarm rule ({@code alarmRule} in its hyperparameters or validation metadata, as ScoringApi
     * exposes them), else none. A rule the model stored in a form this module cannot read counts as none.
     */
    private Map.Entry<AlarmRule, String> modelRule(ScoringApi.ModelSummary lead) {
        Object raw = scoring.model(lead.id()).map(m -> {
            Object h = m.hyperparameters() == null ? null : m.hyperparameters().get("alarmRule");
            return h != null ? h : m.validation() == null ? null : m.validation().get("alarmRule");
        }).orElse(null);
        return ruleOf(raw);
    }

    /**
     * The alarm rule a model stored ({@code {"kind", "lambda"?, "k"?, "n"?, "start"?}}), source "model"; none
     * otherwise. The same record and limits as the scoring module's, so every rule a model can store is read (its
     * starting value kept), and only a missing or malformed one counts as none.
     */
    static Map.Entry<AlarmRule, String> ruleOf(Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            return Map.entry(AlarmRule.NONE, "default");
        }
        try {
            AlarmRule rule = new AlarmRule(AlarmRule.Kind.valueOf(String.valueOf(m.get("kind"))),
                    m.get("lambda") instanceof Number l ? l.doubleValue() : null,
                    m.get("k") instanceof Number k ? k.intValue() : null,
                    m.get("n") instanceof Number n ? n.intValue() : null);
            rule.validated("alarmRule");
            return Map.entry(m.get("start") instanceof Number start ? rule.startingAt(start.doubleValue()) : rule,
                    "model");
        } catch (RuntimeException unreadable) {
            return Map.entry(AlarmRule.NONE, "default");
        }
    }

    public ComparisonView get(UUID id) {
        AnomalyComparisonRecord r = QuarkusTransaction.requiringNew().call(() -> AnomalyComparisonRecord.findById(id));
        if (r == null) {
            throw new NotFoundProblem("AnomalyComparison", id);
        }
        return view(r);
    }

    /** Every comparison of the data set, newest first. */
    public List<ComparisonView> list(UUID datasetId) {
        List<AnomalyComparisonRecord> records = QuarkusTransaction.requiringNew().call(() -> AnomalyComparisonRecord
                .<AnomalyComparisonRecord>list("datasetId = ?1 order by createdAt desc", datasetId));
        return records.stream().map(this::view).toList();
    }

    private List<ScoringApi.ModelSummary> chosenModels(ScoringApi.Dataset normal, List<UUID> ids) {
        List<ScoringApi.ModelSummary> trained = scoring.modelsTrainedOn(normal.id());
        if (ids == null || ids.isEmpty()) {
            if (trained.isEmpty()) {
                throw new ConflictProblem("baselines/no-vae-gan", "No VAE-GAN model was trained on data set "
                        + normal.id() + "; the comparison takes its split and calibration from one: train one first");
            }
            return List.of(trained.stream().max(Comparator.comparing(ScoringApi.ModelSummary::version)).orElseThrow());
        }
        List<ScoringApi.ModelSummary> chosen = new ArrayList<>();
        for (UUID id : new HashSet<>(ids)) {
            chosen.add(trained.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(() ->
                    new ValidationProblem("vaeGanModelIds", "model " + id + " was not trained on data set " + normal.id())));
        }
        chosen.sort(Comparator.comparing(ScoringApi.ModelSummary::version));
        ScoringApi.ModelSummary first = chosen.get(0);
        if (chosen.stream().anyMatch(m -> m.trainingRows() != first.trainingRows()
                || m.falseAlarmRate() != first.falseAlarmRate())) {
            throw new ValidationProblem("vaeGanModelIds", "the models must share the split (training rows) and the "
                    + "target false-alarm rate");
        }
        return chosen;
    }

    /** The VAE-GAN as a compared model; it scores rows in the columns of the data set it was trained on. */
    private AnomalyComparisonRun.ExternalModel vaeGan(ScoringApi.ModelSummary m, List<String> variables) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("modelId", m.id());
        h.put("line", m.line());
        h.put("version", m.version());
        h.put("falseAlarmRate", m.falseAlarmRate());
        h.put("lags", m.lags());
        h.put("spikeLimit", m.spikeLimit());
        String provenance = "VAE-GAN of the scoring module, line " + m.line() + " version " + m.version()
                + ", trained on " + m.trainingRows() + " rows of data " + m.dataFingerprint() + ", threshold calibrated on "
                + m.calibrationRows() + " held-out rows; " + m.hyperparameters();
        return new AnomalyComparisonRun.ExternalModel("vae-gan v" + m.version(), "vae-gan", h, provenance,
                m.trainingMillis(), m.threshold(), m.lags(), rows -> scores(scoring.scoreWithModel(m.id(), variables, rows)));
    }

    private static double[] scores(ScoredWindow window) {
        return window.rows().stream().mapToDouble(r -> scoreOf(r)).toArray();
    }

    /**
     * The rows the baselines fit on: the VAE-GAN's own training rows when it held the data set's last rows out for
     * calibration (models trained before cross-fitting); a model calibrated by time-blocked cross-fitting trained on
     * every row, so the baselines keep the last {@link #HELD_OUT_SHARE} of the rows out to set their own limits.
     */
    static int baselineTrainingRows(ScoringApi.ModelSummary lead, int rows) {
        if (lead.trainingRows() + lead.calibrationRows() <= rows) {
            return lead.trainingRows();
        }
        return (int) Math.round(rows * (1 - HELD_OUT_SHARE));
    }

    private static double scoreOf(RowScore r) {
        // the row's own score: the comparison applies one alarm rule to every monitor itself
        return r.rawScore() == null ? Double.NaN : r.rawScore();
    }

    /** The fault data set's rows in the normal data set's column order; a problem naming missing columns otherwise. */
    private static double[][] aligned(ScoringApi.Dataset d, List<String> variables, String field) {
        List<String> missing = variables.stream().filter(v -> !d.variables().contains(v)).toList();
        if (!missing.isEmpty()) {
            throw ComparisonProblem.wrongColumns(field, d.id(), missing);
        }
        int[] index = variables.stream().mapToInt(d.variables()::indexOf).toArray();
        double[][] out = new double[d.rows().length][index.length];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < index.length; j++) {
                out[i][j] = d.rows()[i][index[j]];
            }
        }
        return out;
    }

    private ComparisonView view(AnomalyComparisonRecord r) {
        List<FaultDatasetView> faults = json.read(r.faultDatasets, new TypeReference<List<FaultDatasetView>>() { });
        List<UUID> meanOver = r.meanOver == null ? faults.stream().map(FaultDatasetView::datasetId).toList()
                : json.read(r.meanOver, new TypeReference<List<UUID>>() { });
        List<String> meanOverNames = faults.stream().filter(f -> meanOver.contains(f.datasetId()))
                .map(FaultDatasetView::name).toList();
        return new ComparisonView(r.id, r.datasetId, r.dataFingerprint, json.read(r.vaeGanModelIds,
                new TypeReference<List<UUID>>() { }), r.trainingRows, r.calibrationRows, r.falseAlarmRate, faults,
                json.read(r.normalTestDatasets, new TypeReference<List<DatasetView>>() { }),
                json.read(r.alarmRule, new TypeReference<AlarmRule>() { }), r.alarmRuleSource, meanOverNames, meanOver,
                r.equalFalseAlarmRate, r.dynamicPcaLags, r.firstEvaluatedRow,
                json.read(r.results, new TypeReference<List<Map<String, Object>>>() { }), r.createdAt, r.createdBy,
                r.featureColumns == null ? null : json.read(r.featureColumns, new TypeReference<List<String>>() { }));
    }
}
