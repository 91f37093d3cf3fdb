package io.poka.baselines.internal;

import io.poka.scoring.AlarmRule;
import io.poka.baselines.internal.anomaly.AnomalyMetrics;
import io.poka.baselines.internal.anomaly.AnomalyTrainers;
import io.poka.baselines.internal.anomaly.EqualFalseAlarm;
import io.poka.baselines.internal.anomaly.StoredAnomalyModel;
import io.poka.baselines.internal.training.AnomalyRows;
import io.poka.baselines.internal.training.AnomalySpec;
import io.poka.baselines.internal.training.Prepared;
import io.poka.baselines.internal.training.TrainingProvenance;
import io.poka.baselines.internal.training.TrainingSpec;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.ValidationProblem;
import io.poka.scoring.AlarmRule;
import io.poka.scoring.RowScore;
import io.poka.scoring.ScoringApi;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * The anomaly monitors side by side on a user's data set: every chosen monitor is trained (and stored in the registry)
 * on the same columns, normal rows and time-ordered split, each calibrated by the same cross-fitted tail calibration;
 * then all are judged on the same rows: false alarms on the held-out normal rows and on separate normal test data
 * sets, detection on the labelled abnormal rows at each monitor's own limit and at a limit that gives every monitor
 * the same false-alarm rate on the normal test rows. The VAE-GAN (monitor {@code vae-gan}) enters through the scoring
 * module's API: trained on the same normal training rows and columns, calibrated by its own cross-fitting, registered
 * (not activated) on a line named after the comparison, then judged like the others.
 */
@ApplicationScoped
public class DatasetAnomalyComparisons {
    private static final Logger LOG = Logger.getLogger(DatasetAnomalyComparisons.class);
    static final int MAX_NORMAL_TEST_DATASETS = AnomalyComparisons.MAX_NORMAL_TEST_DATASETS;
    /** The scoring module's VAE-GAN as a monitor of the comparison. */
    public static final String VAE_GAN = "vae-gan";
    /** Every monitor, the VAE-GAN first: the default of a request. */
    public static final List<String> MONITORS = Stream.concat(Stream.of(VAE_GAN), AnomalyTrainers.NAMES.stream())
            .toList();
    /** Hyperparameters the comparison sets for the VAE-GAN itself, so that every monitor is judged alike. */
    private static final List<String> SET_BY_THE_COMPARISON = List.of("falseAlarmRate", "alarmRule");

    /**
     * @param monitors the monitors to compare (default all seven: {@code vae-gan} and the six baselines); leave
     *        {@code vae-gan} out to save its training time
     * @param vaeGanHyperparameters the VAE-GAN's training hyperparameters (as the scoring training API takes them;
     *        defaults for those not given; {@code falseAlarmRate} and {@code alarmRule} are the comparison's)
     * @param targetColumn optional label column; {@code anomaly.normalValues} its normal values
     * @param normalTestDatasets separate normal data sets of the scoring registry (never fitted on); without them the
     *        equal false-alarm limit is set on the split's held-out normal rows
     * @param equalFalseAlarmRate the rate every monitor is brought to on the normal test rows; default the target
     */
    @Schema(name = "DatasetAnomalyComparisonRequest")
    public record Request(List<String> monitors, String targetColumn, List<String> featureColumns,
            TrainingSpec.SplitSpec split, AnomalySpec anomaly, List<UUID> normalTestDatasets,
            Double equalFalseAlarmRate,
            @Schema(ref = "Hyperparameters", description = "The VAE-GAN's training hyperparameters, as the scoring "
                    + "training API takes them (unknown names refused); falseAlarmRate and alarmRule are the "
                    + "comparison's") Map<String, Object> vaeGanHyperparameters) {

        /** A request without VAE-GAN hyperparameters. */
        public Request(List<String> monitors, String targetColumn, List<String> featureColumns,
                TrainingSpec.SplitSpec split, AnomalySpec anomaly, List<UUID> normalTestDatasets,
                Double equalFalseAlarmRate) {
            this(monitors, targetColumn, featureColumns, split, anomaly, normalTestDatasets, equalFalseAlarmRate, null);
        }
    }

    /** False alarms of one monitor on one separate normal data set, at its own limit and at the equal-rate limit. */
    @Schema(name = "AnomalyNormalTestResult")
    public record NormalTest(UUID datasetId, String name, String fingerprint, int rowsEvaluated, double falseAlarmRate,
            double falseAlarmRateAtEqualFalseAlarm) {
    }

