package io.poka.baselines.internal.anomaly;

import io.poka.scoring.AlarmRule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.baselines.internal.data.TepRuns;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The anomaly baselines on TEP: d00 rows 1-400 are the fitted data set (320 train, 80 calibrate, as the VAE-GAN's
 * default split would make them), rows 401-500 a separate normal test run, 1 % target.
 */
class AnomalyComparisonRunTest {
    static final AnomalyComparisonRun.Settings SETTINGS = new AnomalyComparisonRun.Settings(0.01, 6.0, 0.9, 0.05, 0, 100,
            256, 42, 2);
    static final List<String> MONITORS = List.of("silent", "pca-t2", "pca-spe", "dynamic-pca-t2", "dynamic-pca-spe",
            "one-class-svm", "isolation-forest");

    /** An external monitor that always says 0 behind a limit of 0.5: it never alarms, AUC one half. */
    static final AnomalyComparisonRun.ExternalModel SILENT = new AnomalyComparisonRun.ExternalModel("silent", "test",
            Map.of(), "constant", 0, 0.5, 0, rows -> new double[rows.length]);

    @Test
    void everyMonitorIsJudgedOnTheSameRowsAtItsOwnLimitAndAtAnEqualFalseAlarmRateOnTheNormalTestRun() {
        double[][] d00 = TepRuns.normal();
        double[][] fitted = Arrays.copyOfRange(d00, 0, 400);
        double[][] normalTest = Arrays.copyOfRange(d00, 400, 500);
        List<AnomalyComparisonRun.FaultRun> faults = List.of(
                new AnomalyComparisonRun.FaultRun("d01", null, TepRuns.fault(1), 0, true),
                new AnomalyComparisonRun.FaultRun("d06 from row 50", null, withNormalHead(TepRuns.fault(6), normalTest, 50),
                        50, true),
                new AnomalyComparisonRun.FaultRun("d03", null, TepRuns.fault(3), 0, false));
        AnomalyComparisonRun.Plan plan = new AnomalyComparisonRun.Plan(faults,
                List.of(new AnomalyComparisonRun.NormalRun("d00 rows 401-500", null, normalTest)), AlarmRule.NONE, 0.05);
        List<AnomalyComparisonRun.ModelResult> results = AnomalyComparisonRun.run(fitted, 320, plan, List.of(SILENT),
                SETTINGS);
        assertEquals(MONITORS, results.stream().map(AnomalyComparisonRun.ModelResult::model).toList());
        Map<String, AnomalyComparisonRun.ModelResult> byName = results.stream()
                .collect(Collectors.toMap(AnomalyComparisonRun.ModelResult::model, r -> r));
        assertEquals(0.0, byName.get("silent").meanDetectionRate());
        assertEquals(0.5, byName.get("silent").rocAuc(), 1e-12);
        assertEquals(2, byName.get("silent").runsNeverDetected()); // d03 is not in the mean
        // dynamic PCA needs 2 rows of history: the normal test run is evaluated from row 2 for every monitor, 98 rows,
        // and 5 % of 98 rows allows 4 alarms; each monitor's equal-rate limit gives exactly that
        for (String m : MONITORS.subList(1, MONITORS.size())) {
            AnomalyComparisonRun.ModelResult r = byName.get(m);
            assertEquals(98, r.normalTests().get(0).rowsEvaluated(), m);
            assertEquals(4 / 98.0, r.atEqualFalseAlarm().normalTestFalseAlarmRate(), 1e-12, m);
            assertEquals(4 / 98.0, r.normalTests().get(0).falseAlarmRateAtEqualFalseAlarm(), 1e-12, m);
            // 80 held-out rows at 1 %: the own limit is the largest held-out score, none of them exceeds it
            assertEquals(0.0, r.falseAlarmRate(), m);
            assertTrue(r.normalTestFalseAlarmRate() >= 0 && r.normalTestFalseAlarmRate() <= 1, m);
            // fault 6 (A feed loss) drives many variables far out: every monitor must see it almost at once
            AnomalyComparisonRun.RunResult d06 = r.runs().get(1);
            assertTrue(d06.detectionRate() > 0.9, m + " fault 6 detection " + d06.detectionRate());
            assertTrue(d06.detectionDelayRows() != null && d06.detectionDelayRows() < 20, m + " delay " + d06.detectionDelayRows());
            assertTrue(d06.rocAuc() > 0.95, m + " fault 6 AUC " + d06.rocAuc());
            assertTrue(d06.falseAlarmRateBeforeOnset() < 0.1, m + " alarms on the normal head " + d06.falseAlarmRateBeforeOnset());
            // the pre-fault rows are those of d06 only (rows 2-49), pooled
            assertEquals(d06.falseAlarmRateBeforeOnset(), r.preFaultFalseAlarmRate(), 1e-12, m);
            assertEquals((r.runs().get(0).detectionRate() + d06.detectionRate()) / 2, r.meanDetectionRate(), 1e-12, m);
            assertEquals((r.runs().get(0).detectionRateAtEqualFalseAlarm() + d06.detectionRateAtEqualFalseAlarm()) / 2,
                    r.atEqualFalseAlarm().meanDetectionRate(), 1e-12, m);
            assertTrue(!r.runs().get(2).inMean());
            assertTrue(r.rowsPerSecond() > 0 && r.trainingMs() >= 0);
        }
        // fault 1 (A/C feed ratio step): PCA SPE flags 0.996 of its rows in bench/tep.sh
        assertTrue(byName.get("pca-spe").runs().get(0).detectionRate() > 0.95);
        assertTrue((int) byName.get("pca-t2").hyperparameters().get("components") > 1);
        assertEquals(2, byName.get("dynamic-pca-spe").hyperparameters().get("lags"));
        assertEquals("the model's stored threshold", byName.get("silent").thresholdSource());
    }

