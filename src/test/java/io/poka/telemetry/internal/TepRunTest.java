package io.poka.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** The TEP runs load as time steps of 52 variables; d00, stored transposed (NOTICE.md), is turned back. */
class TepRunTest {

    @Test
    void theNormalRunIsTransposedBackTo500StepsOf52Variables() {
        TepRun d00 = TepRun.load("d00");
        assertEquals(500, d00.steps());
        // first value of d00.dat's second line is XMEAS(2) of step 1 (D feed, about 3.6e3 kg/h)
        assertEquals(TepRun.CATALOGUE.get(1).id(), "xmeas-02");
        assertEquals(3600, d00.value(0, 1), 200);
    }

    @Test
    void aFaultRunHas480StepsAndTheCatalogueNamesAll52VariablesOnce() {
        TepRun d01 = TepRun.load("d01");
        assertEquals(480, d01.steps());
        // first row of d01.dat begins 2.3766000e-01 3.6413000e+03
        assertEquals(0.23766, d01.value(0, 0), 1e-12);
        assertEquals(3641.3, d01.value(0, 1), 1e-9);
        assertEquals(52, new HashSet<>(TepRun.CATALOGUE.stream().map(TepRun.TepVariable::id).toList()).size());
        assertEquals("xmv-11", TepRun.CATALOGUE.get(51).id());
        assertThrows(IllegalArgumentException.class, () -> TepRun.load("../x"));
    }
}
