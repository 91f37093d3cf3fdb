package io.poka.capa.internal;

import static io.poka.capa.CapaStatus.CLOSED;
import static io.poka.capa.CapaStatus.EFFECTIVENESS_PENDING;
import static io.poka.capa.CapaStatus.IMPLEMENTED;
import static io.poka.capa.CapaStatus.IN_PROGRESS;
import static io.poka.capa.CapaStatus.OPEN;
import static io.poka.capa.CapaStatus.REOPENED;

import io.poka.capa.CapaStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves a CAPA may make, in plain Java so every transition and refusal is unit-tested. Guards that need data (a
 * criterion before the window starts, a passed evaluation and a signature before closure) are the service's.
 */
final class CapaStatusMachine {
    private static final Map<CapaStatus, Set<CapaStatus>> MOVES = new EnumMap<>(CapaStatus.class);

    static {
        MOVES.put(OPEN, EnumSet.of(IN_PROGRESS, IMPLEMENTED));
        MOVES.put(IN_PROGRESS, EnumSet.of(IMPLEMENTED));
        // an implementation found incomplete goes back to work before its effectiveness window starts
        MOVES.put(IMPLEMENTED, EnumSet.of(EFFECTIVENESS_PENDING, IN_PROGRESS));
        MOVES.put(EFFECTIVENESS_PENDING, EnumSet.of(CLOSED, REOPENED));
        MOVES.put(CLOSED, EnumSet.of(REOPENED));
        MOVES.put(REOPENED, EnumSet.of(IN_PROGRESS, IMPLEMENTED));
    }

    private CapaStatusMachine() {
    }

    /** The statuses reachable from {@code from} in one move. */
    static Set<CapaStatus> allowed(CapaStatus from) {
        return EnumSet.copyOf(MOVES.get(from));
    }

    /** Whether the action counts as still to be done for the due date (overdue escalation, on-time rate). */
    static boolean stillToImplement(CapaStatus status) {
        return status == OPEN || status == IN_PROGRESS || status == REOPENED;
    }

    /** @throws CapaProblems.IllegalTransition (409) when the move is not allowed */
    static void requireMove(CapaStatus from, CapaStatus to) {
        if (!MOVES.get(from).contains(to)) {
            throw new CapaProblems.IllegalTransition(from, to, allowed(from));
        }
    }
}
