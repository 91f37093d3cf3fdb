package io.poka.baselines.internal.anomaly;

import io.poka.baselines.internal.model.ImportanceSettings;
import io.poka.baselines.internal.model.PermutationImportance;
import io.poka.baselines.internal.model.Splits;
import io.poka.baselines.internal.training.AnomalyRows;
import io.poka.baselines.internal.training.TrainingDataProblem;
import io.poka.scoring.TailThreshold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Fits one anomaly monitor on a data set's normal training rows and sets its limit as the VAE-GAN's is set: the
 * training rows are cut into consecutive time blocks, a monitor per block is fitted on the other blocks and scores the
 * block it never saw, and the scoring module's tail calibration turns those cross-fitted scores into the limit at the
 * target false-alarm rate. The kept monitor is fitted on every training row; it is then judged on the later, held-out
 * normal rows (false alarms) and on the labelled abnormal rows (detection, ROC AUC), and explained by permutation
 * importance.
 */
public final class AnomalyEvaluation {

    /** The scoring module's calibration (ScoringApi.calibrateThreshold), passed in so this stays plain Java. */
    @FunctionalInterface
    public interface Calibrator {
        TailThreshold calibrate(List<double[]> crossFittedSeries, double falseAlarmRate, long seed);
    }

    /** Steps done so far of all. */
    @FunctionalInterface
    public interface Progress {
        void step(int done, int total);
    }

    /** A fitted, calibrated and evaluated monitor with its costs. */
    public record Result(String trainer, StoredAnomalyModel model, String provenance, Map<String, Object> metrics,
            long trainingMillis, double rowsPerSecond) {
    }

    private AnomalyEvaluation() {
    }

    /** Steps an evaluation reports: one per cross-fitting block, the final fit, the evaluation. */
    public static int steps(int blocks) {
        return blocks + 2;
    }

    public static Result run(AnomalyRows rows, String trainer, AnomalyComparisonRun.Settings settings, int blocks,
            Calibrator calibrator, ImportanceSettings importance, Progress progress) {
        AnomalyComparisonRun.Settings s = withLags(settings, rows.lags());
        double[][] train = Arrays.stream(rows.train()).mapToObj(i -> rows.series()[i]).toArray(double[][]::new);
        int n = train.length;
        int lags = trainer.startsWith("dynamic-") ? rows.lags() : 0;
        List<double[]> crossFitted = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            int from = (int) ((long) n * b / blocks);
            int to = (int) ((long) n * (b + 1) / blocks);
            double[][] rest = new double[n - (to - from)][];
            System.arraycopy(train, 0, rest, 0, from);
            System.arraycopy(train, to, rest, from, n - to);
            Standardiser st = Standardiser.fit(rest, s.spikeLimit());
            AnomalyMonitor m = AnomalyTrainers.fit(trainer, st.transformClipped(rest), s);
            // the block's first rows take their history from the training rows before it
            int historyFrom = Math.max(0, from - lags);
            double[] scored = m.scores(st.transform(Arrays.copyOfRange(train, historyFrom, to)));
            crossFitted.add(AnomalyMetrics.scored(Arrays.copyOfRange(scored, from - historyFrom, scored.length)));
            progress.step(b + 1, steps(blocks));
        }
        TailThreshold cal = calibrator.calibrate(crossFitted, rows.falseAlarmRate(), s.seed());
        if (rows.falseAlarmRate() < cal.smallestSupportedTarget()) {
            throw TrainingDataProblem.tooFewNormalRows(rows.train().length + rows.testNormal().length, n,
                    (int) Math.ceil(n * cal.smallestSupportedTarget() / rows.falseAlarmRate()),
                    "the cross-fitted scores of the " + n + " training rows support targets down to "
                            + cal.smallestSupportedTarget() + " (" + cal.support() + ")", rows.falseAlarmRate());
        }
        long t0 = System.nanoTime();
        Standardiser standardiser = Standardiser.fit(train, s.spikeLimit());
        AnomalyMonitor monitor = AnomalyTrainers.fit(trainer, standardiser.transformClipped(train), s);
        long trainingMillis = (System.nanoTime() - t0) / 1_000_000;
        StoredAnomalyModel model = new StoredAnomalyModel(rows.features(), standardiser, monitor, cal.threshold());
        progress.step(blocks + 1, steps(blocks));