    /**
     * One monitor's results: the stored model, its own limit and its false alarms (cross-fitted, held-out, normal test
     * data pooled), detection and ROC AUC on the labelled abnormal rows (null without a label column), and the same at
     * the equal-false-alarm limit with the rate it achieves there; the time its training took (cross-fitting
     * included).
     *
     * @param modelId the baselines model, or for {@code vae-gan} the scoring registry's model version
     * @param line for {@code vae-gan}: the scoring registry line it is registered on (not active); null otherwise
     */
    @Schema(name = "AnomalyMonitorResult")
    public record MonitorResult(String monitor, UUID modelId, String modelVersion, double threshold,
            double crossFittedFalseAlarmRate, double heldOutFalseAlarmRate, Double normalTestFalseAlarmRate,
            Double detectionRate, Double rocAuc, double equalFalseAlarmLimit, double achievedEqualFalseAlarmRate,
            Double detectionRateAtEqualFalseAlarm, List<NormalTest> normalTests, String line, long trainingMillis) {
    }

    /**
     * The comparison: data set, the split every monitor shared (provenance of the first), where the equal rate was set,
     * the alarm rule every monitor went through, and the monitors' results in the requested order.
     *
     * @param comparisonId names this run in the provenance of the models it trained (the VAE-GAN's line and data set)
     */
    @Schema(name = "DatasetAnomalyComparison")
    public record Comparison(String datasetId, TrainingProvenance training, double targetFalseAlarmRate,
            double equalFalseAlarmRate, String equalFalseAlarmOn, int firstEvaluatedRow, List<MonitorResult> monitors,
            UUID comparisonId, AlarmRule alarmRule) {
    }

    private final BaselinesService service;
    private final ScoringApi scoring;
    private final TrainingSlots slots;
    private final SecurityIdentity identity;

    DatasetAnomalyComparisons(BaselinesService service, ScoringApi scoring, TrainingSlots slots,
            SecurityIdentity identity) {
        this.service = service;
        this.scoring = scoring;
        this.slots = slots;
        this.identity = identity;
    }

