package io.poka.lots.internal;

import static io.poka.lots.LotStatus.AWAITING_INSPECTION;
import static io.poka.lots.LotStatus.CREATED;
import static io.poka.lots.LotStatus.IN_PROCESS;
import static io.poka.lots.LotStatus.ON_HOLD;
import static io.poka.lots.LotStatus.QUARANTINED;
import static io.poka.lots.LotStatus.READY_FOR_RELEASE;
import static io.poka.lots.LotStatus.REJECTED;
import static io.poka.lots.LotStatus.RELEASED;
import static io.poka.lots.LotStatus.SCRAPPED;

import io.poka.lots.LotStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lot life cycle as a plain table: which statuses a lot may move to from where it stands. Holds and quarantine
 * are reachable from every open status and remember the status a lift returns to; dispositions apply only to
 * nonconforming (held, quarantined or rejected) lots.
 */
public final class LotStatusMachine {

    /**
     * What a disposition decides, and the status it moves the lot to. RETURN_TO_SUPPLIER rejects the lot (it leaves
     * for the supplier and is closed here); REGRADE releases it for a lower grade or another use, named in the reason.
     */
    public enum Decision {
        RELEASE(RELEASED), REJECT(REJECTED), REWORK(IN_PROCESS), SCRAP(SCRAPPED), USE_AS_IS(RELEASED),
        RETURN_TO_SUPPLIER(REJECTED), REGRADE(RELEASED);

        private final LotStatus target;

        Decision(LotStatus target) {
            this.target = target;
        }

        public LotStatus target() {
            return target;
        }
    }

    /** Statuses a hold or quarantine can be placed on (everything but the closed REJECTED and SCRAPPED). */
    public static final Set<LotStatus> OPEN = EnumSet.of(CREATED, IN_PROCESS, AWAITING_INSPECTION, READY_FOR_RELEASE,
            RELEASED, ON_HOLD);

    /** Statuses on which a disposition may be recorded. */
    public static final Set<LotStatus> NONCONFORMING = EnumSet.of(ON_HOLD, QUARANTINED, REJECTED);

    private static final Map<LotStatus, Set<LotStatus>> MOVES = new EnumMap<>(LotStatus.class);

    static {
        MOVES.put(CREATED, EnumSet.of(IN_PROCESS, AWAITING_INSPECTION, REJECTED, ON_HOLD, QUARANTINED));
        MOVES.put(IN_PROCESS, EnumSet.of(AWAITING_INSPECTION, REJECTED, ON_HOLD, QUARANTINED));
        MOVES.put(AWAITING_INSPECTION, EnumSet.of(READY_FOR_RELEASE, REJECTED, ON_HOLD, QUARANTINED));
        MOVES.put(READY_FOR_RELEASE, EnumSet.of(RELEASED, REJECTED, ON_HOLD, QUARANTINED));
        // a released lot can still be held or quarantined, as a recall needs
        MOVES.put(RELEASED, EnumSet.of(ON_HOLD, QUARANTINED));
        // besides lifting (back to the status before the hold): escalation and dispositions
        MOVES.put(ON_HOLD, EnumSet.of(QUARANTINED, RELEASED, REJECTED, IN_PROCESS, SCRAPPED));
        MOVES.put(QUARANTINED, EnumSet.of(RELEASED, REJECTED, IN_PROCESS, SCRAPPED));
        MOVES.put(REJECTED, EnumSet.of(IN_PROCESS, SCRAPPED));
        MOVES.put(SCRAPPED, EnumSet.noneOf(LotStatus.class));
    }

    private LotStatusMachine() {
    }

    /**
     * The statuses reachable from {@code current}; for a held lot this includes {@code statusBeforeHold}, where
     * lifting the hold returns it.
     */
    public static Set<LotStatus> allowed(LotStatus current, LotStatus statusBeforeHold) {
        Set<LotStatus> out = EnumSet.noneOf(LotStatus.class);
        out.addAll(MOVES.get(current));
        if (current.isHeld() && statusBeforeHold != null) {
            out.add(statusBeforeHold);
        }
        return out;
    }

    /** @return true when {@code target} is reachable from {@code current} */
    public static boolean canMove(LotStatus current, LotStatus statusBeforeHold, LotStatus target) {
        return allowed(current, statusBeforeHold).contains(target);
    }

    /**
     * Checks a move and throws the 409 problem naming the allowed targets when it is not allowed.
     */
    public static void requireMove(LotStatus current, LotStatus statusBeforeHold, LotStatus target) {
        if (!canMove(current, statusBeforeHold, target)) {
            throw new IllegalTransition(current, target, allowed(current, statusBeforeHold));
        }
    }

    /** Checks that a hold (ON_HOLD) or quarantine (QUARANTINED) can be placed on a lot in {@code current}. */
    public static void requireHold(LotStatus current, LotStatus statusBeforeHold, LotStatus holdKind) {
        requireMove(current, statusBeforeHold, holdKind);
    }

    /** Checks a disposition: the lot must be nonconforming and the decision's target reachable. */
    public static void requireDisposition(LotStatus current, LotStatus statusBeforeHold, Decision decision) {
        if (!NONCONFORMING.contains(current)) {
            throw new IllegalTransition(current, decision.target(), allowed(current, statusBeforeHold),
                    "a disposition applies only to a lot that is ON_HOLD, QUARANTINED or REJECTED");
        }
        requireMove(current, statusBeforeHold, decision.target());
    }

    /** The status a lot returns to when its hold is lifted; 409 problem when it is not held. */
    public static LotStatus lift(LotStatus current, LotStatus statusBeforeHold) {
        if (!current.isHeld() || statusBeforeHold == null) {
            throw new IllegalTransition(current, null, allowed(current, statusBeforeHold),
                    "the lot is not on hold or in quarantine");
        }
        return statusBeforeHold;
    }
}
