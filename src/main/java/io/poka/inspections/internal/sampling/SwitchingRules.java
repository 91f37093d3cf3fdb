package io.poka.inspections.internal.sampling;

import java.util.Optional;

/**
 * The switching rules of ISO 2859-1:1999 clause 9 (the same rules are ANSI/ASQ Z1.4-2003 clause 8) as a pure
 * function of (state, lot outcome, standard), so that the severity of inspection for the next lot is reproducible
 * from the stored state and the lot history.
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
     * Applies one lot on original inspection to {@code state} by the rules as ISO 2859-1:1999 clause 9 writes them,
     * with reduced plans available.
     *
     * @throws IllegalStateException when inspection is discontinued; call {@link #resume} first
     */
    public static SwitchResult next(SwitchingState state, LotOutcome lot) {
        return step(state, lot, SamplingStandard.ISO_2859_1_1999, true);
    }

    /**
     * Applies one lot on original inspection to {@code state} as Poka does for a plan of {@code standard}; switches
     * cite the clause of {@code standard}. Both standards have reduced plans; were a standard without them added,
     * normal inspection would never switch to reduced and a reduced state would return to normal.
     *
     * @throws IllegalStateException when inspection is discontinued; call {@link #resume} first
     */
    public static SwitchResult next(SwitchingState state, LotOutcome lot, SamplingStandard standard) {
        return step(state, lot, standard, standard.offersReducedPlans());
    }

    private static SwitchResult step(SwitchingState state, LotOutcome lot, SamplingStandard standard, boolean reduced) {
        if (state.discontinued()) {
            throw new IllegalStateException("acceptance inspection is discontinued (" + standard.label() + " "
                    + standard.clause(SwitchReason.FIVE_NOT_ACCEPTED_ON_TIGHTENED) + "); resume first");
        }
        long lots = state.lotsInspected() + 1;
        return switch (state.severity()) {
            case NORMAL -> onNormal(state, lot, lots, standard, reduced);
            case TIGHTENED -> onTightened(state, lot, lots, standard);
            case REDUCED -> onReduced(state, lot, lots, standard, reduced);
        };
    }

    /** Resumes a discontinued inspection after the supplier's corrective action: tightened, as if 9.3.1 applied. */
    public static SwitchResult resume(SwitchingState state, String correctiveAction) {
        return resume(state, correctiveAction, SamplingStandard.ISO_2859_1_1999);
    }

    /** {@link #resume(SwitchingState, String)}, citing the clause of {@code standard}. */
    public static SwitchResult resume(SwitchingState state, String correctiveAction, SamplingStandard standard) {
        if (!state.discontinued()) {
            throw new IllegalStateException("inspection is not discontinued");
        }
        if (correctiveAction == null || correctiveAction.isBlank()) {
            throw new IllegalArgumentException("resuming requires a description of the corrective action");
        }
        SwitchingState resumed = SwitchingState.startOf(Severity.TIGHTENED, state.lotsInspected());
        return switched(state, resumed, SwitchReason.RESUMED_AFTER_CORRECTIVE_ACTION,
                "resumed on tightened inspection after corrective action: " + correctiveAction.strip(), standard);
    }

    private static SwitchResult onNormal(SwitchingState s, LotOutcome lot, long lots, SamplingStandard standard,
            boolean reduced) {
        String window = s.recentNormal() + (lot.accepted() ? 'A' : 'N');
        if (window.length() > SwitchingState.NORMAL_WINDOW) {
            window = window.substring(window.length() - SwitchingState.NORMAL_WINDOW);
        }
        long notAccepted = window.chars().filter(c -> c == 'N').count();
        if (notAccepted >= NOT_ACCEPTED_FOR_TIGHTENED) {
            return switched(s, SwitchingState.startOf(Severity.TIGHTENED, lots), SwitchReason.TWO_OF_FIVE_NOT_ACCEPTED,
                    "2 of the last " + window.length() + " consecutive lots were not accepted on normal inspection",
                    standard);
        }
        int score = nextScore(s.switchingScore(), lot);
        if (reduced && score >= REDUCED_SCORE && lot.productionSteady() && lot.reducedApproved()) {
            return switched(s, SwitchingState.startOf(Severity.REDUCED, lots), SwitchReason.SWITCHING_SCORE_REACHED,
                    "switching score " + score + " >= " + REDUCED_SCORE
                            + ", production steady and reduced inspection approved by the responsible authority",
                    standard);
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

    private static SwitchResult onTightened(SwitchingState s, LotOutcome lot, long lots, SamplingStandard standard) {
        if (lot.accepted()) {
            int run = s.consecutiveAcceptedOnTightened() + 1;
            if (run >= ACCEPTED_FOR_NORMAL) {
                return switched(s, SwitchingState.startOf(Severity.NORMAL, lots), SwitchReason.FIVE_CONSECUTIVE_ACCEPTED,
                        run + " consecutive lots accepted on tightened inspection", standard);
            }
            return stay(new SwitchingState(Severity.TIGHTENED, 0, "", run, s.notAcceptedOnTightened(), false, lots));
        }
        int notAccepted = s.notAcceptedOnTightened() + 1;
        SwitchingState next = new SwitchingState(Severity.TIGHTENED, 0, "", 0, notAccepted,
                notAccepted >= NOT_ACCEPTED_FOR_DISCONTINUATION, lots);
        if (next.discontinued()) {
            return switched(s, next, SwitchReason.FIVE_NOT_ACCEPTED_ON_TIGHTENED,
                    notAccepted + " lots not accepted since tightened inspection began; inspection discontinued"
                            + " until the supplier has improved quality", standard);
        }
        return stay(next);
    }

    private static SwitchResult onReduced(SwitchingState s, LotOutcome lot, long lots, SamplingStandard standard,
            boolean reduced) {
        SwitchingState normal = SwitchingState.startOf(Severity.NORMAL, lots);
        if (!reduced) {
            return switched(s, normal, SwitchReason.REDUCED_PLANS_NOT_OFFERED, "the plan's standard " + standard.label()
                    + " has no reduced plans in Poka; the lot was inspected on normal inspection", standard);
        }
        if (!lot.accepted()) {
            return switched(s, normal, SwitchReason.LOT_NOT_ACCEPTED_ON_REDUCED, "a lot was not accepted on reduced inspection",
                    standard);
        }
        if (lot.acceptedBetweenAcAndRe()) {
            return switched(s, normal, SwitchReason.ACCEPTED_BETWEEN_AC_AND_RE, "a lot on reduced inspection had more"
                    + " nonconforming than Ac but fewer than Re: accepted, normal inspection from the next lot", standard);
        }
        if (!lot.productionSteady()) {
            return switched(s, normal, SwitchReason.PRODUCTION_IRREGULAR, "production became irregular or delayed", standard);
        }
        if (lot.normalWarranted()) {
            return switched(s, normal, SwitchReason.OTHER_CONDITIONS, "other conditions warrant normal inspection", standard);
        }
        return stay(SwitchingState.startOf(Severity.REDUCED, lots));
    }

    private static SwitchResult stay(SwitchingState next) {
        return new SwitchResult(next, Optional.empty());
    }

    private static SwitchResult switched(SwitchingState from, SwitchingState to, SwitchReason reason, String text,
            SamplingStandard standard) {
        String clause = standard.clause(reason);
        SwitchEvent event = new SwitchEvent(from.stage(), to.stage(), reason, clause,
                text + " (" + standard.label() + " " + clause + ")");
        return new SwitchResult(to, Optional.of(event));
    }
}
