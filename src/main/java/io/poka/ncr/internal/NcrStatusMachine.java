package io.poka.ncr.internal;

import static io.poka.ncr.NcrStatus.CANCELLED;
import static io.poka.ncr.NcrStatus.CLOSED;
import static io.poka.ncr.NcrStatus.CONTAINED;
import static io.poka.ncr.NcrStatus.DISPOSITIONED;
import static io.poka.ncr.NcrStatus.OPEN;
import static io.poka.ncr.NcrStatus.UNDER_INVESTIGATION;

import io.poka.ncr.NcrStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a nonconformance report as a plain table of actions: containment (OPEN to CONTAINED), investigation
 * (from OPEN when nothing needs containing, or CONTAINED), the material review (from CONTAINED or UNDER_INVESTIGATION
 * to DISPOSITIONED), closure (DISPOSITIONED, or UNDER_INVESTIGATION when no lot was involved) and cancellation
 * before any material was dispositioned. Containment may be repeated while open (newly found suspects).
 */
public final class NcrStatusMachine {

    /** What people do to a report, and the status it leads to. */
    public enum Action {
        CONTAIN(CONTAINED), INVESTIGATE(UNDER_INVESTIGATION), DISPOSITION(DISPOSITIONED), CLOSE(CLOSED),
        CANCEL(CANCELLED);

        private final NcrStatus target;

        Action(NcrStatus target) {
            this.target = target;
        }

        public NcrStatus target() {
            return target;
        }
    }

    private static final Map<NcrStatus, Set<Action>> ACTIONS = new EnumMap<>(NcrStatus.class);

    static {
        ACTIONS.put(OPEN, EnumSet.of(Action.CONTAIN, Action.INVESTIGATE, Action.CANCEL));
        ACTIONS.put(CONTAINED, EnumSet.of(Action.CONTAIN, Action.INVESTIGATE, Action.DISPOSITION, Action.CANCEL));
        ACTIONS.put(UNDER_INVESTIGATION, EnumSet.of(Action.CONTAIN, Action.DISPOSITION, Action.CLOSE, Action.CANCEL));
        ACTIONS.put(DISPOSITIONED, EnumSet.of(Action.DISPOSITION, Action.CLOSE));
        ACTIONS.put(CLOSED, EnumSet.noneOf(Action.class));
        ACTIONS.put(CANCELLED, EnumSet.noneOf(Action.class));
    }

    private NcrStatusMachine() {
    }

    /** The actions allowed on a report in {@code current}. */
    public static Set<Action> allowed(NcrStatus current) {
        return EnumSet.copyOf(ACTIONS.get(current));
    }

    /**
     * The status after {@code action}: a repeated containment keeps a report that is already under investigation
     * where it is; otherwise the action's target.
     *
     * @throws NcrProblems.IllegalTransition (409) naming the allowed actions when the action is not allowed
     */
    public static NcrStatus next(NcrStatus current, Action action) {
        if (!ACTIONS.get(current).contains(action)) {
            throw new NcrProblems.IllegalTransition(current, action, allowed(current));
        }
        if (action == Action.CONTAIN && current == UNDER_INVESTIGATION) {
            return UNDER_INVESTIGATION;
        }
        return action.target();
    }
}
