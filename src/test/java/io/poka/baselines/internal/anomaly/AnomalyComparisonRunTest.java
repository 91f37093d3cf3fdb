package io.poka.baselines.internal.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.baselines.internal.data.TepRuns;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The anomaly baselines on TEP with the VAE-GAN's default split (400 train, 100 held out) and 1 % target. */
class AnomalyComparisonRunTest {
    static final AnomalyComparisonRun.Settings SETTINGS = new AnomalyComparisonRun.Settings(0.01, 6.0, 0.9, 0.05, 0, 100,
            256, 42);

    @Test
    void everyBaselineIsCalibratedOnTheHeldOutRowsAndDetectsAGrossFault() {
        double[][] normal = TepRuns.normal();
        // an external monitor that always says 0 behind a limit of 0.5: it never alarms, AUC one half
        AnomalyComparisonRun.ExternalModel silent = new AnomalyComparisonRun.ExternalModel("silent", "test", Map.of(),
                "constant", 0, 0.5, 0, rows -> new double[rows.length]);
        List<AnomalyComparisonRun.FaultRun> faults = List.of(
                new AnomalyComparisonRun.FaultRun("d01", null, TepRuns.fault(1), 0),
                new AnomalyComparisonRun.FaultRun("d06 from row 100", null, withNormalHead(TepRuns.fault(6), normal), 100));
        Map<String, AnomalyComparisonRun.ModelResult> byName = AnomalyComparisonRun.run(normal, 400, faults,
                List.of(silent), SETTINGS).stream().collect(Collectors.toMap(AnomalyComparisonRun.ModelResult::model, r -> r));
        assertEquals(List.of("silent", "pca-t2", "pca-spe", "one-class-svm", "isolation-forest"),
                AnomalyComparisonRun.run(normal, 400, faults, List.of(silent), SETTINGS).stream()
                        .map(AnomalyComparisonRun.ModelResult::model).toList());
        assertEquals(0.0, byName.get("silent").meanDetectionRate());
        assertEquals(0.5, byName.get("silent").rocAuc(), 1e-12);
        assertEquals(2, byName.get("silent").runsNeverDetected());
        for (String m : List.of("pca-t2", "pca-spe", "one-class-svm", "isolation-forest")) {
            AnomalyComparisonRun.ModelResult r = byName.get(m);
            // 100 held-out rows at 1 %: the limit is the largest held-out score, so none of them exceeds it
            assertEquals(0.0, r.falseAlarmRate(), m);
            // fault 6 (A feed loss) drives many variables far out: every monitor must see it almost at once
            AnomalyComparisonRun.RunResult d06 = r.runs().get(1);
            assertTrue(d06.detectionRate() > 0.9, m + " fault 6 detection " + d06.detectionRate());
            assertTrue(d06.detectionDelayRows() != null && d06.detectionDelayRows() < 20, m + " delay " + d06.detectionDelayRows());
            assertTrue(d06.rocAuc() > 0.95, m + " fault 6 AUC " + d06.rocAuc());
            assertTrue(d06.falseAlarmRateBeforeOnset() < 0.1, m + " alarms on the normal head " + d06.falseAlarmRateBeforeOnset());
            assertTrue(r.rowsPerSecond() > 0 && r.trainingMs() >= 0);
        }
        // fault 1 (A/C feed ratio step): PCA SPE flags 0.996 of its rows in bench/tep.sh
        assertTrue(byName.get("pca-spe").runs().get(0).detectionRate() > 0.95);
        assertTrue((int) byName.get("pca-t2").hyperparameters().get("components") > 1);
    }

    /** Rows 0-99 normal (held-out d00 rows), the fault run's rows after them. */
    private static double[][] withNormalHead(double[][] fault, double[][] normal) {
        double[][] out = Arrays.copyOf(Arrays.copyOfRange(normal, 400, 500), 100 + fault.length);
        System.arraycopy(fault, 0, out, 100, fault.length);
        return out;
    }
}
