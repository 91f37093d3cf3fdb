package io.poka.ncr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.ncr.DefectCodeView;
import io.poka.ncr.NcrSeverity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The defect catalogue as a tree: paths, sub-codes, depth-first order and the loop check. */
class DefectCatalogueTest {

    private static DefectCode code(String code, String parent) {
        DefectCode c = new DefectCode();
        c.code = code;
        c.parentCode = parent;
        c.name = code;
        c.defaultSeverity = NcrSeverity.MINOR;
        c.active = true;
        return c;
    }

    private final DefectCatalogue catalogue = new DefectCatalogue(List.of(code("SURF", null), code("DIM", null),
            code("DIM-OOT", "DIM"), code("DIM-OOT-LEN", "DIM-OOT"), code("DIM-BURR", "DIM")));

    @Test
    void eachCodeKnowsItsPathFromTheTop() {
        assertEquals(List.of("DIM", "DIM-OOT", "DIM-OOT-LEN"), catalogue.path("DIM-OOT-LEN"));
        assertEquals(List.of("SURF"), catalogue.path("SURF"));
    }

    @Test
    void aCodeCoversEverythingBelowIt() {
        assertEquals(Set.of("DIM", "DIM-OOT", "DIM-OOT-LEN", "DIM-BURR"), catalogue.withDescendants("DIM"));
        assertEquals(Set.of("DIM-OOT-LEN"), catalogue.withDescendants("DIM-OOT-LEN"));
    }

    @Test
    void theListIsDepthFirstByCode() {
        assertEquals(List.of("DIM", "DIM-BURR", "DIM-OOT", "DIM-OOT-LEN", "SURF"),
                catalogue.depthFirst().stream().map(DefectCodeView::code).toList());
    }

    @Test
    void movingACodeUnderItselfOrItsDescendantWouldLoop() {
        assertTrue(catalogue.wouldCycle("DIM", "DIM-OOT-LEN"));
        assertTrue(catalogue.wouldCycle("DIM", "DIM"));
        assertFalse(catalogue.wouldCycle("DIM-OOT", "SURF"));
        assertFalse(catalogue.wouldCycle("DIM-OOT", null));
    }
}
