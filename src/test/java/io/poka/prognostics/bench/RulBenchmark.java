package io.poka.prognostics.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.poka.prognostics.internal.model.CnnRul;
import io.poka.prognostics.internal.model.CrossValidation;
import io.poka.prognostics.internal.model.CutPoints;
import io.poka.prognostics.internal.model.EnsembleRul;
import io.poka.prognostics.internal.model.TribuoRul;
import io.poka.prognostics.internal.model.Fd001;
import io.poka.prognostics.internal.model.RulModels;
import io.poka.prognostics.internal.model.RulSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The full RUL benchmark (bench/rul.sh), not a test: 5-fold cross-validation by engine on all 100 FD001 units, each
 * model scored on truncated histories like the official test; writes bench/results/rul-benchmark.md. Runs only with
 * -Dpoka.bench=true. The ensemble row averages the CNN's and XGBoost's out-of-fold predictions when both ran before it.
 * Options: -Dpoka.bench.models=random-forest,xgboost,linear,cnn-1d,ensemble -Dpoka.bench.cnn-epochs=30
 * -Dpoka.bench.cuts=5 -Dpoka.bench.seed=42 -Dpoka.bench.folds=5 -Dpoka.bench.cnn-patience=10
 * -Dpoka.bench.cut-rule=test-like|uniform -Dpoka.bench.out=rul-benchmark.md -Dpoka.bench.max-folds=1 (time the first
 * fold only)
 */
@EnabledIfSystemProperty(named = "poka.bench", matches = "true")
class RulBenchmark {

    /** CPU time of the whole JVM (all threads, PyTorch's native ones included), in nanoseconds. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Test
    void crossValidatesEveryModelByEngineUnit() throws IOException {
        Fd001.Data data = Fd001.load();
        String models = System.getProperty("poka.bench.models", String.join(",", RulModels.KINDS));
        long seed = Long.getLong("poka.bench.seed", 42);
        RulSettings s = new RulSettings(Integer.getInteger("poka.bench.window", 30), 125, seed,
                Integer.getInteger("poka.bench.trees", 50), 12, Integer.getInteger("poka.bench.rounds", 100), 0.1, 5,
                10, Integer.getInteger("poka.bench.cnn-epochs", 100), 256, 0.002, 10,
                Integer.getInteger("poka.bench.cnn-patience", 10));
        CutPoints.Rule rule = CutPoints.Rule.of(System.getProperty("poka.bench.cut-rule", "test-like"));
        CrossValidation.Plan plan = new CrossValidation.Plan(Integer.getInteger("poka.bench.folds", 5),
                Integer.getInteger("poka.bench.cuts", 5), 31, seed, rule);
        List<String> lines = new ArrayList<>();
        lines.add("| model | RMSE " + rule.slug() + " cuts (mean ± std over folds) | NASA score per 100 predictions (mean ± std)"
                + " | RMSE by fold | NASA per 100 by fold | RMSE uniform cuts (old rule, same fold models) | "
                + "90 % conformal interval (residual bounds) | out-of-fold coverage | seconds (wall) | CPU seconds (process) |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        java.util.Map<String, CrossValidation.Result> results = new java.util.LinkedHashMap<>();
        java.util.Map<String, Double> seconds = new java.util.HashMap<>();
        java.util.Map<String, Double> cpuSeconds = new java.util.HashMap<>();
        int maxFolds = Integer.getInteger("poka.bench.max-folds", plan.folds());
        for (String kind : models.split(",")) {
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            CrossValidation.Result r = kind.equals(EnsembleRul.KIND) && results.containsKey(CnnRul.KIND)
                    && results.containsKey(TribuoRul.XGBOOST)
                    // same plan and seed: same folds and cuts, so the members' out-of-fold predictions are averaged
                    ? CrossValidation.averaged(kind, List.of(results.get(CnnRul.KIND), results.get(TribuoRul.XGBOOST)), 0.9)
                    : CrossValidation.run(kind, data.units(), Fd001.SENSORS, s, plan, maxFolds, 0.9, Device.cpu(),
                            f -> System.out.printf(Locale.ROOT, "%s fold %d done after %.0f s wall, %.0f s CPU%n", kind,
                                    f, (System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9));
            results.put(kind, r);
            double secs = (System.nanoTime() - t0) / 1e9
                    + (kind.equals(EnsembleRul.KIND) && seconds.containsKey(CnnRul.KIND) && seconds.containsKey(TribuoRul.XGBOOST)
                    ? seconds.get(CnnRul.KIND) + seconds.get(TribuoRul.XGBOOST) : 0);
            double cpu = (cpuNanos() - c0) / 1e9
                    + (kind.equals(EnsembleRul.KIND) && cpuSeconds.containsKey(CnnRul.KIND) && cpuSeconds.containsKey(TribuoRul.XGBOOST)
                    ? cpuSeconds.get(CnnRul.KIND) + cpuSeconds.get(TribuoRul.XGBOOST) : 0);
            seconds.put(kind, secs);
            cpuSeconds.put(kind, cpu);
            assertEquals(Math.min(maxFolds, plan.folds()), r.folds().size());
            assertTrue(Double.isFinite(r.rmseMean()));
            String line = String.format(Locale.ROOT, "| %s | %.2f ± %.2f | %.0f ± %.0f | %s | %s | %.2f ± %.2f (NASA %.0f) "
                    + "| [%+.1f, %+.1f] | %.3f | %.0f | %.0f |",
                    kind, r.rmseMean(), r.rmseStd(), r.nasaMean(), r.nasaStd(),
                    Arrays.toString(r.folds().stream().mapToDouble(f -> Math.round(f.rmse() * 100) / 100.0).toArray()),
                    Arrays.toString(r.folds().stream().mapToDouble(f -> Math.round(f.nasaPer100())).toArray()),
                    r.uniformRmseMean(), r.uniformRmseStd(), r.uniformNasaMean(),
                    r.interval().lower(), r.interval().upper(), r.interval().coverage(), secs, cpu);
            System.out.println(line);
            lines.add(line);
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, "FD001 train (%d units, SHA-256 %s), %d folds by unit, %d cuts per validation "
                + "unit, rule %s: %s; seed %d, window %d, cap %d; settings %s; PyTorch threads %s", data.units().size(),
                data.fingerprint(), plan.folds(), plan.cutsPerUnit(), rule.slug(), rule.describe(s.cap(), plan.minHistory()),
                seed, s.window(), s.cap(), s.asMap(),
                System.getProperty("ai.djl.pytorch.num_threads", "default")) + (maxFolds < plan.folds()
                ? String.format(Locale.ROOT, "; only the first %d of the %d folds run", maxFolds, plan.folds()) : ""));
        Path dir = Path.of(System.getProperty("poka.bench.results", "bench/results"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(System.getProperty("poka.bench.out", "rul-benchmark.md")), String.join("\n", lines) + "\n");
    }
}
