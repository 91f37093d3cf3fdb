package io.poka.ncr.internal;

import static io.poka.ncr.NcrStatus.CANCELLED;
import static io.poka.ncr.NcrStatus.CLOSED;
import static io.poka.ncr.NcrStatus.CONTAINED;
import static io.poka.ncr.NcrStatus.DISPOSITIONED;
import static io.poka.ncr.NcrStatus.OPEN;
import static io.poka.ncr.NcrStatus.UNDER_INVESTIGATION;
import static io.poka.ncr.internal.NcrStatusMachine.Action.CANCEL;
import static io.poka.ncr.internal.NcrStatusMachine.Action.CLOSE;
import static io.poka.ncr.internal.NcrStatusMachine.Action.CONTAIN;
import static io.poka.ncr.internal.NcrStatusMachine.Action.DISPOSITION;
import static io.poka.ncr.internal.NcrStatusMachine.Action.INVESTIGATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.poka.ncr.NcrStatus;
import io.poka.ncr.internal.NcrStatusMachine.Action;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every allowed move of a nonconformance report and every refusal, without Quarkus. */
class NcrStatusMachineTest {

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "OPEN, CONTAIN, CONTAINED",
            "OPEN, INVESTIGATE, UNDER_INVESTIGATION",
            "OPEN, CANCEL, CANCELLED",
            "CONTAINED, CONTAIN, CONTAINED",
            "CONTAINED, INVESTIGATE, UNDER_INVESTIGATION",
            "CONTAINED, DISPOSITION, DISPOSITIONED",
            "CONTAINED, CANCEL, CANCELLED",
            "UNDER_INVESTIGATION, CONTAIN, UNDER_INVESTIGATION",
            "UNDER_INVESTIGATION, DISPOSITION, DISPOSITIONED",
            "UNDER_INVESTIGATION, CLOSE, CLOSED",
            "UNDER_INVESTIGATION, CANCEL, CANCELLED",
            "DISPOSITIONED, DISPOSITION, DISPOSITIONED",
            "DISPOSITIONED, CLOSE, CLOSED"})
    void anAllowedActionLeadsToItsStatus(NcrStatus from, Action action, NcrStatus to) {
        assertEquals(to, NcrStatusMachine.next(from, action));
    }

    @Test
    void everyActionNotInTheTableIsRefusedWithTheAllowedOnes() {
        int refused = 0;
        for (NcrStatus from : NcrStatus.values()) {
            Set<Action> allowed = NcrStatusMachine.allowed(from);
            for (Action a : Action.values()) {
                if (allowed.contains(a)) {
                    continue;
                }
                NcrProblems.IllegalTransition e = assertThrows(NcrProblems.IllegalTransition.class,
                        () -> NcrStatusMachine.next(from, a), from + " " + a);
                assertEquals(409, e.status());
                assertEquals("urn:poka:problem:ncr/illegal-transition", e.type());
                refused++;
            }
        }
        // 6 statuses x 5 actions = 30 pairs, of which the 13 listed above are allowed
        assertEquals(17, refused);
    }

    @Test
    void closedAndCancelledReportsAllowNothing() {
        assertEquals(Set.of(), NcrStatusMachine.allowed(CLOSED));
        assertEquals(Set.of(), NcrStatusMachine.allowed(CANCELLED));
        assertThrows(NcrProblems.IllegalTransition.class, () -> NcrStatusMachine.next(CLOSED, CONTAIN));
        assertThrows(NcrProblems.IllegalTransition.class, () -> NcrStatusMachine.next(CANCELLED, CONTAIN));
    }

    @Test
    void materialOnceDispositionedCannotBeCancelledAndAnOpenReportCannotBeClosed() {
        assertThrows(NcrProblems.IllegalTransition.class, () -> NcrStatusMachine.next(DISPOSITIONED, CANCEL));
        assertThrows(NcrProblems.IllegalTransition.class, () -> NcrStatusMachine.next(OPEN, CLOSE));
        assertThrows(NcrProblems.IllegalTransition.class, () -> NcrStatusMachine.next(OPEN, DISPOSITION));
        assertThrows(NcrProblems.IllegalTransition.class, () -> NcrStatusMachine.next(CONTAINED, CLOSE));
        assertThrows(NcrProblems.IllegalTransition.class, () -> NcrStatusMachine.next(DISPOSITIONED, INVESTIGATE));
        assertEquals(UNDER_INVESTIGATION, NcrStatusMachine.next(CONTAINED, INVESTIGATE));
    }
}