        t0 = System.nanoTime();
        double[] scores = model.scores(rows.series());
        long scoringNanos = Math.max(1, System.nanoTime() - t0);
        double[] normalTest = AnomalyMetrics.scored(pick(scores, rows.testNormal()));
        double[] abnormal = AnomalyMetrics.scored(pick(scores, rows.abnormal()));
        double[] pooled = crossFitted.stream().flatMapToDouble(Arrays::stream).toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", "limit by the VAE-GAN's cross-fitted tail calibration (" + blocks + " time blocks of the "
                + n + " normal training rows); false alarms on the " + normalTest.length + " later held-out normal "
                + "rows" + (rows.abnormal().length == 0 ? "" : ", detection on the " + abnormal.length
                + " labelled abnormal rows") + "; kept monitor fitted on every training row");
        m.put("trainRows", n);
        m.put("testRows", normalTest.length + abnormal.length);
        m.put("targetFalseAlarmRate", rows.falseAlarmRate());
        m.put("threshold", cal.threshold());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("method", cal.method());
        c.put("crossFitBlocks", blocks);
        c.put("expectedFalseAlarmRate", cal.expectedFalseAlarmRate());
        c.put("expectedFalseAlarmRateLower95", cal.lower95());
        c.put("expectedFalseAlarmRateUpper95", cal.upper95());
        c.put("effectiveSampleSize", cal.effectiveSampleSize());
        c.put("smallestSupportedTarget", cal.smallestSupportedTarget());
        m.put("calibration", c);
        m.put("crossFittedFalseAlarmRate", AnomalyMetrics.exceedance(pooled, cal.threshold()));
        m.put("heldOutNormalRows", normalTest.length);
        m.put("heldOutFalseAlarmRate", AnomalyMetrics.exceedance(normalTest, cal.threshold()));
        if (rows.abnormal().length > 0) {
            m.put("abnormalRows", abnormal.length);
            m.put("detectionRate", AnomalyMetrics.exceedance(abnormal, cal.threshold()));
            m.put("rocAuc", AnomalyMetrics.rocAuc(normalTest, abnormal));
        }
        m.put("permutationImportance", importance(rows, model, importance));
        progress.step(steps(blocks), steps(blocks));
        return new Result(trainer, model, monitor.provenance() + "; hyperparameters " + monitor.hyperparameters()
                + ", spike limit " + s.spikeLimit(), m, trainingMillis, rows.series().length * 1e9 / scoringNanos);
    }

    /**
     * Permutation importance on the evaluation rows (held-out normal and labelled abnormal, in time order; a seeded
     * sample of at most {@code maxRows} keeps time order): with labelled abnormal rows the drop of ROC AUC (held-out
     * normal vs abnormal), else the rise of the false-alarm rate on the held-out normal rows (what the monitor loses
     * when a feature no longer moves with the others).
     */
    private static Map<String, Object> importance(AnomalyRows rows, StoredAnomalyModel model, ImportanceSettings s) {
        int[] eval = IntStream.concat(Arrays.stream(rows.testNormal()), Arrays.stream(rows.abnormal())).sorted().toArray();
        eval = Arrays.stream(Splits.sample(eval, s.maxRows(), s.seed())).sorted().toArray();
        java.util.Set<Integer> abnormalSet = new java.util.HashSet<>();
        Arrays.stream(rows.abnormal()).forEach(abnormalSet::add);
        boolean[] isAbnormal = new boolean[eval.length];
        double[][] x = new double[eval.length][];
        for (int i = 0; i < eval.length; i++) {
            x[i] = rows.series()[eval[i]];
            isAbnormal[i] = abnormalSet.contains(eval[i]);
        }
        boolean auc = !abnormalSet.isEmpty() && IntStream.range(0, eval.length).anyMatch(i -> isAbnormal[i])
                && IntStream.range(0, eval.length).anyMatch(i -> !isAbnormal[i]);
        java.util.function.ToDoubleFunction<double[][]> score = rowsX -> {
            double[] sc = model.scores(rowsX);
            List<Double> neg = new ArrayList<>();
            List<Double> pos = new ArrayList<>();
            for (int i = 0; i < sc.length; i++) {
                if (!Double.isNaN(sc[i])) {
                    (isAbnormal[i] ? pos : neg).add(sc[i]);
                }
            }
            double[] negatives = neg.stream().mapToDouble(Double::doubleValue).toArray();
            return auc ? AnomalyMetrics.rocAuc(negatives, pos.stream().mapToDouble(Double::doubleValue).toArray())
                    : -AnomalyMetrics.exceedance(negatives, model.threshold());
        };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", "permutation importance (Breiman 2001): score drop when one feature is shuffled");
        out.put("features", PermutationImportance.compute(rows.features(), x, score, s.repeats(), s.seed()));
        out.put("metric", auc ? "rocAuc" : "heldOutFalseAlarmRate");
        out.put("drop", auc ? "ROC AUC (held-out normal vs labelled abnormal rows) intact - with the feature shuffled"
                : "false-alarm rate on the held-out normal rows with the feature shuffled - intact");
        out.put("repeats", s.repeats());
        out.put("seed", s.seed());
        out.put("rows", eval.length);
        out.put("on", "held-out normal" + (abnormalSet.isEmpty() ? "" : " and labelled abnormal") + " rows, kept model");
        return out;
    }

    private static double[] pick(double[] values, int[] idx) {
        return Arrays.stream(idx).mapToDouble(i -> values[i]).toArray();
    }

    private static AnomalyComparisonRun.Settings withLags(AnomalyComparisonRun.Settings s, int lags) {
        return new AnomalyComparisonRun.Settings(s.falseAlarmRate(), s.spikeLimit(), s.pcaVarianceShare(), s.svmNu(),
                s.svmGamma(), s.forestTrees(), s.forestSubsample(), s.seed(), lags);
    }
}
