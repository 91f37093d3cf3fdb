package io.poka.spc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.spc.ChartPointView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long chart is thinned for the screen, but no point where a rule fired is ever dropped. */
class ChartThinningTest {

    @Test
    void everyPointWhereARuleFiredSurvivesThinning() {
        List<ChartPointView> points = new ArrayList<>();
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            boolean fired = i % 37 == 0 || i > 19_500; // 541 + 499 violating points, the newest at the end
            points.add(new ChartPointView(t0.plusSeconds(i), fired ? 12.0 : 10.0 + Math.sin(i), 10, 7.0, 13.0, null,
                    null, fired ? List.of("WE1") : List.of()));
        }
        List<ChartPointView> thinned = ChartThinning.thin(points, 2000);
        long firedBefore = points.stream().filter(p -> !p.rules().isEmpty()).count();
        long firedAfter = thinned.stream().filter(p -> !p.rules().isEmpty()).count();
        assertEquals(firedBefore, firedAfter);
        assertTrue(thinned.size() < 2000 + firedBefore, "thinned: " + thinned.size());
        assertEquals(points.get(points.size() - 1), thinned.get(thinned.size() - 1), "the newest point stays");
    }

    @Test
    void aShortChartIsReturnedAsIs() {
        List<ChartPointView> points = List.of(new ChartPointView(Instant.EPOCH, 1, 1, null, null, null, null, List.of()));
        assertSame(points, ChartThinning.thin(points, 2000));
    }
}
