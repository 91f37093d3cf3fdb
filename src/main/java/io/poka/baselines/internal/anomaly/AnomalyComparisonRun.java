package io.poka.baselines.internal.anomaly;

import io.poka.scoring.AlarmRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts anomaly monitors side by side on one split: the baselines (PCA T² and SPE, static and dynamic, one-class SVM,
 * isolation forest) are fitted on the same first {@code trainingRows} normal rows as the VAE-GAN, their limits
 * calibrated on the same held-out normal rows with the same conformal rule and target false-alarm rate; then every
 * monitor scores the same normal test and fault runs through the same alarm rule, at its own limit and at a limit that
 * gives every monitor the same false-alarm rate on the normal test runs. Plain Java: the VAE-GAN enters as an already
 * calibrated {@link ExternalModel}.
 */
public final class AnomalyComparisonRun {

    /** Rows known to be faulty from {@code onset} on (rows before it are normal operation); {@code inMean}: counted in the means. */
    public record FaultRun(String name, UUID datasetId, double[][] rows, int onset, boolean inMean) {
    }

    /** A separate run of normal operation, never used for fitting or calibration: where false alarms are counted. */
    public record NormalRun(String name, UUID datasetId, double[][] rows) {
    }

    /** Scores raw rows; NaN for a row without a score (history of a lagged model). */
    @FunctionalInterface
    public interface Scorer {
        double[] score(double[][] rows);
    }

    /** A model trained and calibrated elsewhere (the VAE-GAN), with its own limit on raw scores. */
    public record ExternalModel(String name, String kind, Map<String, Object> hyperparameters, String provenance,
            long trainingMillis, double threshold, int lags, Scorer scorer) {
    }

    /** Settings of the baselines; the target false-alarm rate and spike limit come from the VAE-GAN model. */
    public record Settings(double falseAlarmRate, double spikeLimit, double pcaVarianceShare, double svmNu,
            double svmGamma, int forestTrees, int forestSubsample, long seed, int dynamicPcaLags) {
    }

    /**
     * What every monitor is judged on: fault runs, separate normal runs, the alarm rule, and the false-alarm rate all
     * monitors are brought to on the normal runs for the equal-rate comparison.
     */
    public record Plan(List<FaultRun> faults, List<NormalRun> normalTests, AlarmRule rule, double equalFalseAlarmRate) {
    }

    /**
     * One fault run as one monitor saw it, at the monitor's own limit and (when there are normal test runs) at the
     * equal-false-alarm limit. Rates and delay count rows from the onset (or from the comparison's first evaluated row).
     */
    public record RunResult(String name, UUID datasetId, int onsetRow, boolean inMean, double detectionRate,
            Integer detectionDelayRows, double rocAuc, Double falseAlarmRateBeforeOnset,
            Double detectionRateAtEqualFalseAlarm, Integer detectionDelayRowsAtEqualFalseAlarm,
            Double falseAlarmRateBeforeOnsetAtEqualFalseAlarm) {
    }

    /** False alarms of one monitor on one separate normal run, at its own limit and at the equal-rate limit. */
    public record NormalTestResult(String name, UUID datasetId, int rowsEvaluated, double falseAlarmRate,
            Double falseAlarmRateAtEqualFalseAlarm) {
    }

    /**
     * A monitor's results at one limit: false alarms on the normal test runs and before the onsets (pooled), and the
     * means over the fault runs counted in the means (delays over those detected at all).
     */
    public record AtLimit(double threshold, Double normalTestFalseAlarmRate, Double preFaultFalseAlarmRate,
            double meanDetectionRate, Double meanDetectionDelayRows, Double medianDetectionDelayRows,
            int runsNeverDetected) {
    }

