package io.poka.lots.internal;

import io.poka.lots.LotStatus;
import io.poka.platform.ProblemException;
import java.util.Set;

/** A lot cannot make the requested move from its current status; the problem lists the moves it can make. */
public class IllegalTransition extends ProblemException {

    public IllegalTransition(LotStatus from, LotStatus to, Set<LotStatus> allowed) {
        this(from, to, allowed, "a lot in " + from + " cannot move to " + to);
    }

    public IllegalTransition(LotStatus from, LotStatus to, Set<LotStatus> allowed, String why) {
        super(409, "lots/illegal-transition", "Illegal status transition",
                why + "; allowed from " + from + ": " + (allowed.isEmpty() ? "none" : allowed));
        with("from", from.name());
        if (to != null) {
            with("to", to.name());
        }
        with("allowed", allowed.stream().map(Enum::name).sorted().toList());
    }
}