    public Comparison compare(String dataset, Request r) {
        List<String> monitors = r.monitors() == null || r.monitors().isEmpty() ? MONITORS
                : List.copyOf(new LinkedHashSet<>(r.monitors()));
        for (String m : monitors) {
            if (!MONITORS.contains(m)) {
                throw new ValidationProblem("monitors", "each one of " + MONITORS);
            }
        }
        boolean withVaeGan = monitors.contains(VAE_GAN);
        if (r.vaeGanHyperparameters() != null) {
            if (!withVaeGan) {
                throw new ValidationProblem("vaeGanHyperparameters", "given, but vae-gan is not one of the monitors");
            }
            for (String own : SET_BY_THE_COMPARISON) {
                if (r.vaeGanHyperparameters().containsKey(own)) {
                    throw new ValidationProblem("vaeGanHyperparameters." + own, "is set by the comparison for every "
                            + "monitor alike (anomaly.falseAlarmRate; alarm rule none)");
                }
            }
        }
        List<UUID> testIds = r.normalTestDatasets() == null ? List.of() : r.normalTestDatasets();
        if (testIds.size() > MAX_NORMAL_TEST_DATASETS) {
            throw new ValidationProblem("normalTestDatasets", "give at most " + MAX_NORMAL_TEST_DATASETS);
        }
        if (r.equalFalseAlarmRate() != null && !(r.equalFalseAlarmRate() > 0 && r.equalFalseAlarmRate() < 0.5)) {
            throw new ValidationProblem("equalFalseAlarmRate", "must be above 0 and below 0.5");
        }
        TrainingSpec spec = new TrainingSpec(TrainingSpec.Task.ANOMALY, r.targetColumn(), r.featureColumns(), r.split(),
                r.anomaly());
        // the split is the baselines' own; any anomaly trainer name selects it
        Prepared prepared = service.checkedTraining(dataset, AnomalyTrainers.NAMES.get(0), spec);
        AnomalyRows rows = prepared.anomaly();
        List<ScoringApi.Dataset> tests = new ArrayList<>();
        List<double[][]> testRows = new ArrayList<>();
        for (int i = 0; i < testIds.size(); i++) {
            UUID id = testIds.get(i);
            String field = "normalTestDatasets[" + i + "]";
            if (id == null) {
                throw new ValidationProblem(field, "is required");
            }
            if (id.toString().equals(dataset)) {
                throw new ValidationProblem(field, "is the data set the monitors are fitted on; a normal test data set "
                        + "must be separate");
            }
            ScoringApi.Dataset d = scoring.dataset(id).orElseThrow(() -> new NotFoundProblem("Dataset", id));
            List<String> missing = rows.features().stream().filter(f -> !d.variables().contains(f)).toList();
            if (!missing.isEmpty()) {
                throw ComparisonProblem.wrongColumns(field, id, missing);
            }
            int[] index = rows.features().stream().mapToInt(d.variables()::indexOf).toArray();
            testRows.add(Arrays.stream(d.rows()).map(row -> Arrays.stream(index).mapToDouble(j -> row[j]).toArray())
                    .toArray(double[][]::new));
            tests.add(d);
        }
        double equalRate = r.equalFalseAlarmRate() == null ? rows.falseAlarmRate() : r.equalFalseAlarmRate();
        UUID comparisonId = UUID.randomUUID();
        // the VAE-GAN first whatever the requested order: its hyperparameters are checked before anything is stored
        ScoringApi.EvaluationModel vaeGanModel = withVaeGan
                ? trainVaeGan(comparisonId, prepared, r.vaeGanHyperparameters()) : null;
        // rows of a normal test data set that only serve as history of the most-lagged monitor
        int firstRow = Math.max(monitors.stream().anyMatch(m -> m.startsWith("dynamic-")) ? rows.lags() : 0,
                vaeGanModel == null ? 0 : vaeGanModel.lags());
        MonitorResult vaeGan = vaeGanModel == null ? null
                : judgeVaeGan(vaeGanModel, rows, tests, testRows, equalRate, firstRow);
        List<MonitorResult> results = new ArrayList<>();
        TrainingProvenance training = prepared.provenance();
        for (String m : monitors) {
            if (m.equals(VAE_GAN)) {
                results.add(vaeGan);
                continue;
            }
            BaselinesService.ModelDetail detail = service.train(prepared, m);
            training = detail.training();
            StoredAnomalyModel model = service.anomalyModel(detail.model().id());
            results.add(judge(m, detail, model, rows, tests, testRows, equalRate, firstRow));
        }
        for (MonitorResult m : results) {
            LOG.infof("Anomaly comparison %s on %s: %s trained in %d ms, false alarms held-out %.4f / normal test %s "
                    + "(target %.4f), detection %s", comparisonId, dataset, m.monitor(), m.trainingMillis(),
                    m.heldOutFalseAlarmRate(), m.normalTestFalseAlarmRate(), rows.falseAlarmRate(), m.detectionRate());
        }
        return new Comparison(dataset, training, rows.falseAlarmRate(), equalRate, tests.isEmpty()
                ? "the split's held-out normal rows" : "the normal test data sets", firstRow, results, comparisonId,
                AlarmRule.NONE);
    }

    /**
     * Trains the VAE-GAN through the scoring module on the split's normal training rows and feature columns, in a
     * training slot of this module; its rows are stored as a data set named after the comparison and the source.
     */
    private ScoringApi.EvaluationModel trainVaeGan(UUID comparisonId, Prepared prepared, Map<String, Object> requested) {
        AnomalyRows rows = prepared.anomaly();
        double[][] train = Arrays.stream(rows.train()).mapToObj(i -> rows.series()[i]).toArray(double[][]::new);
        Map<String, Object> h = new java.util.LinkedHashMap<>(requested == null ? Map.of() : requested);
        h.put("falseAlarmRate", rows.falseAlarmRate());
        h.put("alarmRule", Map.of("kind", "NONE"));
        TrainingProvenance source = prepared.provenance();
        String name = ("Comparison " + comparisonId + " training rows of " + source.datasetId()
                + " fingerprint " + source.datasetFingerprint());
        String actor = identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        String line = "comparison-" + comparisonId.toString().substring(0, 8);
        return slots.run(() -> scoring.trainForEvaluation(new ScoringApi.EvaluationTraining(line,
                name.length() <= 200 ? name : name.substring(0, 200), rows.features(), train, h,
                "vaeGanHyperparameters", actor)));
    }