    /**
     * One monitor's results: own limit and how it was set, false alarms on the held-out calibration rows (in-sample,
     * and 2-fold cross-calibrated), on the normal test runs and before the fault onsets, means over the fault runs
     * counted in the means, pooled ROC AUC (held-out normal rows vs every faulty row), the same at the equal
     * false-alarm limit ({@code atEqualFalseAlarm}, null without normal test runs), training time and scoring
     * throughput (rows per second over the fault runs, preparation included).
     */
    public record ModelResult(String model, String kind, Map<String, Object> hyperparameters, String provenance,
            long trainingMs, double rowsPerSecond, double threshold, String thresholdSource, double falseAlarmRate,
            double crossCalibratedFalseAlarmRate, Double normalTestFalseAlarmRate, Double preFaultFalseAlarmRate,
            double meanDetectionRate, Double meanDetectionDelayRows, Double medianDetectionDelayRows,
            int runsNeverDetected, double rocAuc, AtLimit atEqualFalseAlarm, List<NormalTestResult> normalTests,
            List<RunResult> runs) {
    }

    /** A monitor ready to be judged: its own raw-score limit (null = calibrate on the held-out rows) and scorer. */
    private record Candidate(String name, String kind, Map<String, Object> hyperparameters, String provenance,
            long trainingMs, Double threshold, int lags, Scorer scorer) {
    }

    private AnomalyComparisonRun() {
    }

    /** First row of every normal test and fault run that is evaluated: the history the most-lagged monitor needs. */
    public static int firstEvaluatedRow(List<ExternalModel> external, Settings s) {
        return Math.max(s.dynamicPcaLags(), external.stream().mapToInt(ExternalModel::lags).max().orElse(0));
    }

    /**
     * Fits the baselines and compares them with the external models; results in the order external, PCA T², PCA SPE,
     * dynamic PCA T², dynamic PCA SPE, one-class SVM, isolation forest.
     */
    public static List<ModelResult> run(double[][] normal, int trainingRows, Plan plan, List<ExternalModel> external,
            Settings s) {
        return run(normal, trainingRows, plan, external, s, null);
    }

    /**
     * As {@link #run(double[][], int, Plan, List, Settings)}, the baselines fitted on and scoring only the columns
     * {@code baselineColumns} (indices into every row; null = all); the external models still get whole rows.
     */
    public static List<ModelResult> run(double[][] normal, int trainingRows, Plan plan, List<ExternalModel> external,
            Settings s, int[] baselineColumns) {
        java.util.function.UnaryOperator<double[][]> columns = rows -> baselineColumns == null ? rows
                : Arrays.stream(rows).map(r -> Arrays.stream(baselineColumns).mapToDouble(j -> r[j]).toArray())
                        .toArray(double[][]::new);
        double[][] train = columns.apply(Arrays.copyOfRange(normal, 0, trainingRows));
        List<Candidate> candidates = new ArrayList<>();
        for (ExternalModel m : external) {
            candidates.add(new Candidate(m.name(), m.kind(), m.hyperparameters(), m.provenance(), m.trainingMillis(),
                    m.threshold(), m.lags(), m.scorer()));
        }
        long t0 = System.nanoTime();
        Standardiser standardiser = Standardiser.fit(train, s.spikeLimit());
        double[][] z = standardiser.transformClipped(train);
        long prepareNanos = System.nanoTime() - t0;
        List<AnomalyMonitor> monitors = new ArrayList<>();
        List<Long> fitNanos = new ArrayList<>();
        t0 = System.nanoTime();
        List<AnomalyMonitor> pca = PcaMonitors.fit(z, s.pcaVarianceShare()).monitors();
        long nanos = System.nanoTime() - t0;
        monitors.addAll(pca);
        fitNanos.addAll(List.of(nanos, nanos));
        t0 = System.nanoTime();
        List<AnomalyMonitor> dynamic = DynamicPca.fit(z, s.dynamicPcaLags(), s.pcaVarianceShare());
        nanos = System.nanoTime() - t0;
        monitors.addAll(dynamic);
        fitNanos.addAll(List.of(nanos, nanos));
        t0 = System.nanoTime();
        monitors.add(OneClassSvm.fit(z, s.svmNu(), s.svmGamma(), s.seed()));
        fitNanos.add(System.nanoTime() - t0);
        t0 = System.nanoTime();
        monitors.add(IsolationForest.fit(z, s.forestTrees(), s.forestSubsample(), s.seed()));
        fitNanos.add(System.nanoTime() - t0);
        for (int k = 0; k < monitors.size(); k++) {
            AnomalyMonitor m = monitors.get(k);
            Map<String, Object> h = new LinkedHashMap<>(m.hyperparameters());
            h.put("falseAlarmRate", s.falseAlarmRate());
            h.put("spikeLimit", s.spikeLimit());
            candidates.add(new Candidate(m.name(), "baseline", h, m.provenance(),
                    (prepareNanos + fitNanos.get(k)) / 1_000_000, null, m.lags(),
                    rows -> m.scores(standardiser.transform(columns.apply(rows)))));
        }
        int fromRow = firstEvaluatedRow(external, s);
        List<ModelResult> results = new ArrayList<>();
        for (Candidate c : candidates) {
            results.add(evaluate(c, normal, trainingRows, plan, s.falseAlarmRate(), fromRow));
        }
        return results;
    }

