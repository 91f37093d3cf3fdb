package io.poka.baselines.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.baselines.internal.anomaly.AnomalyComparisonRun;
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
import java.util.UUID;

/**
 * Compares the scoring module's VAE-GAN with the anomaly baselines on one normal data set of the scoring registry:
 * the split, target false-alarm rate and spike clipping are taken from the VAE-GAN model, the baselines are fitted and
 * calibrated on exactly those rows, every monitor scores the same fault data sets, and the result is stored.
 */
@ApplicationScoped
public class AnomalyComparisons {
    static final int MAX_FAULT_DATASETS = 50;

    /** A fault data set of the scoring registry and the row from which its fault is active (default 0). */
    public record FaultDataset(UUID datasetId, Integer onsetRow) {
    }

    /** What was scored, with its fingerprint. */
    public record FaultDatasetView(UUID datasetId, String name, String fingerprint, int rows, int onsetRow) {
    }

    /** A stored comparison: the data, the split, the calibration target and every monitor's results. */
    public record ComparisonView(UUID id, UUID datasetId, String dataFingerprint, List<UUID> vaeGanModelIds,
            int trainingRows, int calibrationRows, double falseAlarmRate, List<FaultDatasetView> faultDatasets,
            List<Map<String, Object>> models, Instant createdAt, String createdBy) {
    }

    private final ScoringApi scoring;
    private final BaselinesConfig config;
    private final JsonColumns json;
    private final Clock clock;
    private final SecurityIdentity identity;
    private final Event<RecordChanged> changes;
    private final TrainingSlots slots;

    AnomalyComparisons(ScoringApi scoring, BaselinesConfig config, ObjectMapper json, Clock clock,
            SecurityIdentity identity, Event<RecordChanged> changes) {
        this.scoring = scoring;
        this.config = config;
        this.json = new JsonColumns(json);
        this.clock = clock;
        this.identity = identity;
        this.changes = changes;
        this.slots = new TrainingSlots(config.concurrentTrainings());
    }

    /**
     * Runs and stores a comparison.
     *
     * @param vaeGanModelIds VAE-GAN versions trained on the data set, all with the same split and target; empty = the
     *        newest one
     */
    public ComparisonView compare(UUID datasetId, List<UUID> vaeGanModelIds, List<FaultDataset> faults) {
        if (datasetId == null) {
            throw new ValidationProblem("datasetId", "is required");
        }
        if (faults == null || faults.isEmpty() || faults.size() > MAX_FAULT_DATASETS) {
            throw new ValidationProblem("faultDatasets", "give 1 to " + MAX_FAULT_DATASETS + " fault data sets");
        }
        ScoringApi.Dataset normal = scoring.dataset(datasetId).orElseThrow(() -> new NotFoundProblem("Dataset", datasetId));
        List<ScoringApi.ModelSummary> models = chosenModels(normal, vaeGanModelIds);
        ScoringApi.ModelSummary lead = models.get(0);
        if (lead.trainingRows() > config.anomalyMaxTrainingRows()) {
            throw ComparisonProblem.tooManyRows(lead.trainingRows(), config.anomalyMaxTrainingRows());
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
            runs.add(new AnomalyComparisonRun.FaultRun(d.name(), d.id(), aligned(d, normal.variables(), field), onset));
            views.add(new FaultDatasetView(d.id(), d.name(), d.fingerprint(), d.rows().length, onset));
        }
        List<AnomalyComparisonRun.ExternalModel> external = models.stream().map(m -> vaeGan(m, normal.variables()))
                .toList();
        AnomalyComparisonRun.Settings settings = new AnomalyComparisonRun.Settings(lead.falseAlarmRate(),
                lead.spikeLimit(), config.pcaVarianceShare(), config.svmNu(), config.svmGamma(),
                config.isolationForestTrees(), config.isolationForestSubsample(), config.seed());
        List<AnomalyComparisonRun.ModelResult> results = slots.run(() -> AnomalyComparisonRun.run(normal.rows(),
                lead.trainingRows(), runs, external, settings));
        AnomalyComparisonRecord stored = QuarkusTransaction.requiringNew().call(() -> {
            AnomalyComparisonRecord r = new AnomalyComparisonRecord();
            r.id = UUID.randomUUID();
            r.datasetId = datasetId;
            r.dataFingerprint = normal.fingerprint();
            r.vaeGanModelIds = json.write(models.stream().map(ScoringApi.ModelSummary::id).toList());
            r.faultDatasets = json.write(views);
            r.trainingRows = lead.trainingRows();
            r.calibrationRows = lead.calibrationRows();
            r.falseAlarmRate = lead.falseAlarmRate();
            r.results = json.write(results);
            r.createdAt = clock.instant();
            r.createdBy = identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
            r.persist();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("datasetId", datasetId);
            summary.put("dataFingerprint", r.dataFingerprint);
            summary.put("vaeGanModelIds", models.stream().map(ScoringApi.ModelSummary::id).toList());
            summary.put("faultDatasets", views.size());
            changes.fire(new RecordChanged("BaselineAnomalyComparison", r.id.toString(), "CREATED", null, summary, null));
            return r;
        });
        return view(stored);
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

    private static double scoreOf(RowScore r) {
        return r.score() == null ? Double.NaN : r.score();
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
        return new ComparisonView(r.id, r.datasetId, r.dataFingerprint, json.read(r.vaeGanModelIds,
                new TypeReference<List<UUID>>() { }), r.trainingRows, r.calibrationRows, r.falseAlarmRate,
                json.read(r.faultDatasets, new TypeReference<List<FaultDatasetView>>() { }),
                json.read(r.results, new TypeReference<List<Map<String, Object>>>() { }), r.createdAt, r.createdBy);
    }
}
