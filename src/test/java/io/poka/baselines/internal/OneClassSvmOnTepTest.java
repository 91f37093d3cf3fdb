package io.poka.baselines.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.baselines.internal.data.TepRuns;
import io.poka.baselines.internal.model.OneClassSvmMonitor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one-class SVM anomaly baseline on TEP, split and calibrated like the scoring module (400 train, 100 calibrate). */
class OneClassSvmOnTepTest {

    @Test
    void calibratedToOnePercentItDetectsTheStepFaultsAndHoldsItsFalseAlarmRate() {
        double[][] normal = TepRuns.normal();
        assertEquals(500, normal.length);
        assertEquals(52, normal[0].length);
        double[][] train = Arrays.copyOfRange(normal, 0, 400);
        double[][] calibration = Arrays.copyOfRange(normal, 400, 500);
        OneClassSvmMonitor svm = OneClassSvmMonitor.fit(train, 0.05, 1.0 / 52, 42);
        svm.calibrate(calibration, 0.01);
        assertTrue(svm.alarmRate(calibration) <= 0.01, "at most 1 % of held-out normal rows alarm");
        StringBuilder rates = new StringBuilder();
        for (int f = 1; f <= 21; f++) {
            rates.append(f).append('=').append(String.format("%.2f", svm.alarmRate(TepRuns.fault(f)))).append(' ');
        }
        System.out.println("one-class SVM detection rates: " + rates);
        // faults 1 and 2 (feed composition steps) are detected by every monitor in the TEP literature
        assertTrue(svm.alarmRate(TepRuns.fault(1)) > 0.8, rates.toString());
        assertTrue(svm.alarmRate(TepRuns.fault(2)) > 0.8, rates.toString());
        assertTrue(svm.provenance().contains("ONE_CLASS"));
    }
}
