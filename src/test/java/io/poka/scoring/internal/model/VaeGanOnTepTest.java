package io.poka.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.poka.scoring.TepData;
import io.poka.scoring.internal.data.NumericTable;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real training on the Tennessee Eastman normal run (d00, first 400 rows train, last 100 calibrate) with few epochs,
 * so it takes seconds; thresholds and detection are checked on the real fault runs.
 */
class VaeGanOnTepTest {
    private static final Hyperparameters FAST = new Hyperparameters(null, null, null, null, null, null, null, 40,
            null, null, 7L, 0.01, 0.2, null).withDefaults();
    private static VaeGanFit.Fitted fitted;
    private static int epochsReported;

    @BeforeAll
    static void train() {
        PyTorchRuntime.configure(1, 1);
        AtomicInteger epochs = new AtomicInteger();
        fitted = VaeGanFit.fit(TepData.normal(), FAST, 50, Device.cpu(), (loss, total) -> epochs.incrementAndGet(),
                () -> false);
        epochsReported = epochs.get();
    }

    private static double[] scores(NumericTable t) {
        try (LoadedVaeGan m = LoadedVaeGan.load(fitted.parameters(), FAST, fitted.pipeline(), fitted.scale(), Device.cpu())) {
            return Arrays.stream(m.score(t)).mapToDouble(LoadedVaeGan.Scored::score).toArray();
        }
    }

    @Test
    void trainingReportsEveryEpochAndReconstructionImproves() {
        assertEquals(40, epochsReported);
        assertEquals(400, fitted.trainingRows());
        assertEquals(100, fitted.calibrationRows());
        assertTrue(fitted.history().get(39).reconstruction() < fitted.history().get(0).reconstruction() * 0.8,
                fitted.history().get(0) + " -> " + fitted.history().get(39));
    }

    @Test
    void falseAlarmsOnHeldOutNormalRowsStayNearTheTarget() {
        double[] held = scores(TepData.normal().slice(400, 500));
        // in-sample: at most the target by construction; out-of-sample (2-fold): at most a few rows of 50
        assertTrue(Calibration.exceedanceRate(held, fitted.threshold()) <= 0.01);
        double cross = (double) fitted.validation().get("crossCalibratedFalseAlarmRate");
        assertTrue(cross <= 0.06, "cross-calibrated false-alarm rate " + cross);
    }

    @Test
    void clearlyFaultyRunsAreFlaggedFarMoreOftenThanNormalRows() {
        double normal = Calibration.exceedanceRate(scores(TepData.normal().slice(400, 500)), fitted.threshold());
        double fault1 = Calibration.exceedanceRate(scores(TepData.fault(1)), fitted.threshold());
        double fault6 = Calibration.exceedanceRate(scores(TepData.fault(6)), fitted.threshold());
        // PCA SPE on the same split flags 0.996 (fault 1) and 1.000 (fault 6), bench/tep.sh
        assertTrue(fault1 > 0.9, "fault 1 detection " + fault1);
        assertTrue(fault6 > 0.9, "fault 6 detection " + fault6);
        assertTrue(fault1 > 20 * Math.max(normal, 0.01));
    }

    @Test
    void storedParametersReloadToIdenticalScores() {
        NumericTable probe = TepData.fault(2).slice(0, 50);
        assertArrayEquals(scores(probe), scores(probe), 0.0);
        try (LoadedVaeGan m = LoadedVaeGan.load(fitted.parameters(), FAST, fitted.pipeline(), fitted.scale(), Device.cpu())) {
            LoadedVaeGan.Scored s = m.score(probe)[0];
            assertEquals(s.reconstruction(), Arrays.stream(s.contributions()).sum(), 1e-6 * s.reconstruction());
        }
    }

    @Test
    void aCancelledTrainingStopsBeforeTheNextBatch() {
        AtomicInteger checks = new AtomicInteger();
        assertThrows(VaeGanTraining.Cancelled.class, () -> VaeGanFit.fit(TepData.normal(), FAST, 50, Device.cpu(),
                (loss, total) -> { }, () -> checks.incrementAndGet() > 3));
        assertEquals(4, checks.get());
    }
}
