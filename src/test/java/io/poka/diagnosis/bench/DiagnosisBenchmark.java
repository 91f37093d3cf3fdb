package io.poka.diagnosis.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.diagnosis.internal.model.FaultClassifier;
import io.poka.diagnosis.internal.model.HeldOutEvaluation;
import io.poka.diagnosis.internal.model.TepFaultRuns;
import io.poka.diagnosis.internal.model.TimeBlockedSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The full diagnosis evaluation on the TEP training runs (bench/diagnosis.sh): train on the first 70 % of every run
 * (d00 normal, d01-d21), test on the last 30 %, per-class accuracy with faults 3, 9 and 15 apart; then the open-set
 * rule with each fault left out of training in turn (share of its windows called unknown).
 */
@EnabledIfSystemProperty(named = "poka.bench", matches = "true")
class DiagnosisBenchmark {
    static final List<String> HARD = List.of("fault-03", "fault-09", "fault-15");

    @Test
    void heldOutPerClassAccuracyAndLeaveOneFaultOutRejection() throws Exception {
        assertTrue(report().contains("| fault-21 |"));
    }

    /** Also runnable without Maven: java -cp target/classes:target/test-classes io.poka.diagnosis.bench.DiagnosisBenchmark */
    public static void main(String[] args) throws Exception {
        report();
    }

    static String report() throws Exception {
        int window = Integer.getInteger("poka.bench.window", 20);
        int stride = Integer.getInteger("poka.bench.stride", 5);
        double factor = Double.parseDouble(System.getProperty("poka.bench.radius-factor", "1.5"));
        FaultClassifier.Settings s = new FaultClassifier.Settings(window, stride,
                Integer.getInteger("poka.bench.epochs", 100), Double.parseDouble(System.getProperty("poka.bench.l2", "0.1")),
                0.99, factor, 42);
        Map<String, double[][]> runs = TepFaultRuns.runs(IntStream.rangeClosed(0, 21).boxed().toList());
        var parts = HeldOutEvaluation.split(runs, new TimeBlockedSplit(0.7));
        double[][] normalTrain = parts.get("train").get(TepFaultRuns.NORMAL).get(0);
        long t0 = System.nanoTime();
        FaultClassifier model = FaultClassifier.train(TepFaultRuns.variables(), parts.get("train"), normalTrain, s);
        long trainMs = (System.nanoTime() - t0) / 1_000_000;
        List<HeldOutEvaluation.ClassResult> results = HeldOutEvaluation.evaluate(model, parts.get("test"), window);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# Diagnosis benchmark (TEP d00-d21, time-blocked 70/30)%n%n"
                + "window %d rows, training stride %d, test windows non-overlapping (stride %d), %d epochs, l2 %s, "
                + "radius = q0.99 x %s; training took %d ms%n%n", window, stride, window, s.epochs(), s.l2(), factor,
                trainMs));
        md.append("| class | test windows | top-1 accuracy | verdict accuracy | called unknown |\n|---|---|---|---|---|\n");
        for (HeldOutEvaluation.ClassResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s%s | %d | %.2f | %.2f | %.2f |%n", r.label(),
                    HARD.contains(r.label()) ? " (hard)" : "", r.windows(), r.accuracy(), r.verdictAccuracy(),
                    r.unknownShare()));
        }
        List<String> hardAndNormal = new ArrayList<>(HARD);
        md.append(String.format(Locale.ROOT, "%nMean top-1 accuracy: %.3f over normal + 18 faults (3, 9, 15 apart), "
                + "%.3f over faults 3, 9, 15.%n", HeldOutEvaluation.meanAccuracy(results, hardAndNormal, false),
                HeldOutEvaluation.meanAccuracy(results, hardAndNormal, true)));

        md.append("\n## Open set: each fault left out of training, share of its held-out windows called unknown\n\n");
        md.append("| left-out fault | called unknown | called normal | called another fault |\n|---|---|---|---|\n");
        for (int f = 1; f <= 21; f++) {
            String out = TepFaultRuns.label(f);
            Map<String, List<double[][]>> train = new LinkedHashMap<>(parts.get("train"));
            train.remove(out);
            FaultClassifier without = FaultClassifier.train(TepFaultRuns.variables(), train, normalTrain, s);
            List<FaultClassifier.Verdict> verdicts = without.classifyRuns(Map.of(out, parts.get("test").get(out)), window)
                    .get(out);
            long unknown = verdicts.stream().filter(FaultClassifier.Verdict::unknown).count();
            long normal = verdicts.stream().filter(v -> v.verdict().equals(TepFaultRuns.NORMAL)).count();
            md.append(String.format(Locale.ROOT, "| %s%s | %.2f | %.2f | %.2f |%n", out, HARD.contains(out) ? " (hard)" : "",
                    unknown / (double) verdicts.size(), normal / (double) verdicts.size(),
                    (verdicts.size() - unknown - normal) / (double) verdicts.size()));
        }
        Path file = Path.of("bench/results/diagnosis.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
        System.out.println(md);
        return md.toString();
    }
}
