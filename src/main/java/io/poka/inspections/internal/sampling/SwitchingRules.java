package io.poka.inspections.internal.sampling;

import java.util.Optional;

/**
 * The switching rules of ISO 2859-1:1999 clause 9 as a pure function of (state, lot outcome), so that the
 * severity of inspection for the next lot is reproducible from the stored state and the lot history.
 */
public final class SwitchingRules {

    /** Switching score at which reduced inspection may begin (9.3.3 a). */
    public static final int REDUCED_SCORE = 30;
    /** Not-accepted lots within the window that force tightened inspection (9.3.1). */
    public static final int NOT_ACCEPTED_FOR_TIGHTENED = 2;
    /** Consecutive accepted lots on tightened inspection that restore normal inspection (9.3.2). */
    public static final int ACCEPTED_FOR_NORMAL = 5;
    /** Cumulative not-accepted lots on tightened inspection that discontinue inspection (9.4). */
    public static final int NOT_ACCEPTED_FOR_DISCONTINUATION = 5;

    private SwitchingRules() {
    }

    /**
     * Applies one lot on original inspection to {@code state}.
     *
     * @throws IllegalStateException when inspection is discontinued; call {@link #resume} first
     */
    public static SwitchResult next(SwitchingState state, LotOutcome lot) {
        if (state.discontinued()) {
            throw new IllegalStateException("acceptance inspection is discontinued (ISO 2859-1:1999 9.4); resume first");
        }
        long lots = state.lotsInspected() + 1;
        return switch (state.severity()) {
            case NORMAL -> onNormal(state, lot, lots);
            case TIGHTENED -> onTightened(state, lot, lots);
            case REDUCED -> onReduced(state, lot, lots);
        };
    }

    /** Resumes a discontinued inspection after the supplier's corrective action: tightened, as if 9.3.1 applied. */
    public static SwitchResult resume(SwitchingState state, String correctiveAction) {
        if (!state.discontinued()) {
            throw new IllegalStateException("inspection is not discontinued");
        }
        if (correctiveAction == null || correctiveAction.isBlank()) {
            throw new IllegalArgumentException("resuming requires a description of the corrective action");
        }
        SwitchingState resumed = SwitchingState.startOf(Severity.TIGHTENED, state.lotsInspected());
        return switched(state, resumed, SwitchReason.RESUMED_AFTER_CORRECTIVE_ACTION,
                "resumed on tightened inspection after corrective action: " + correctiveAction.strip());
    }

    private static SwitchResult onNormal(SwitchingState s, LotOutcome lot, long lots) {
        String window = s.recentNormal() + (lot.accepted() ? 'A' : 'N');
        if (window.length() > SwitchingState.NORMAL_WINDOW) {
            window = window.substring(window.length() - SwitchingState.NORMAL_WINDOW);
        }
        long notAccepted = window.chars().filter(c -> c == 'N').count();
        if (notAccepted >= NOT_ACCEPTED_FOR_TIGHTENED) {
            return switched(s, SwitchingState.startOf(Severity.TIGHTENED, lots), SwitchReason.TWO_OF_FIVE_NOT_ACCEPTED,
                    "2 of the last " + window.length() + " consecutive lots were not accepted on normal inspection");
        }
        int score = nextScore(s.switchingScore(), lot);
        if (score >= REDUCED_SCORE && lot.productionSteady() && lot.reducedApproved()) {
            return switched(s, SwitchingState.startOf(Severity.REDUCED, lots), SwitchReason.SWITCHING_SCORE_REACHED,
                    "switching score " + score + " >= " + REDUCED_SCORE
                            + ", production steady and reduced inspection approved by the responsible authority");
        }
        return stay(new SwitchingState(Severity.NORMAL, score, window, 0, 0, false, lots));
    }

    /**
     * ISO 2859-1:1999 9.3.3 for single sampling: with Ac >= 2 add 3 if the lot would have been accepted
     * had the AQL been one step tighter, otherwise reset to 0; with Ac 0 or 1 add 2 if the lot is accepted,
     * otherwise reset to 0.
     */
    static int nextScore(int score, LotOutcome lot) {
        if (lot.acceptanceNumber() >= 2) {
            return lot.acceptedAtOneStepTighterAql() ? score + 3 : 0;
        }
        return lot.accepted() ? score + 2 : 0;
    }

    private static SwitchResult onTightened(SwitchingState s, LotOutcome lot, long lots) {
        if (lot.accepted()) {
            int run = s.consecutiveAcceptedOnTightened() + 1;
            if (run >= ACCEPTED_FOR_NORMAL) {
                return switched(s, SwitchingState.startOf(Severity.NORMAL, lots), SwitchReason.FIVE_CONSECUTIVE_ACCEPTED,
                        run + " consecutive lots accepted on tightened inspection");
            }
            return stay(new SwitchingState(Severity.TIGHTENED, 0, "", run, s.notAcceptedOnTightened(), false, lots));
        }
        int notAccepted = s.notAcceptedOnTightened() + 1;
        SwitchingState next = new SwitchingState(Severity.TIGHTENED, 0, "", 0, notAccepted,
                notAccepted >= NOT_ACCEPTED_FOR_DISCONTINUATION, lots);
        if (next.discontinued()) {
            return switched(s, next, SwitchReason.FIVE_NOT_ACCEPTED_ON_TIGHTENED,
                    notAccepted + " lots not accepted since tightened inspection began; inspection discontinued"
                            + " until the supplier has improved quality");
        }
        return stay(next);
    }

    private static SwitchResult onReduced(SwitchingState s, LotOutcome lot, long lots) {
        SwitchingState normal = SwitchingState.startOf(Severity.NORMAL, lots);
        if (!lot.accepted()) {
            return switched(s, normal, SwitchReason.LOT_NOT_ACCEPTED_ON_REDUCED, "a lot was not accepted on reduced inspection");
        }
        if (!lot.productionSteady()) {
            return switched(s, normal, SwitchReason.PRODUCTION_IRREGULAR, "production became irregular or delayed");
        }
        if (lot.normalWarranted()) {
            return switched(s, normal, SwitchReason.OTHER_CONDITIONS, "other conditions warrant normal inspection");
        }
        return stay(SwitchingState.startOf(Severity.REDUCED, lots));
    }

    private static SwitchResult stay(SwitchingState next) {
        return new SwitchResult(next, Optional.empty());
    }

    private static SwitchResult switched(SwitchingState from, SwitchingState to, SwitchReason reason, String text) {
        SwitchEvent event = new SwitchEvent(from.stage(), to.stage(), reason,
                text + " (ISO 2859-1:1999 " + reason.clause() + ")");
        return new SwitchResult(to, Optional.of(event));
    }
}