    private MonitorResult judgeVaeGan(ScoringApi.EvaluationModel m, AnomalyRows rows, List<ScoringApi.Dataset> tests,
            List<double[][]> testRows, double equalRate, int firstRow) {
        Judged j = judged(s -> scoring.scoreWithModel(m.modelId(), rows.features(), s).rows().stream()
                .mapToDouble(DatasetAnomalyComparisons::scoreOf).toArray(), m.threshold(), rows, tests, testRows,
                equalRate, firstRow);
        Object crossFitted = m.validation().get("crossFittedFalseAlarmRate");
        return j.result(VAE_GAN, m.modelId(), String.valueOf(m.version()), crossFitted instanceof Number n
                ? n.doubleValue() : Double.NaN, m.line(), m.trainingMillis());
    }

    /** The score the threshold applies to; NaN for a history row without one. */
    private static double scoreOf(RowScore r) {
        return r.score() == null ? Double.NaN : r.score();
    }

    private static MonitorResult judge(String name, BaselinesService.ModelDetail detail, StoredAnomalyModel model,
            AnomalyRows rows, List<ScoringApi.Dataset> tests, List<double[][]> testRows, double equalRate, int firstRow) {
        return judged(model::scores, model.threshold(), rows, tests, testRows, equalRate, firstRow).result(name,
                detail.model().id(), detail.model().modelVersion(),
                ((Number) detail.metrics().get("crossFittedFalseAlarmRate")).doubleValue(), null,
                detail.model().trainingMs());
    }

    /** Scores a series of rows in time order; NaN for a row without a score. */
    @FunctionalInterface
    private interface Scorer {
        double[] scores(double[][] series);
    }

    /** One monitor's rates and limits on the comparison's rows, before its identity is attached. */
    private record Judged(double limit, double heldOutRate, Double normalTestRate, Double detectionRate, Double rocAuc,
            double equalLimit, double achievedEqualRate, Double detectionAtEqual, List<NormalTest> normalTests) {
        MonitorResult result(String name, UUID modelId, String version, double crossFittedRate, String line,
                long trainingMillis) {
            return new MonitorResult(name, modelId, version, limit, crossFittedRate, heldOutRate, normalTestRate,
                    detectionRate, rocAuc, equalLimit, achievedEqualRate, detectionAtEqual, normalTests, line,
                    trainingMillis);
        }
    }

    private static Judged judged(Scorer scorer, double limit, AnomalyRows rows, List<ScoringApi.Dataset> tests,
            List<double[][]> testRows, double equalRate, int firstRow) {
        double[] scores = scorer.scores(rows.series());
        double[] heldOut = AnomalyMetrics.scored(Arrays.stream(rows.testNormal()).mapToDouble(i -> scores[i]).toArray());
        double[] abnormal = AnomalyMetrics.scored(Arrays.stream(rows.abnormal()).mapToDouble(i -> scores[i]).toArray());
        List<double[]> normalSeries = testRows.stream().map(scorer::scores).toList();
        // without separate normal data the equal rate is set on the held-out normal rows (in time order)
        List<double[]> equalOn = tests.isEmpty() ? List.of(heldOut) : normalSeries;
        int equalFrom = tests.isEmpty() ? 0 : firstRow;
        double equalLimit = EqualFalseAlarm.limit(equalOn, AlarmRule.NONE, equalRate, equalFrom);
        List<NormalTest> normalTests = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            ScoringApi.Dataset d = tests.get(i);
            List<double[]> one = List.of(normalSeries.get(i));
            normalTests.add(new NormalTest(d.id(), d.name(), d.fingerprint(), Math.max(0, d.rows().length - firstRow),
                    EqualFalseAlarm.rate(one, AlarmRule.NONE, limit, firstRow),
                    EqualFalseAlarm.rate(one, AlarmRule.NONE, equalLimit, firstRow)));
        }
        boolean labelled = rows.abnormal().length > 0;
        return new Judged(limit, AnomalyMetrics.exceedance(heldOut, limit),
                tests.isEmpty() ? null : EqualFalseAlarm.rate(normalSeries, AlarmRule.NONE, limit, firstRow),
                labelled ? AnomalyMetrics.exceedance(abnormal, limit) : null,
                labelled ? AnomalyMetrics.rocAuc(heldOut, abnormal) : null, equalLimit,
                EqualFalseAlarm.rate(equalOn, AlarmRule.NONE, equalLimit, equalFrom),
                labelled ? AnomalyMetrics.exceedance(abnormal, equalLimit) : null, normalTests);
    }
}
