package io.poka.baselines.internal;

import io.poka.baselines.internal.anomaly.AlarmRule;
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
import io.poka.scoring.ScoringApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The anomaly monitors side by side on a user's data set: every chosen monitor is trained (and stored in the registry)
 * on the same columns, normal rows and time-ordered split, each calibrated by the same cross-fitted tail calibration;
 * then all are judged on the same rows: false alarms on the held-out normal rows and on separate normal test data
 * sets, detection on the labelled abnormal rows at each monitor's own limit and at a limit that gives every monitor
 * the same false-alarm rate on the normal test rows.
 */
@ApplicationScoped
public class DatasetAnomalyComparisons {
    static final int MAX_NORMAL_TEST_DATASETS = AnomalyComparisons.MAX_NORMAL_TEST_DATASETS;

    /**
     * @param monitors the monitors to compare (default all six)
     * @param targetColumn optional label column; {@code anomaly.normalValues} its normal values
     * @param normalTestDatasets separate normal data sets of the scoring registry (never fitted on); without them the
     *        equal false-alarm limit is set on the split's held-out normal rows
     * @param equalFalseAlarmRate the rate every monitor is brought to on the normal test rows; default the target
     */
    @Schema(name = "DatasetAnomalyComparisonRequest")
    public record Request(List<String> monitors, String targetColumn, List<String> featureColumns,
            TrainingSpec.SplitSpec split, AnomalySpec anomaly, List<UUID> normalTestDatasets,
            Double equalFalseAlarmRate) {
    }

    /** False alarms of one monitor on one separate normal data set, at its own limit and at the equal-rate limit. */
    @Schema(name = "AnomalyNormalTestResult")
    public record NormalTest(UUID datasetId, String name, String fingerprint, int rowsEvaluated, double falseAlarmRate,
            double falseAlarmRateAtEqualFalseAlarm) {
    }

    /**
     * One monitor's results: the stored model, its own limit and its false alarms (cross-fitted, held-out, normal test
     * data pooled), detection and ROC AUC on the labelled abnormal rows (null without a label column), and the same at
     * the equal-false-alarm limit with the rate it achieves there.
     */
    @Schema(name = "AnomalyMonitorResult")
    public record MonitorResult(String monitor, UUID modelId, String modelVersion, double threshold,
            double crossFittedFalseAlarmRate, double heldOutFalseAlarmRate, Double normalTestFalseAlarmRate,
            Double detectionRate, Double rocAuc, double equalFalseAlarmLimit, double achievedEqualFalseAlarmRate,
            Double detectionRateAtEqualFalseAlarm, List<NormalTest> normalTests) {
    }

    /**
     * The comparison: data set, the split every monitor shared (provenance of the first), where the equal rate was set,
     * and the monitors' results in the requested order.
     */
    @Schema(name = "DatasetAnomalyComparison")
    public record Comparison(String datasetId, TrainingProvenance training, double targetFalseAlarmRate,
            double equalFalseAlarmRate, String equalFalseAlarmOn, int firstEvaluatedRow, List<MonitorResult> monitors) {
    }

    private final BaselinesService service;
    private final ScoringApi scoring;

    DatasetAnomalyComparisons(BaselinesService service, ScoringApi scoring) {
        this.service = service;
        this.scoring = scoring;
    }

    public Comparison compare(String dataset, Request r) {
        List<String> monitors = r.monitors() == null || r.monitors().isEmpty() ? AnomalyTrainers.NAMES
                : List.copyOf(new LinkedHashSet<>(r.monitors()));
        for (String m : monitors) {
            if (!AnomalyTrainers.isAnomaly(m)) {
                throw new ValidationProblem("monitors", "each one of " + AnomalyTrainers.NAMES);
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
        Prepared prepared = service.checkedTraining(dataset, monitors.get(0), spec);
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
        int firstRow = monitors.stream().anyMatch(m -> m.startsWith("dynamic-")) ? rows.lags() : 0;
        double equalRate = r.equalFalseAlarmRate() == null ? rows.falseAlarmRate() : r.equalFalseAlarmRate();
        List<MonitorResult> results = new ArrayList<>();
        TrainingProvenance training = null;
        for (String m : monitors) {
            BaselinesService.ModelDetail detail = service.train(prepared, m);
            training = detail.training();
            StoredAnomalyModel model = service.anomalyModel(detail.model().id());
            results.add(judge(m, detail, model, rows, tests, testRows, equalRate, firstRow));
        }
        return new Comparison(dataset, training, rows.falseAlarmRate(), equalRate, tests.isEmpty()
                ? "the split's held-out normal rows" : "the normal test data sets", firstRow, results);
    }

    private static MonitorResult judge(String name, BaselinesService.ModelDetail detail, StoredAnomalyModel model,
            AnomalyRows rows, List<ScoringApi.Dataset> tests, List<double[][]> testRows, double equalRate, int firstRow) {
        double[] scores = model.scores(rows.series());
        double[] heldOut = AnomalyMetrics.scored(Arrays.stream(rows.testNormal()).mapToDouble(i -> scores[i]).toArray());
        double[] abnormal = AnomalyMetrics.scored(Arrays.stream(rows.abnormal()).mapToDouble(i -> scores[i]).toArray());
        double limit = model.threshold();
        List<double[]> normalSeries = testRows.stream().map(model::scores).toList();
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
        return new MonitorResult(name, detail.model().id(), detail.model().modelVersion(), limit,
                ((Number) detail.metrics().get("crossFittedFalseAlarmRate")).doubleValue(),
                AnomalyMetrics.exceedance(heldOut, limit),
                tests.isEmpty() ? null : EqualFalseAlarm.rate(normalSeries, AlarmRule.NONE, limit, firstRow),
                labelled ? AnomalyMetrics.exceedance(abnormal, limit) : null,
                labelled ? AnomalyMetrics.rocAuc(heldOut, abnormal) : null, equalLimit,
                EqualFalseAlarm.rate(equalOn, AlarmRule.NONE, equalLimit, equalFrom),
                labelled ? AnomalyMetrics.exceedance(abnormal, equalLimit) : null, normalTests);
    }
}
