package io.poka.prognostics.internal.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The full-size models must be affordable on the shared box without getting worse: on a slice of FD001 the random
 * forest trains in bounded CPU time (Tribuo's greedy CART scans every distinct value of a feature, summing over all
 * examples each time, so on raw window features it costs minutes) and still beats the mean predictor on units it never
 * saw; so does the 1-D CNN with early stopping. CPU time of the training thread (Tribuo and PyTorch with one
 * thread work in the caller's thread), not wall time, so load does not matter.
 */
class AffordableRulModelsTest {
    private static final RulSettings FOREST = new RulSettings(30, 125, 42, 10, 12, 40, 0.1, 4, 5, 2, 256, 0.002, 8, 0);

    @Test
    void aFullDepthForestOnSixteenUnitsTrainsInBoundedCpuTimeAndBeatsTheMeanOnUnseenUnits() {
        List<UnitHistory> all = Fd001.load().units();
        List<UnitHistory> train = all.subList(0, 16);
        List<UnitHistory> held = all.subList(16, 22);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        TribuoRul forest = TribuoRul.fit(TribuoRul.RANDOM_FOREST, train, Fd001.SENSORS, FOREST);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        // measured on the shared box: binned 1.9-2.1 s CPU; the same 10 trees on raw features 12.5 s (and growing with
        // the square of the windows: minutes per tree on a full fold)
        System.out.printf("forest training: %.2f s CPU%n", cpuSeconds);
        assertTrue(cpuSeconds < 6, "forest training took " + cpuSeconds + " s CPU");

        double[] rmse = heldOutRmse(forest, train, held);
        assertTrue(rmse[0] < 0.6 * rmse[1], "forest RMSE " + rmse[0] + " vs mean predictor " + rmse[1]);
    }

    @Test
    void theCnnWithEarlyStoppingTrainsInBoundedCpuTimeAndBeatsTheMeanOnUnseenUnits() {
        List<UnitHistory> all = Fd001.load().units();
        List<UnitHistory> train = all.subList(0, 16);
        List<UnitHistory> held = all.subList(16, 22);
        // at most 12 epochs, patience 2
        RulSettings s = new RulSettings(30, 125, 42, 10, 12, 40, 0.1, 4, 5, 12, 256, 0.002, 10, 2);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        try (CnnRul cnn = CnnRul.fit(train, s, ai.djl.Device.cpu(), e -> { })) {
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf("CNN training: %.2f s CPU%n", cpuSeconds);
            // one PyTorch thread: its work runs on this thread
            assertTrue(cpuSeconds < 15, "CNN training took " + cpuSeconds + " s CPU");
            double[] rmse = heldOutRmse(cnn, train, held);
            // a floor far looser than the full result (about 26 against 42 with 11 epochs on 14 units)
            assertTrue(rmse[0] < 0.75 * rmse[1], "CNN RMSE " + rmse[0] + " vs mean predictor " + rmse[1]);
        }
    }

    /** RMSE of the model and of the training mean on every fifth window (from cycle 31) of the held-out units. */
    private static double[] heldOutRmse(FittedRul model, List<UnitHistory> train, List<UnitHistory> held) {
        double mean = train.stream().flatMapToDouble(u -> java.util.Arrays.stream(u.rul()))
                .map(r -> RulTarget.capped(r, 125)).average().orElseThrow();
        List<RulWindow> windows = new ArrayList<>();
        List<Double> truth = new ArrayList<>();
        for (UnitHistory u : held) {
            for (int end = 30; end < u.cycles(); end += 5) {
                windows.add(new RulWindow(u.rows(), end));
                truth.add(RulTarget.capped(u.rul()[end], 125));
            }
        }
        double[] p = model.predict(windows);
        double se = 0;
        double seMean = 0;
        for (int i = 0; i < p.length; i++) {
            se += (p[i] - truth.get(i)) * (p[i] - truth.get(i));
            seMean += (mean - truth.get(i)) * (mean - truth.get(i));
        }
        return new double[] {Math.sqrt(se / p.length), Math.sqrt(seMean / p.length)};
    }
}
