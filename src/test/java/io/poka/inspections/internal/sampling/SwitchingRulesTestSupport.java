package io.poka.inspections.internal.sampling;

/** Small helpers shared by the switching-rule tests (ISO 2859-1:1999 clause 9). */
final class SwitchingRulesTestSupport {

    private SwitchingRulesTestSupport() {
    }

    /** The switching score after one lot on normal inspection starting from 0. */
    static int scoreAfter(LotOutcome lot) {
        return SwitchingRules.next(SwitchingState.initial(), lot).state().switchingScore();
    }
}