    @Test
    void withoutNormalTestRunsThereIsNoEqualRateComparisonAndAKOfNRuleDelaysEveryMonitorAlike() {
        double[][] d00 = TepRuns.normal();
        // fault 6 from row 50 behind 50 normal rows (d00 rows 401-450, never fitted on)
        List<AnomalyComparisonRun.FaultRun> faults = List.of(new AnomalyComparisonRun.FaultRun("d06", null,
                withNormalHead(TepRuns.fault(6), Arrays.copyOfRange(d00, 400, 500), 50), 50, true));
        d00 = Arrays.copyOfRange(d00, 0, 400);
        List<AnomalyComparisonRun.ModelResult> plain = AnomalyComparisonRun.run(d00, 320,
                new AnomalyComparisonRun.Plan(faults, List.of(), AlarmRule.NONE, Double.NaN), List.of(), SETTINGS);
        List<AnomalyComparisonRun.ModelResult> threeOfThree = AnomalyComparisonRun.run(d00, 320,
                new AnomalyComparisonRun.Plan(faults, List.of(), AlarmRule.kOfN(3, 3), Double.NaN), List.of(), SETTINGS);
        for (int m = 0; m < plain.size(); m++) {
            assertNull(plain.get(m).atEqualFalseAlarm());
            assertNull(plain.get(m).normalTestFalseAlarmRate());
            assertEquals(plain.get(m).threshold(), threeOfThree.get(m).threshold(), 1e-12, "k of n keeps the row limit");
            int delay = plain.get(m).runs().get(0).detectionDelayRows();
            int ruled = threeOfThree.get(m).runs().get(0).detectionDelayRows();
            // three exceedances in a row take at least two more rows than the first exceedance
            assertTrue(ruled >= delay + 2, plain.get(m).model() + ": " + delay + " -> " + ruled);
        }
    }

    /** The first {@code head} rows from the normal run, the fault run's rows after them. */
    private static double[][] withNormalHead(double[][] fault, double[][] normal, int head) {
        double[][] out = Arrays.copyOf(Arrays.copyOfRange(normal, 0, head), head + fault.length);
        System.arraycopy(fault, 0, out, head, fault.length);
        return out;
    }
}
