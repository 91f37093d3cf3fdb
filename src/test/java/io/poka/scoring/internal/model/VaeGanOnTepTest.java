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
 * Real training on the Tennessee Eastman normal run (d00, all 500 rows; 5 time blocks cross-fitted for calibration)
 * at the default false-alarm target (1 %) with fewer epochs than the default, so it takes seconds; the served score is
 * the combined monitor; thresholds, detection and delay are checked on the real fault runs.
 */
class VaeGanOnTepTest {
    private static final Hyperparameters FAST = new Hyperparameters(null, null, null, null, null, null, null, 20,
            null, null, 7L, null, null, null, null, null, null, null, null).withDefaults();
    /** Most of the rows of a nearly normal run that may be flagged at the 1 % target (see the test using it). */
    private static final double NEW_RUN_LIMIT = 0.02;
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
            return fitted.alarmRule().apply(Arrays.stream(m.score(t)).mapToDouble(LoadedVaeGan.Scored::score).toArray());
        }
    }

    @Test
    void trainingReportsEveryEpochAndReconstructionImproves() {
        // the stored model's epochs (the cross-fitting models train silently after it)
        assertEquals(20, epochsReported);
        // no attempt diverged on d00 with the defaults, and the metadata says so (VaeGanTrainingDivergenceTest forces one)
        assertEquals(java.util.List.of(), fitted.validation().get("trainingRestarts"));
        assertEquals(500, fitted.trainingRows());
        assertEquals(500, fitted.calibrationRows());
        assertEquals(5, fitted.crossFit().scores().size());
        assertTrue(fitted.history().get(19).reconstruction() < fitted.history().get(0).reconstruction() * 0.8,
                fitted.history().get(0) + " -> " + fitted.history().get(19));
    }

    @Test
    void theDefaultTargetIsAcceptedAndHonouredOnRowsTheirModelsNeverSaw() {
        // the rule before refused 1 % for 2 of 5 seeds (n_eff 97 and 82 < 99); the tail fit supports it (issue 14)
        assertEquals(0.01, (double) fitted.validation().get("targetFalseAlarmRate"), 0.0);
        assertTrue((double) fitted.validation().get("smallestSupportedTarget") <= 0.01, fitted.validation().toString());
        double[] crossFitted = fitted.crossFit().scores().stream().flatMapToDouble(Arrays::stream).toArray();
        double expected = (double) fitted.validation().get("expectedFalseAlarmRate");
        double upper = (double) fitted.validation().get("expectedFalseAlarmRateUpper95");
        assertTrue(expected <= upper && upper <= 0.01 + 1e-9, fitted.validation().toString());
        assertTrue(Calibration.exceedanceRate(crossFitted, fitted.threshold()) <= 0.01, fitted.validation().toString());
        for (double[] block : fitted.crossFit().scores()) {
            assertTrue(Calibration.exceedanceRate(block, fitted.threshold()) <= 0.02, fitted.validation().toString());
        }
        // each block's threshold from the other blocks only: no block over 2 % on average
        double cross = (double) fitted.validation().get("crossCalibratedFalseAlarmRate");
        assertTrue(cross <= 0.02, "cross-calibrated false-alarm rate " + cross);
        assertEquals(fitted.crossFit().calibration().effectiveSampleSize(),
                (double) fitted.validation().get("effectiveSampleSize"), 0.0);
    }

    @Test
    void theServedScoreIsTheLargestOfTheNormalisedStatistics() {
        ScoreScale.Companions c = fitted.scale().companions();
        assertTrue(c != null && c.vae() > 0 && c.jump() > 0 && c.shift() > 0 && c.spread() > 0 && c.drift() > 0,
                String.valueOf(c));
        try (LoadedVaeGan m = LoadedVaeGan.load(fitted.parameters(), FAST, fitted.pipeline(), fitted.scale(), Device.cpu())) {
            for (LoadedVaeGan.Scored s : m.score(TepData.fault(5).slice(0, 60))) {
                assertEquals(Math.max(Math.max(s.vae() / c.vae(), s.jump() / c.jump()), Math.max(
                        Math.max(s.shift() / c.shift(), s.spread() / c.spread()), s.drift() / c.drift())), s.score(), 1e-12);
            }
        }
    }

    @Test
    void runsThatAreNearlyNormalAreFlaggedNearThePromiseNotOnlyBlocksOfTheTrainingRun() {
        // d03, d09, d15: faults the literature calls undetectable, so these are the closest we have to new normal
        // runs (an upper bound: they do contain a weak fault). Calibrated for blocks of d00 only (betweenRun 0) the
        // served monitor flagged 6.0 %, 2.2 % and 7.5 % of their rows at the 1 % target (bench/tep.sh, 5 seeds).
        StringBuilder rates = new StringBuilder();
        for (int fault : TepData.UNDETECTABLE) {
            rates.append(" d").append(fault).append(' ')
                    .append(Calibration.exceedanceRate(scores(TepData.fault(fault)), fitted.threshold()));
        }
        for (int fault : TepData.UNDETECTABLE) {
            double rate = Calibration.exceedanceRate(scores(TepData.fault(fault)), fitted.threshold());
            assertTrue(rate <= NEW_RUN_LIMIT, "flagged share of rows:" + rates);
        }
        assertEquals(BetweenRun.REPLICATES + 1, (int) fitted.validation().get("betweenRunReplicates"));
    }

    @Test
    void theVaeGanScoreAloneStaysWithinThePromiseOnRunsThatAreNearlyNormal() {
        // the part of the served score that raised the new-run proxy: the VAE-GAN's own score over its divisor alone
        // flagged 4.0 % of d15 (bench/tep.sh, seed 2, 30 epochs, 2026-12-05; 0.8 % once trained on rows augmented by
        // between-run draws) while the four per-variable statistics stayed <= 0.4 %. This seed with 20 epochs: 0.6 %
        // of d15 without augmentation, so this is a guard of the 1 % target per run, not the reproduction
        ScoreScale.Companions c = fitted.scale().companions();
        StringBuilder rates = new StringBuilder();
        double worst = 0;
        try (LoadedVaeGan m = LoadedVaeGan.load(fitted.parameters(), FAST, fitted.pipeline(), fitted.scale(), Device.cpu())) {
            for (int fault : TepData.UNDETECTABLE) {
                double[] vae = fitted.alarmRule().apply(Arrays.stream(m.score(TepData.fault(fault)))
                        .mapToDouble(s -> s.vae() / c.vae()).toArray());
                double rate = Calibration.exceedanceRate(vae, fitted.threshold());
                rates.append(" d").append(fault).append(' ').append(rate);
                worst = Math.max(worst, rate);
            }
        }
        assertTrue(worst <= 0.01, "VAE-GAN score alone, flagged share of rows:" + rates);
        // the stored metadata says how the networks were trained
        assertEquals(1.0, (double) fitted.validation().get("betweenRunAugmentation"), 0.0);
        assertTrue(((String) fitted.validation().get("trainingAugmentation")).startsWith(
                "each minibatch from the training rows or one of 8 copies"), fitted.validation().toString());
    }

    @Test
    void clearlyFaultyRunsAreFlaggedFarMoreOftenThanNormalRows() {
        double normal = Calibration.exceedanceRate(fitted.crossFit().scores().stream().flatMapToDouble(Arrays::stream)
                .toArray(), fitted.threshold());
        double fault1 = Calibration.exceedanceRate(scores(TepData.fault(1)), fitted.threshold());
        double fault6 = Calibration.exceedanceRate(scores(TepData.fault(6)), fitted.threshold());
        // PCA SPE on the same split flags 0.996 (fault 1) and 1.000 (fault 6), bench/tep.sh
        assertTrue(fault1 > 0.9, "fault 1 detection " + fault1);
        assertTrue(fault6 > 0.9, "fault 6 detection " + fault6);
        assertTrue(fault1 > 20 * Math.max(normal, 0.01));
    }

    @Test
    void aSmallSustainedShiftInOneVariableIsDetectedByThePerVariableStatistics() {
        // fault 5 (condenser cooling water inlet temperature step; after the controllers compensate only a small shift
        // in one flow remains): the VAE-GAN alone 0.547, with its companions 0.996 (bench/tep.sh, seeds 1-2, 2026-12-05)
        double fault5 = Calibration.exceedanceRate(scores(TepData.fault(5)), fitted.threshold());
        assertTrue(fault5 > 0.9, "fault 5 detection " + fault5);
    }

    @Test
    void faultsThatChangeTheDynamicsAreDetectedThroughTheTemporalFeatures() {
        // static PCA SPE on the same split: fault 19 0.025, fault 16 0.135, fault 20 0.515; the default VAE-GAN with
        // its temporal features (seed 1, 30 epochs, 1 %): 0.842, 0.625, 0.844 (bench/tep.sh, 2026-12-05)
        double fault19 = Calibration.exceedanceRate(scores(TepData.fault(19)), fitted.threshold());
        double fault16 = Calibration.exceedanceRate(scores(TepData.fault(16)), fitted.threshold());
        double fault20 = Calibration.exceedanceRate(scores(TepData.fault(20)), fitted.threshold());
        assertTrue(fault19 > 0.5, "fault 19 detection " + fault19);
        assertTrue(fault16 > 0.3, "fault 16 detection " + fault16);
        assertTrue(fault20 > 0.6, "fault 20 detection " + fault20);
    }

    @Test
    void theDelayOfAnAbruptFaultCountsTheAlarmRuleAndStaysShort() {
        // row 0 is the first row of the fault run; the EWMA of the score and the temporal features start from the
        // normal level, so the first alarm comes after the rule has caught up (bench: 0-6 rows for faults 1, 4, 6, 7)
        for (int fault : new int[] {1, 4, 6, 7}) {
            double[] s = scores(TepData.fault(fault));
            int first = 0;
            while (first < s.length && s[first] <= fitted.threshold()) {
                first++;
            }
            assertTrue(first <= 8, "fault " + fault + " first alarm at row " + first);
        }
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
