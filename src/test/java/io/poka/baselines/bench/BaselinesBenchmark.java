package io.poka.baselines.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.poka.baselines.internal.data.BuiltInDatasets;
import io.poka.baselines.internal.data.TabularData;
import io.poka.baselines.internal.data.TepRuns;
import io.poka.baselines.internal.model.BaselineEvaluation;
import io.poka.baselines.internal.model.BaselineTrainers;
import io.poka.baselines.internal.model.Evaluated;
import io.poka.baselines.internal.model.OneClassSvmMonitor;
import io.poka.baselines.internal.model.TrainerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The comparison tables behind docs/baselines.md: every trainer on steel plates (stratified 5-fold) and C-MAPSS FD001
 * (20 held-out engines), with the application's default hyperparameters unless -Dpoka.bench.* overrides them.
 * Runs only with -Dpoka.bench=true (bench/baselines.sh).
 */
class BaselinesBenchmark {

    @Test
    void comparisonTables() throws IOException {
        assumeTrue(Boolean.getBoolean("poka.bench"), "benchmark runs only with -Dpoka.bench=true");
        // same defaults as BaselinesConfig
        TrainerSettings s = new TrainerSettings(Integer.getInteger("poka.bench.epochs", 10),
                Integer.getInteger("poka.bench.trees", 20), Integer.getInteger("poka.bench.depth", 12), 5, 0.2,
                Long.getLong("poka.bench.seed", 42));
        StringBuilder md = new StringBuilder("# Baselines benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Settings: SGD epochs %d, forest %d trees of depth <= %d, seed %d; "
                + "Java %s, %d cores.%n%n", s.sgdEpochs(), s.forestTrees(), s.forestMaxDepth(), s.seed(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));

        TabularData steel = BuiltInDatasets.get(BuiltInDatasets.STEEL_PLATES);
        md.append("## Steel plates (7 fault classes, 1941 plates, stratified 5-fold CV, chance balanced accuracy 0.143)\n\n")
                .append("fingerprint ").append(steel.fingerprint()).append("\n\n")
                .append("| trainer | accuracy | balanced accuracy | macro-F1 | train (full data) ms | CV wall s | scoring rows/s |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        StringBuilder perClass = new StringBuilder();
        for (String t : BaselineTrainers.names(true)) {
            long t0 = System.nanoTime();
            Evaluated e = BaselineEvaluation.run(steel, t, s);
            double wall = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> m = e.metrics();
            // sanity only: a table of broken models would be worthless (chance balanced accuracy is 1/7)
            org.junit.jupiter.api.Assertions.assertTrue((Double) m.get("balancedAccuracy") > 0.3, t + " is near chance");
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d | %.1f | %.0f |%n", t,
                    m.get("accuracy"), m.get("balancedAccuracy"), m.get("macroF1"), e.trainingMillis(), wall,
                    e.rowsPerSecond()));
            perClass.append("\n").append(t).append(" per class (precision / recall):");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Double>> pc = (Map<String, Map<String, Double>>) m.get("perClass");
            pc.forEach((c, pr) -> perClass.append(String.format(Locale.ROOT, " %s %.2f/%.2f;", c, pr.get("precision"),
                    pr.get("recall"))));
            perClass.append("\n");
        }
        md.append(perClass);

        TabularData cmapss = BuiltInDatasets.get(BuiltInDatasets.CMAPSS_FD001);
        md.append("\n## C-MAPSS FD001 (remaining useful life capped at 125, 80 training / 20 test engines)\n\n")
                .append("fingerprint ").append(cmapss.fingerprint()).append("\n\n")
                .append("| trainer | RMSE | MAE | RMSE of predicting the training mean | train ms | scoring rows/s |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (String t : BaselineTrainers.names(false)) {
            Evaluated e = BaselineEvaluation.run(cmapss, t, s);
            Map<String, Object> m = e.metrics();
            org.junit.jupiter.api.Assertions.assertTrue((Double) m.get("rmse") < (Double) m.get("rmseOfPredictingTrainMean"),
                    t + " is no better than predicting the mean");
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d | %.0f |%n", t, m.get("rmse"),
                    m.get("mae"), m.get("rmseOfPredictingTrainMean"), e.trainingMillis(), e.rowsPerSecond()));
        }
        md.append("\nTest engines: ").append(BaselineEvaluation.run(cmapss, BaselineTrainers.LINEAR_SGD,
                new TrainerSettings(1, 1, 1, 5, 0.2, s.seed())).metrics().get("testGroups")).append("\n");
        md.append(tep());
        Path out = Path.of("bench/results/baselines-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }

    /** One-class SVM on TEP with the scoring module's split (d00 rows 1-400 train, 401-500 calibrate, 1 % target). */
    private static String tep() {
        double[][] normal = TepRuns.normal();
        double[][] calibration = Arrays.copyOfRange(normal, 400, 500);
        double nu = Double.parseDouble(System.getProperty("poka.bench.nu", "0.05"));
        double gamma = Double.parseDouble(System.getProperty("poka.bench.gamma", String.valueOf(1.0 / 52)));
        long t0 = System.nanoTime();
        OneClassSvmMonitor svm = OneClassSvmMonitor.fit(Arrays.copyOfRange(normal, 0, 400), nu, gamma, 42);
        long fitMs = (System.nanoTime() - t0) / 1_000_000;
        double limit = svm.calibrate(calibration, 0.01);
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%n## TEP one-class SVM (Tribuo LibSVM, RBF, "
                + "nu %.3f, gamma %.4f; d00 rows 1-400 train, 401-500 calibrate to 1 %% false alarms)%n%n"
                + "fit %d ms, limit %.4f, false-alarm rate on the calibration rows %.3f%n%n"
                + "| fault | detection rate |%n| --- | --- |%n", nu, gamma, fitMs, limit, svm.alarmRate(calibration)));
        double sum = 0;
        int counted = 0;
        long scored = 0;
        long nanos = 0;
        for (int f = 1; f <= 21; f++) {
            double[][] run = TepRuns.fault(f);
            long s0 = System.nanoTime();
            double rate = svm.alarmRate(run);
            nanos += System.nanoTime() - s0;
            scored += run.length;
            md.append(String.format(Locale.ROOT, "| %02d%s | %.3f |%n", f, f == 3 || f == 9 || f == 15 ? " (undetectable)"
                    : "", rate));
            if (f != 3 && f != 9 && f != 15) {
                sum += rate;
                counted++;
            }
        }
        md.append(String.format(Locale.ROOT, "%nmean detection rate without faults 3, 9, 15: %.3f; scoring %.0f rows/s%n",
                sum / counted, scored * 1e9 / nanos));
        return md.toString();
    }
}
