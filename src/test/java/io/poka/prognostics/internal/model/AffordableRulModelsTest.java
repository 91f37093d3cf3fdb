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
 * saw. CPU time of the training thread (Tribuo trains in the caller's thread), not wall time, so load does not matter.
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
        // binned: about 1 s here; the forest on raw features took over a minute for these 10 trees
        System.out.printf("forest training: %.2f s CPU%n", cpuSeconds);
        assertTrue(cpuSeconds < 20, "forest training took " + cpuSeconds + " s CPU");

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
        double[] p = forest.predict(windows);
        double se = 0;
        double seMean = 0;
        for (int i = 0; i < p.length; i++) {
            se += (p[i] - truth.get(i)) * (p[i] - truth.get(i));
            seMean += (mean - truth.get(i)) * (mean - truth.get(i));
        }
        double rmse = Math.sqrt(se / p.length);
        double rmseMean = Math.sqrt(seMean / p.length);
        assertTrue(rmse < 0.6 * rmseMean, "forest RMSE " + rmse + " vs mean predictor " + rmseMean);
    }
}