    private static ModelResult evaluate(Candidate c, double[][] normal, int trainingRows, Plan plan, double alpha,
            int fromRow) {
        AlarmRule rule = plan.rule();
        double[] heldOut = rule.smooth(AnomalyMetrics.scored(c.scorer().score(
                Arrays.copyOfRange(normal, Math.max(0, trainingRows - c.lags()), normal.length))));
        boolean calibrate = c.threshold() == null || rule.changesScores();
        double limit = calibrate ? AnomalyMetrics.threshold(heldOut, alpha) : c.threshold();
        String source = !calibrate ? "the model's stored threshold"
                : "conformal quantile of the held-out rows' " + (rule.changesScores() ? rule.label() + " scores" : "scores");

        List<double[]> normalSeries = plan.normalTests().stream().map(r -> rule.smooth(c.scorer().score(r.rows())))
                .toList();
        List<double[]> faultSeries = new ArrayList<>();
        long nanos = 0;
        long rows = 0;
        for (FaultRun f : plan.faults()) {
            long t0 = System.nanoTime();
            double[] raw = c.scorer().score(f.rows());
            nanos += System.nanoTime() - t0;
            rows += f.rows().length;
            faultSeries.add(rule.smooth(raw));
        }
        Double equalLimit = plan.normalTests().isEmpty() ? null
                : EqualFalseAlarm.limit(normalSeries, rule, plan.equalFalseAlarmRate(), fromRow);

        List<RunResult> runs = new ArrayList<>();
        List<double[]> positives = new ArrayList<>();
        for (int i = 0; i < plan.faults().size(); i++) {
            FaultRun f = plan.faults().get(i);
            double[] scores = faultSeries.get(i);
            int start = Math.min(Math.max(f.onset(), fromRow), scores.length);
            double[] faulty = AnomalyMetrics.scored(Arrays.copyOfRange(scores, start, scores.length));
            positives.add(faulty);
            RunAtLimit own = RunAtLimit.of(rule.alarms(scores, limit), start, fromRow);
            RunAtLimit eq = equalLimit == null ? null : RunAtLimit.of(rule.alarms(scores, equalLimit), start, fromRow);
            runs.add(new RunResult(f.name(), f.datasetId(), f.onset(), f.inMean(), own.detectionRate, own.delay,
                    AnomalyMetrics.rocAuc(heldOut, faulty), own.preFault, eq == null ? null : eq.detectionRate,
                    eq == null ? null : eq.delay, eq == null ? null : eq.preFault));
        }
        List<NormalTestResult> normalTests = new ArrayList<>();
        for (int i = 0; i < plan.normalTests().size(); i++) {
            NormalRun r = plan.normalTests().get(i);
            List<double[]> one = List.of(normalSeries.get(i));
            normalTests.add(new NormalTestResult(r.name(), r.datasetId(), Math.max(0, r.rows().length - fromRow),
                    EqualFalseAlarm.rate(one, rule, limit, fromRow),
                    equalLimit == null ? null : EqualFalseAlarm.rate(one, rule, equalLimit, fromRow)));
        }
        AtLimit own = atLimit(limit, normalSeries, faultSeries, plan, rule, fromRow);
        AtLimit equal = equalLimit == null ? null : atLimit(equalLimit, normalSeries, faultSeries, plan, rule, fromRow);
        double[] pooled = positives.stream().flatMapToDouble(Arrays::stream).toArray();
        return new ModelResult(c.name(), c.kind(), c.hyperparameters(), c.provenance(), c.trainingMs(),
                rows * 1e9 / Math.max(1, nanos), limit, source, EqualFalseAlarm.rate(List.of(heldOut), rule, limit, 0),
                AnomalyMetrics.crossCalibrated(heldOut, alpha), own.normalTestFalseAlarmRate(),
                own.preFaultFalseAlarmRate(), own.meanDetectionRate(), own.meanDetectionDelayRows(),
                own.medianDetectionDelayRows(), own.runsNeverDetected(), AnomalyMetrics.rocAuc(heldOut, pooled), equal,
                normalTests, runs);
    }

