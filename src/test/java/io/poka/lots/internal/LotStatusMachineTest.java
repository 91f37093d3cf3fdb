package io.poka.lots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.lots.LotStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lot life cycle table: holds from every open status, lifts back, dispositions only on nonconforming lots. */
class LotStatusMachineTest {

    @ParameterizedTest
    @EnumSource(value = LotStatus.class, names = {"CREATED", "IN_PROCESS", "AWAITING_INSPECTION", "READY_FOR_RELEASE", "RELEASED"})
    void holdAndQuarantineAreReachableFromEveryOpenStatusAndLiftingReturnsThere(LotStatus open) {
        assertTrue(LotStatusMachine.canMove(open, null, LotStatus.ON_HOLD));
        assertTrue(LotStatusMachine.canMove(open, null, LotStatus.QUARANTINED));
        assertEquals(open, LotStatusMachine.lift(LotStatus.ON_HOLD, open));
        assertEquals(open, LotStatusMachine.lift(LotStatus.QUARANTINED, open));
        assertTrue(LotStatusMachine.allowed(LotStatus.ON_HOLD, open).contains(open));
    }

    @ParameterizedTest
    @EnumSource(value = LotStatus.class, names = {"REJECTED", "SCRAPPED"})
    void closedLotsCannotBeHeld(LotStatus closed) {
        IllegalTransition e = assertThrows(IllegalTransition.class,
                () -> LotStatusMachine.requireHold(closed, null, LotStatus.ON_HOLD));
        assertEquals(409, e.status());
        assertFalse(LotStatusMachine.OPEN.contains(closed));
    }

    @Test
    void aHeldLotCanBeEscalatedToQuarantineButNotHeldTwice() {
        assertTrue(LotStatusMachine.canMove(LotStatus.ON_HOLD, LotStatus.IN_PROCESS, LotStatus.QUARANTINED));
        assertFalse(LotStatusMachine.canMove(LotStatus.ON_HOLD, LotStatus.IN_PROCESS, LotStatus.ON_HOLD));
        assertFalse(LotStatusMachine.canMove(LotStatus.QUARANTINED, LotStatus.IN_PROCESS, LotStatus.ON_HOLD));
    }

    @Test
    void theIllegalTransitionProblemNamesTheAllowedTargetsSorted() {
        IllegalTransition e = assertThrows(IllegalTransition.class,
                () -> LotStatusMachine.requireMove(LotStatus.CREATED, null, LotStatus.RELEASED));
        assertEquals("urn:poka:problem:lots/illegal-transition", e.type());
        assertEquals(List.of("AWAITING_INSPECTION", "IN_PROCESS", "ON_HOLD", "QUARANTINED", "REJECTED"),
                e.extensions().get("allowed"));
        assertEquals("CREATED", e.extensions().get("from"));
        assertEquals("RELEASED", e.extensions().get("to"));
    }

    @Test
    void releaseNeedsAPassedInspectionOrAHeldLot() {
        Set<LotStatus> from = EnumSet.noneOf(LotStatus.class);
        for (LotStatus s : LotStatus.values()) {
            if (LotStatusMachine.canMove(s, null, LotStatus.RELEASED)) {
                from.add(s);
            }
        }
        assertEquals(EnumSet.of(LotStatus.READY_FOR_RELEASE, LotStatus.ON_HOLD, LotStatus.QUARANTINED), from);
    }

    @Test
    void onlyAnInspectionMovesALotFromAwaitingInspectionTowardsRelease() {
        assertEquals(EnumSet.of(LotStatus.READY_FOR_RELEASE, LotStatus.REJECTED, LotStatus.ON_HOLD, LotStatus.QUARANTINED),
                LotStatusMachine.allowed(LotStatus.AWAITING_INSPECTION, null));
    }

    @Test
    void scrappedIsFinal() {
        assertTrue(LotStatusMachine.allowed(LotStatus.SCRAPPED, null).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(LotStatusMachine.Decision.class)
    void dispositionsApplyToNonconformingLotsOnly(LotStatusMachine.Decision d) {
        for (LotStatus s : LotStatus.values()) {
            boolean nonconforming = s == LotStatus.ON_HOLD || s == LotStatus.QUARANTINED || s == LotStatus.REJECTED;
            boolean allowed = true;
            try {
                LotStatusMachine.requireDisposition(s, LotStatus.AWAITING_INSPECTION, d);
            } catch (IllegalTransition e) {
                allowed = false;
            }
            // a rejected lot is not released again (RELEASE, USE_AS_IS, REGRADE) and is already where REJECT and
            // RETURN_TO_SUPPLIER would take it; it may still be scrapped or reworked
            boolean expected = nonconforming && !(s == LotStatus.REJECTED
                    && (d.target() == LotStatus.RELEASED || d.target() == LotStatus.REJECTED));
            assertEquals(expected, allowed, d + " on " + s);
        }
    }

    @Test
    void liftingALotThatIsNotHeldIsIllegal() {
        assertThrows(IllegalTransition.class, () -> LotStatusMachine.lift(LotStatus.IN_PROCESS, null));
    }
}
