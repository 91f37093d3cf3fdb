package io.poka.scoring.internal;

import io.poka.platform.NotFoundProblem;
import io.poka.platform.QualityEvents;
import io.poka.platform.ValidationProblem;
import io.poka.scoring.ActiveModel;
import io.poka.scoring.AnomalyDetected;
import io.poka.scoring.Contribution;
import io.poka.scoring.DatasetInfo;
import io.poka.scoring.ModelVersion;
import io.poka.scoring.RowScore;
import io.poka.scoring.ScoreTimeline;
import io.poka.scoring.ScoredWindow;
import io.poka.scoring.ScoringApi;
import io.poka.scoring.TailThreshold;
import io.poka.scoring.TrainingJob;
import io.poka.scoring.internal.data.CsvTables;
import io.poka.scoring.internal.data.Datasets;
import io.poka.scoring.internal.data.NumericTable;
import io.poka.scoring.internal.data.TelemetryDatasets;
import io.poka.scoring.internal.data.UnusableData;
import io.poka.scoring.AlarmRule;
import io.poka.scoring.internal.model.Hyperparameters;
import io.poka.scoring.internal.model.LoadedVaeGan;
import io.poka.scoring.internal.registry.ModelCache;
import io.poka.scoring.internal.registry.ModelMetadata;
import io.poka.scoring.internal.registry.ModelRegistry;
import io.poka.scoring.internal.stream.RowAssembler;
import io.poka.scoring.internal.registry.ModelVersionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Scores rows with a line's active (or a chosen) model version and, for streamed windows, publishes an
 * {@link AnomalyDetected} for every row above the threshold through the outbox and as a CDI event.
 */
@ApplicationScoped
public class ScoringService implements ScoringApi {
    /** Contributions kept per point of a timeline: enough to explain a point on screen. */
    static final int TIMELINE_CONTRIBUTORS = 8;

    private final ModelRegistry registry;
    private final Datasets datasets;
    private final ScoringConfig config;
    private final QualityEvents events;
    private final Event<AnomalyDetected> anomalies;
    private final Clock clock;
    private final ScoringReads reads;
    private final RecentActivity activity;
    private static final Logger LOG = Logger.getLogger(ScoringService.class);
    private final TelemetryDatasets telemetry;
    private final AlarmStates alarmStates;

    ScoringService(ModelRegistry registry, Datasets datasets, ScoringConfig config, QualityEvents events,
            Event<AnomalyDetected> anomalies, Clock clock, ScoringReads reads, RecentActivity activity,
            TelemetryDatasets telemetry, AlarmStates alarmStates) {
        this.alarmStates = alarmStates;
        this.reads = reads;
        this.activity = activity;
        this.telemetry = telemetry;
        this.registry = registry;
        this.datasets = datasets;
        this.config = config;
        this.events = events;
        this.anomalies = anomalies;
        this.clock = clock;
    }

    /** Batch scoring: nothing is stored or published. */
    public ScoredWindow score(String line, UUID modelId, NumericTable table) {
        ModelCache.Loaded model = model(line, modelId);
        return window(model, table, config.topContributors(), model.alarmRule().newState());
    }

    @Override
    @Transactional
    public ScoredWindow scoreWindow(String line, List<String> variables, List<double[]> rows, List<Instant> timestamps) {
        return scoreWindow(line, null, variables, rows, timestamps);
    }