    private static AtLimit atLimit(double limit, List<double[]> normalSeries, List<double[]> faultSeries, Plan plan,
            AlarmRule rule, int fromRow) {
        List<Double> rates = new ArrayList<>();
        List<Integer> delays = new ArrayList<>();
        int never = 0;
        long preAlarms = 0;
        long preRows = 0;
        for (int i = 0; i < plan.faults().size(); i++) {
            FaultRun f = plan.faults().get(i);
            double[] scores = faultSeries.get(i);
            int start = Math.min(Math.max(f.onset(), fromRow), scores.length);
            boolean[] alarms = rule.alarms(scores, limit);
            for (int r = fromRow; r < start; r++) {
                preRows++;
                preAlarms += alarms[r] ? 1 : 0;
            }
            if (!f.inMean()) {
                continue;
            }
            RunAtLimit run = RunAtLimit.of(alarms, start, fromRow);
            rates.add(run.detectionRate);
            if (run.delay == null) {
                never++;
            } else {
                delays.add(run.delay);
            }
        }
        double meanRate = rates.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        Double meanDelay = delays.isEmpty() ? null : delays.stream().mapToInt(Integer::intValue).average().orElseThrow();
        return new AtLimit(limit, normalSeries.isEmpty() ? null : EqualFalseAlarm.rate(normalSeries, rule, limit, fromRow),
                preRows == 0 ? null : preAlarms / (double) preRows, meanRate, meanDelay, median(delays), never);
    }

    private static Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** Detection share and delay (from {@code start}) and pre-fault alarm share (rows fromRow..start) of one alarm series. */
    private record RunAtLimit(double detectionRate, Integer delay, Double preFault) {
        static RunAtLimit of(boolean[] alarms, int start, int fromRow) {
            int hits = 0;
            for (int r = start; r < alarms.length; r++) {
                hits += alarms[r] ? 1 : 0;
            }
            int first = AnomalyMetrics.detectionDelay(alarms, start);
            Integer delay = first < 0 ? null : first;
            int pre = 0;
            for (int r = fromRow; r < start; r++) {
                pre += alarms[r] ? 1 : 0;
            }
            return new RunAtLimit(alarms.length == start ? Double.NaN : hits / (double) (alarms.length - start), delay,
                    start > fromRow ? pre / (double) (start - fromRow) : null);
        }
    }
}
