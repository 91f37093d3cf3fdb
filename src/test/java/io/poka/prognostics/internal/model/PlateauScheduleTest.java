package io.poka.prognostics.internal.model;

import static io.poka.prognostics.internal.model.PlateauSchedule.Step.DECAYED;
import static io.poka.prognostics.internal.model.PlateauSchedule.Step.IMPROVED;
import static io.poka.prognostics.internal.model.PlateauSchedule.Step.STOP;
import static io.poka.prognostics.internal.model.PlateauSchedule.Step.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CNN's schedule: the first plateau lowers the learning rate tenfold instead of ending training. */
class PlateauScheduleTest {

    private static List<PlateauSchedule.Step> run(PlateauSchedule s, double... losses) {
        List<PlateauSchedule.Step> steps = new ArrayList<>();
        for (double l : losses) {
            steps.add(s.after(l));
        }
        return steps;
    }

    @Test
    void theFirstPlateauLowersTheRateTenfoldAndTheSecondStops() {
        PlateauSchedule s = new PlateauSchedule(0.002, 2, 1);
        assertEquals(List.of(IMPROVED, IMPROVED, WAIT, DECAYED), run(s, 5, 4, 4.5, 4.2));
        assertEquals(0.0002, s.rate(), 1e-12);
        // a better epoch at the lower rate resets the count; two more without improvement stop
        assertEquals(List.of(IMPROVED, WAIT, STOP), run(s, 3.9, 3.95, 3.91));
        assertEquals(0.0002, s.rate(), 1e-12);
    }

    @Test
    void withoutDropsItIsPlainEarlyStopping() {
        PlateauSchedule s = new PlateauSchedule(0.002, 2, 0);
        assertEquals(List.of(IMPROVED, WAIT, STOP), run(s, 5, 6, 7));
        assertEquals(0.002, s.rate(), 1e-12);
    }

    @Test
    void aPatienceBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PlateauSchedule(0.002, 0, 1));
    }
}
