package io.poka.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The grouped split other modules get through BaselinesApi: no group on both sides, every row once, reproducible. */
class GroupedSplitTest {

    @Test
    void noGroupIsOnBothSidesAndTheSameSeedGivesTheSameSplit() {
        double[] units = new double[300];
        for (int i = 0; i < units.length; i++) {
            units[i] = 100 + (i * 7) % 30; // 30 engine units, interleaved rows
        }
        BaselinesApi api = new BaselinesApi(null);
        for (long seed = 0; seed < 20; seed++) {
            GroupedSplit split = api.groupedSplit(units, 0.2, seed);
            Set<Double> train = Arrays.stream(split.trainRows()).mapToObj(r -> units[r]).collect(Collectors.toSet());
            Set<Double> test = Arrays.stream(split.testRows()).mapToObj(r -> units[r]).collect(Collectors.toSet());
            assertTrue(train.stream().noneMatch(test::contains), "seed " + seed);
            assertEquals(6, test.size(), "round(0.2 * 30) units held out");
            assertEquals(units.length, split.trainRows().length + split.testRows().length);
            assertArrayEquals(split.testRows(), api.groupedSplit(units, 0.2, seed).testRows());
        }
    }
}
