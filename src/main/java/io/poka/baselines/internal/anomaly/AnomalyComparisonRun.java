package io.poka.baselines.internal.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts anomaly monitors side by side on one split: the baselines (PCA T², PCA SPE, one-class SVM, isolation forest)
 * are fitted on the same first {@code trainingRows} normal rows as the VAE-GAN, their limits calibrated on the same
 * held-out normal rows with the same conformal rule and target false-alarm rate; then every monitor scores the same
 * fault runs. Plain Java: the VAE-GAN enters as an already calibrated {@link ExternalModel}.
 */
public final class AnomalyComparisonRun {

    /** Rows known to be faulty from {@code onset} on (rows before it are normal operation). */
    public record FaultRun(String name, UUID datasetId, double[][] rows, int onset) {
    }

    /** Scores raw rows; NaN for a row without a score (history of a lagged model). */
    @FunctionalInterface
    public interface Scorer {
        double[] score(double[][] rows);
    }

    /** A model trained and calibrated elsewhere (the VAE-GAN), with its own limit. */
    public record ExternalModel(String name, String kind, Map<String, Object> hyperparameters, String provenance,
            long trainingMillis, double threshold, int lags, Scorer scorer) {
    }

    /** Settings of the baselines; the target false-alarm rate and spike limit come from the VAE-GAN model. */
    public record Settings(double falseAlarmRate, double spikeLimit, double pcaVarianceShare, double svmNu,
            double svmGamma, int forestTrees, int forestSubsample, long seed) {
    }

    /** One fault run as one monitor saw it. */
    public record RunResult(String name, UUID datasetId, int onsetRow, double detectionRate,
            Integer detectionDelayRows, double rocAuc, Double falseAlarmRateBeforeOnset) {
    }

    /**
     * One monitor's results: limit, false alarms on the held-out normal rows (in-sample, and 2-fold cross-calibrated),
     * mean detection rate and delay over the fault runs, pooled ROC AUC (held-out normal rows vs every faulty row),
     * training time and scoring throughput (rows per second over the fault runs, preparation included).
     */
    public record ModelResult(String model, String kind, Map<String, Object> hyperparameters, String provenance,
            long trainingMs, double rowsPerSecond, double threshold, double falseAlarmRate,
            double crossCalibratedFalseAlarmRate, double meanDetectionRate, Double meanDetectionDelayRows,
            int runsNeverDetected, double rocAuc, List<RunResult> runs) {
    }

    private AnomalyComparisonRun() {
    }

    /** Fits the baselines and compares them with the external models; results in the order external, then baselines. */
    public static List<ModelResult> run(double[][] normal, int trainingRows, List<FaultRun> faults,
            List<ExternalModel> external, Settings s) {
        double[][] train = Arrays.copyOfRange(normal, 0, trainingRows);
        double[][] heldOut = Arrays.copyOfRange(normal, trainingRows, normal.length);
        List<ModelResult> results = new ArrayList<>();
        for (ExternalModel m : external) {
            double[] cal = AnomalyMetrics.scored(m.scorer().score(
                    Arrays.copyOfRange(normal, Math.max(0, trainingRows - m.lags()), normal.length)));
            results.add(evaluate(m.name(), m.kind(), m.hyperparameters(), m.provenance(), m.trainingMillis(),
                    m.threshold(), cal, faults, m.scorer(), s.falseAlarmRate()));
        }
        long t0 = System.nanoTime();
        Standardiser standardiser = Standardiser.fit(train, s.spikeLimit());
        double[][] z = standardiser.transformClipped(train);
        long prepareNanos = System.nanoTime() - t0;
        t0 = System.nanoTime();
        PcaMonitors pca = PcaMonitors.fit(z, s.pcaVarianceShare());
        long pcaNanos = System.nanoTime() - t0;
        List<AnomalyMonitor> monitors = new ArrayList<>(pca.monitors());
        List<Long> fitNanos = new ArrayList<>(List.of(pcaNanos, pcaNanos));
        t0 = System.nanoTime();
        monitors.add(OneClassSvm.fit(z, s.svmNu(), s.svmGamma(), s.seed()));
        fitNanos.add(System.nanoTime() - t0);
        t0 = System.nanoTime();
        monitors.add(IsolationForest.fit(z, s.forestTrees(), s.forestSubsample(), s.seed()));
        fitNanos.add(System.nanoTime() - t0);
        double[][] zHeldOut = standardiser.transform(heldOut);
        for (int k = 0; k < monitors.size(); k++) {
            AnomalyMonitor m = monitors.get(k);
            double[] cal = m.scores(zHeldOut);
            double limit = AnomalyMetrics.threshold(cal, s.falseAlarmRate());
            Map<String, Object> h = new LinkedHashMap<>(m.hyperparameters());
            h.put("falseAlarmRate", s.falseAlarmRate());
            h.put("spikeLimit", s.spikeLimit());
            results.add(evaluate(m.name(), "baseline", h, m.provenance(),
                    (prepareNanos + fitNanos.get(k)) / 1_000_000, limit, cal, faults,
                    rows -> m.scores(standardiser.transform(rows)), s.falseAlarmRate()));
        }
        return results;
    }

    private static ModelResult evaluate(String name, String kind, Map<String, Object> hyperparameters,
            String provenance, long trainingMs, double limit, double[] heldOutScores, List<FaultRun> faults,
            Scorer scorer, double alpha) {
        List<RunResult> runs = new ArrayList<>();
        List<double[]> positives = new ArrayList<>();
        long nanos = 0;
        long rows = 0;
        for (FaultRun f : faults) {
            long t0 = System.nanoTime();
            double[] scores = scorer.score(f.rows());
            nanos += System.nanoTime() - t0;
            rows += f.rows().length;
            double[] faulty = AnomalyMetrics.scored(Arrays.copyOfRange(scores, Math.min(f.onset(), scores.length),
                    scores.length));
            double[] before = AnomalyMetrics.scored(Arrays.copyOfRange(scores, 0, Math.min(f.onset(), scores.length)));
            positives.add(faulty);
            int delay = AnomalyMetrics.detectionDelay(scores, limit, f.onset());
            runs.add(new RunResult(f.name(), f.datasetId(), f.onset(), AnomalyMetrics.exceedance(faulty, limit),
                    delay < 0 ? null : delay, AnomalyMetrics.rocAuc(heldOutScores, faulty),
                    before.length == 0 ? null : AnomalyMetrics.exceedance(before, limit)));
        }
        double meanDetection = runs.stream().mapToDouble(RunResult::detectionRate).average().orElse(Double.NaN);
        List<Integer> delays = runs.stream().map(RunResult::detectionDelayRows).filter(d -> d != null).toList();
        Double meanDelay = delays.isEmpty() ? null : delays.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double[] pooled = positives.stream().flatMapToDouble(Arrays::stream).toArray();
        return new ModelResult(name, kind, hyperparameters, provenance, trainingMs,
                rows * 1e9 / Math.max(1, nanos), limit, AnomalyMetrics.exceedance(heldOutScores, limit),
                AnomalyMetrics.crossCalibrated(heldOutScores, alpha), meanDetection, meanDelay,
                runs.size() - delays.size(), AnomalyMetrics.rocAuc(heldOutScores, pooled), runs);
    }
}
