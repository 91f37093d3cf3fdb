package io.poka.baselines.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.poka.baselines.internal.data.BuiltInDatasets;
import io.poka.baselines.internal.data.TabularData;
import io.poka.baselines.internal.model.BaselineEvaluation;
import io.poka.baselines.internal.model.BaselineTrainers;
import io.poka.baselines.internal.model.Evaluated;
import io.poka.baselines.internal.model.TrainerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The comparison tables behind docs/baselines.md: every trainer on steel plates (stratified 5-fold) and C-MAPSS FD001
 * (20 held-out engines), with the application's default hyperparameters unless -Dpoka.bench.* overrides them (the
 * TEP table is {@link TepComparisonBenchmark}). Runs only with -Dpoka.bench=true (bench/baselines.sh).
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
                .append("| trainer | accuracy | balanced accuracy | macro-F1 | ROC AUC (one-vs-rest macro) "
                        + "| train (full data) ms | CV wall s | scoring rows/s |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        StringBuilder perClass = new StringBuilder();
        for (String t : BaselineTrainers.names(true)) {
            long t0 = System.nanoTime();
            Evaluated e = BaselineEvaluation.run(steel, t, s);
            double wall = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> m = e.metrics();
            // sanity only: a table of broken models would be worthless (chance balanced accuracy is 1/7)
            org.junit.jupiter.api.Assertions.assertTrue((Double) m.get("balancedAccuracy") > 0.3, t + " is near chance");
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %d | %.1f | %.0f |%n", t,
                    m.get("accuracy"), m.get("balancedAccuracy"), m.get("macroF1"), m.get("rocAucMacroOneVsRest"),
                    e.trainingMillis(), wall,
                    e.rowsPerSecond()));
            perClass.append("\n").append(t).append(" per class (precision / recall / ROC AUC):");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Double>> pc = (Map<String, Map<String, Double>>) m.get("perClass");
            pc.forEach((c, pr) -> perClass.append(String.format(Locale.ROOT, " %s %.2f/%.2f/%.3f;", c,
                    pr.get("precision"), pr.get("recall"), pr.get("rocAuc"))));
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
        Path out = Path.of("bench/results/baselines-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }
}
