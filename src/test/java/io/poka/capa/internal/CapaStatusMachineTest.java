package io.poka.capa.internal;

import static io.poka.capa.CapaStatus.CLOSED;
import static io.poka.capa.CapaStatus.EFFECTIVENESS_PENDING;
import static io.poka.capa.CapaStatus.IMPLEMENTED;
import static io.poka.capa.CapaStatus.IN_PROGRESS;
import static io.poka.capa.CapaStatus.OPEN;
import static io.poka.capa.CapaStatus.REOPENED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.capa.CapaStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every move of a CAPA that the status machine allows, and every one it refuses with a 409 problem. */
class CapaStatusMachineTest {
    /** The documented machine (docs/capa.md), written out once more so a change of the code must be deliberate. */
    private static final Map<CapaStatus, Set<CapaStatus>> EXPECTED = Map.of(
            OPEN, EnumSet.of(IN_PROGRESS, IMPLEMENTED),
            IN_PROGRESS, EnumSet.of(IMPLEMENTED),
            IMPLEMENTED, EnumSet.of(EFFECTIVENESS_PENDING, IN_PROGRESS),
            EFFECTIVENESS_PENDING, EnumSet.of(CLOSED, REOPENED),
            CLOSED, EnumSet.of(REOPENED),
            REOPENED, EnumSet.of(IN_PROGRESS, IMPLEMENTED));

    @Test
    void everyAllowedMovePassesAndEveryOtherIsRefusedNamingTheAllowedOnes() {
        int allowed = 0;
        int refused = 0;
        for (CapaStatus from : CapaStatus.values()) {
            assertEquals(EXPECTED.get(from), CapaStatusMachine.allowed(from), "allowed from " + from);
            for (CapaStatus to : CapaStatus.values()) {
                if (EXPECTED.get(from).contains(to)) {
                    assertDoesNotThrow(() -> CapaStatusMachine.requireMove(from, to), from + " -> " + to);
                    allowed++;
                } else {
                    CapaProblems.IllegalTransition problem = assertThrows(CapaProblems.IllegalTransition.class,
                            () -> CapaStatusMachine.requireMove(from, to), from + " -> " + to);
                    assertEquals(409, problem.status());
                    assertEquals("urn:poka:problem:capa/illegal-transition", problem.type());
                    assertEquals(new java.util.TreeSet<>(EXPECTED.get(from)), problem.extensions().get("allowed"));
                    refused++;
                }
            }
        }
        assertEquals(10, allowed);
        assertEquals(26, refused);
    }

    @Test
    void aClosedCapaCanOnlyBeReopenedAndNothingLeadsBackToOpen() {
        assertEquals(EnumSet.of(REOPENED), CapaStatusMachine.allowed(CLOSED));
        for (CapaStatus from : CapaStatus.values()) {
            assertTrue(!CapaStatusMachine.allowed(from).contains(OPEN), from + " -> OPEN");
        }
    }

    @Test
    void onlyActionsNotYetImplementedCountAsStillToDoForTheDueDate() {
        for (CapaStatus s : CapaStatus.values()) {
            assertEquals(s == OPEN || s == IN_PROGRESS || s == REOPENED, CapaStatusMachine.stillToImplement(s), s.name());
        }
    }
}