    /**
     * As {@link #scoreWindow(String, List, List, List)} with the model the caller already resolved (null: the line's
     * active model): the streaming scorer passes the version its rows were assembled for, so the rows are scored by
     * that version and the active model is not looked up a second time per poll.
     */
    @Transactional
    public ScoredWindow scoreWindow(String line, UUID modelId, List<String> variables, List<double[]> rows,
            List<Instant> timestamps) {
        CsvTables.checkHeader(variables);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length != variables.size()) {
                throw new UnusableData("ragged-row", "Row " + i + " has " + rows.get(i).length + " values for "
                        + variables.size() + " variables").at("row", i);
            }
        }
        ModelCache.Loaded model = model(line, modelId);
        boolean timed = timestamps != null && !timestamps.isEmpty();
        ScoredWindow scored = continued(line, model, new NumericTable(variables, rows.toArray(double[][]::new)),
                timed ? timestamps.get(0) : null, timed ? timestamps.get(timestamps.size() - 1) : null);
        Instant now = clock.instant();
        int scoredRows = 0;
        int anomalous = 0;
        for (RowScore row : scored.rows()) {
            scoredRows += row.score() == null ? 0 : 1;
            if (row.anomalous()) {
                Instant observedAt = timed ? timestamps.get(row.row()) : null;
                AnomalyDetected event = new AnomalyDetected(anomalyId(line, model.id(), observedAt), line, model.id(),
                        model.version(), row.score(), model.threshold(), model.dataFingerprint(), row.topContributors(),
                        observedAt, now);
                // a row scored again (redelivery, a replica taking over) has the same id: published once
                if (events.publishOnce(event.anomalyId(), "AnomalyDetected", line, event)) {
                    anomalous++;
                    anomalies.fire(event);
                }
            }
        }
        activity.record(line, scoredRows, anomalous);
        return scored;
    }

    /**
     * The id of the anomaly a model flags on a line's row: name-based on line, model and row time, so the same row
     * flagged again is the same anomaly; random for rows without a time (nothing identifies them).
     */
    static UUID anomalyId(String line, UUID modelId, Instant observedAt) {
        return observedAt == null ? UUID.randomUUID() : UUID.nameUUIDFromBytes(("AnomalyDetected|" + line + "|"
                + modelId + "|" + observedAt).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Where streamed scoring of the line under this model goes on: the time of the newest row scored (restored from
     * the saved position when this replica has no state for the line), empty when unknown (not scored in streaming
     * under this model yet).
     */
    public Optional<Instant> streamScoredUpTo(String line, UUID modelId) {
        return Optional.ofNullable(alarmStates.resumed(line, model(line, modelId)).lastScoredAt);
    }

    /** Drops the line's streaming state (a window failed): its next window continues from the saved position. */
    public void forgetStream(String line) {
        alarmStates.forget(line);
    }

    /** Trains VAE-GAN versions for other modules' evaluations (field-injected, the constructor stays as it is). */
    @jakarta.inject.Inject
    EvaluationTrainings evaluationTrainings;

    @Override
    public EvaluationModel trainForEvaluation(EvaluationTraining training) {
        return evaluationTrainings.train(training);
    }

    @Override
    public TailThreshold calibrateThreshold(List<double[]> crossFittedSeries, double falseAlarmRate, long seed) {
        io.poka.scoring.internal.model.TailCalibration.Fit f = io.poka.scoring.internal.model.TailCalibration.fit(
                crossFittedSeries, falseAlarmRate, seed);
        return new TailThreshold(f.threshold(), f.method(), f.expectedFalseAlarmRate(), f.lower(), f.upper(), f.scores(),
                f.effectiveSampleSize(), f.smallestSupportedTarget(), f.support());
    }

    @Override
    public Optional<Dataset> dataset(UUID id) {
        return datasets.findOptional(id).map(r -> {
            NumericTable t = datasets.table(id);
            return new Dataset(id, r.name, r.fingerprint, t.variables(), t.rows());
        });
    }

    @Override
    @Transactional
    public List<ModelSummary> modelsTrainedOn(UUID datasetId) {
        return ModelVersionRecord.<ModelVersionRecord>list("datasetId = ?1 order by createdAt, version", datasetId)
                .stream().map(r -> {
                    ModelMetadata m = registry.get(r.id).metadata();
                    Hyperparameters h = m.hyperparameters();
                    return new ModelSummary(r.id, r.line, r.version, r.datasetId, r.dataFingerprint, r.threshold,
                            h.falseAlarmRate(), m.trainingRows(), m.calibrationRows(), h.lags(), h.spikeLimit(),
                            m.trainingMillis(), h.toString());
                }).toList();
    }

    @Override
    public ScoredWindow scoreWithModel(UUID modelId, List<String> variables, double[][] rows) {
        CsvTables.checkHeader(variables);
        ModelCache.Loaded model = registry.loaded(modelId);
        return window(model, new NumericTable(variables, rows), config.topContributors(), model.alarmRule().newState());
    }

    private ModelCache.Loaded model(String line, UUID modelId) {
        UUID id = modelId != null ? modelId
                : registry.activeModelId(line).orElseThrow(() -> new NotFoundProblem("Active model of line", line));
        ModelCache.Loaded model = registry.loaded(id);
        if (!model.line().equals(line)) {
            throw new NotFoundProblem("Model of line " + line, id);
        }
        return model;
    }

    @Override
    public List<ModelVersion> models(String line) {
        return reads.models(line);
    }

    @Override
    public Optional<ModelVersion> model(UUID id) {
        return reads.model(id);
    }

    @Override
    public List<DatasetInfo> datasets() {
        return reads.datasets();
    }

    @Override
    public List<TrainingJob> trainingJobs(String line) {
        return reads.trainingJobs(line);
    }

    @Override
    public Optional<TrainingJob> trainingJob(UUID id) {
        return reads.trainingJob(id);
    }

    @Override
    public List<ActiveModel> activeModels() {
        return reads.activeModels();
    }

    /**
     * Pivots the line's stored readings of the model's variables into time steps (as streaming does) and scores the
     * complete ones; at most {@code timeline-max-points} steps, the oldest first.
     */
    @Override
    public ScoreTimeline scoreTimeline(String line, UUID modelId, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new ValidationProblem("from", "from and to are required, from before to");
        }
        ModelCache.Loaded model = model(line, modelId);
        List<String> variables = model.network().pipeline().variables();
        TelemetryDatasets.Pivoted pivoted = telemetry.pivot(line, variables, from, to, config.timelineMaxPoints());
        List<RowAssembler.Row> rows = pivoted.rows();
        List<ScoreTimeline.Point> points = new ArrayList<>(rows.size());
        if (!rows.isEmpty()) {
            List<RowScore> scored = window(model, pivoted.table(variables), TIMELINE_CONTRIBUTORS,
                    model.alarmRule().newState()).rows();
            for (RowScore s : scored) {
                points.add(new ScoreTimeline.Point(rows.get(s.row()).timestamp(), s.score(), s.anomalous(),
                        s.topContributors()));
            }
        }
        return new ScoreTimeline(line, model.id(), model.version(), model.threshold(), model.dataFingerprint(), from,
                to, points, pivoted.incompleteSteps(), pivoted.truncated());
    }

    /**
     * Scores a streamed window as the continuation of the line's earlier windows: the features go on from the line's
     * running state (as many rows back as the model looks) and the alarm rule from its state, so windows score like
     * one long batch, and only the window's own rows are transformed and scored.
     * After a timed window that state is saved as the line's position (same transaction as its anomaly events).
     */
    private ScoredWindow continued(String line, ModelCache.Loaded model, NumericTable window, Instant firstTimestamp,
            Instant lastTimestamp) {
        AlarmStates.Line state = alarmStates.resumed(line, model);
        NumericTable aligned = model.network().pipeline().aligned(window);
        synchronized (state) {
            if (!state.warm()) {
                warmUp(line, model, state, firstTimestamp);
            }
            ScoredWindow scored = streamed(model, aligned.rows(), config.topContributors(), state);
            if (lastTimestamp != null) {
                alarmStates.save(line, state, lastTimestamp);
            }
            return scored;
        }
    }

    /**
     * Rebuilds a fresh streaming state from the line's stored readings before the window (restart, new active model):
     * the last history + alarm-rule-memory complete steps are scored from the normal level, which sets the rule's
     * state and the features' running state. Without timestamps or stored readings the line starts at the normal
     * level (logged).
     */
    private void warmUp(String line, ModelCache.Loaded model, AlarmStates.Line state, Instant before) {
        state.warmedUp();
        int history = model.network().pipeline().history();
        int steps = history + model.alarmRule().memory();
        List<RowAssembler.Row> stored = before == null || steps == 0 ? List.of()
                : telemetry.latest(line, model.network().pipeline().variables(), before, steps);
        if (stored.isEmpty()) {
            LOG.infof("Line %s, model %s: no stored readings before the first window; starting at the normal level",
                    line, model.id());
            return;
        }
        double[][] rows = stored.stream().map(RowAssembler.Row::values).toArray(double[][]::new);
        streamed(model, rows, 0, state);
        LOG.infof("Line %s, model %s: streaming state rebuilt from %d stored steps before %s", line, model.id(),
                rows.length, before);
    }

    /** Feeds rows (model column order) to the line's running features and alarm rule and scores them. */
    private ScoredWindow streamed(ModelCache.Loaded model, double[][] rows, int contributors, AlarmStates.Line state) {
        int unscored = state.features.unscored(rows.length);
        float[][] vectors = state.features.next(rows);
        return scored(model, model.network().score(vectors), unscored, contributors, state.rule);
    }

    /** Scores consecutive rows; the alarm rule continues from {@code state} (fresh for a batch). */
    private ScoredWindow window(ModelCache.Loaded model, NumericTable table, int contributors, AlarmRule.State state) {
        LoadedVaeGan net = model.network();
        NumericTable aligned = net.pipeline().aligned(table);
        return scored(model, net.score(aligned), Math.min(net.pipeline().lags(), table.rowCount()), contributors,
                state);
    }

    /**
     * The window's row scores: first {@code unscored} rows without a score (they only serve as lags), then one per
     * scored row, post-processed by the alarm rule from {@code state}.
     */
    private ScoredWindow scored(ModelCache.Loaded model, LoadedVaeGan.Scored[] scored, int unscored, int contributors,
            AlarmRule.State state) {
        List<String> names = model.network().pipeline().variables();
        List<RowScore> rows = new ArrayList<>(unscored + scored.length);
        for (int i = 0; i < unscored; i++) {
            rows.add(new RowScore(i, null, null, false, List.of()));
        }
        for (int k = 0; k < scored.length; k++) {
            LoadedVaeGan.Scored s = scored[k];
            double processed = state.next(s.score());
            rows.add(new RowScore(k + unscored, processed, s.score(), processed > model.threshold(),
                    top(s.contributions(), names, contributors)));
        }
        return new ScoredWindow(model.line(), model.id(), model.version(), model.threshold(), model.dataFingerprint(), rows);
    }

    /** The k largest contributions, largest first (selection, not a full sort: this runs for every scored row). */
    static List<Contribution> top(double[] c, List<String> names, int k) {
        List<Contribution> top = new ArrayList<>(k);
        boolean[] taken = new boolean[c.length];
        for (int n = 0; n < Math.min(k, c.length); n++) {
            int best = -1;
            for (int j = 0; j < c.length; j++) {
                if (!taken[j] && (best < 0 || c[j] > c[best])) {
                    best = j;
                }
            }
            taken[best] = true;
            top.add(new Contribution(names.get(best), c[best]));
        }
        return top;
    }
}
