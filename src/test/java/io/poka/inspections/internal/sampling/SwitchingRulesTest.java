package io.poka.inspections.internal.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed sequences for the switching rules of ISO 2859-1:1999 clause 9: 9.3.1 (2 of 5 or fewer
 * consecutive lots not accepted), 9.3.2 (5 consecutive accepted on tightened), 9.3.3 (switching score,
 * steady production, approval), 9.3.4 (back from reduced) and 9.4 (discontinuation and resumption).
 */
class SwitchingRulesTest {

    private static final LotOutcome ACCEPTED_AC0 = LotOutcome.steady(true, 0, false);
    private static final LotOutcome REJECTED_AC0 = LotOutcome.steady(false, 0, false);

    /** Feeds lots written as 'A' (accepted, Ac 0) and 'N' (not accepted, Ac 0); returns the events. */
    private static List<SwitchEvent> feed(SwitchingState[] holder, String lots) {
        List<SwitchEvent> events = new ArrayList<>();
        for (char c : lots.toCharArray()) {
            SwitchResult r = SwitchingRules.next(holder[0], c == 'A' ? ACCEPTED_AC0 : REJECTED_AC0);
            holder[0] = r.state();
            r.event().ifPresent(events::add);
        }
        return events;
    }

    @Test
    void twoNotAcceptedAmongThreeConsecutiveNormalLotsSwitchToTightened() {
        SwitchingState[] s = {SwitchingState.initial()};
        List<SwitchEvent> events = feed(s, "NAN");
        assertEquals(Severity.TIGHTENED, s[0].severity());
        assertEquals(1, events.size());
        assertEquals(SwitchEvent.Stage.NORMAL, events.get(0).from());
        assertEquals(SwitchEvent.Stage.TIGHTENED, events.get(0).to());
        assertEquals(SwitchReason.TWO_OF_FIVE_NOT_ACCEPTED, events.get(0).reason());
        assertTrue(events.get(0).text().contains("9.3.1"));
    }

    @Test
    void twoNotAcceptedFiveLotsApartStillSwitchButSixApartDoNot() {
        SwitchingState[] five = {SwitchingState.initial()};
        feed(five, "NAAAN");
        assertEquals(Severity.TIGHTENED, five[0].severity());

        SwitchingState[] six = {SwitchingState.initial()};
        List<SwitchEvent> events = feed(six, "NAAAAN");
        assertEquals(Severity.NORMAL, six[0].severity());
        assertTrue(events.isEmpty());
        assertEquals("AAAAN", six[0].recentNormal());
    }

    @Test
    void aSingleNotAcceptedLotEveryFiveLotsNeverTightens() {
        SwitchingState[] s = {SwitchingState.initial()};
        List<SwitchEvent> events = feed(s, "NAAAA".repeat(60));
        assertTrue(events.isEmpty());
        assertEquals(Severity.NORMAL, s[0].severity());
        assertEquals(8, s[0].switchingScore(), "4 accepted lots with Ac 0 since the last reset, 2 each");
    }

    @Test
    void fiveConsecutiveAcceptedLotsOnTightenedRestoreNormalAndANotAcceptedLotRestartsTheCount() {
        SwitchingState[] s = {SwitchingState.initial()};
        feed(s, "NN");
        assertEquals(Severity.TIGHTENED, s[0].severity());
        List<SwitchEvent> events = feed(s, "AAAAN");
        assertTrue(events.isEmpty());
        assertEquals(0, s[0].consecutiveAcceptedOnTightened());
        events = feed(s, "AAAA");
        assertTrue(events.isEmpty());
        events = feed(s, "A");
        assertEquals(Severity.NORMAL, s[0].severity());
        assertEquals(SwitchReason.FIVE_CONSECUTIVE_ACCEPTED, events.get(0).reason());
        assertEquals(0, s[0].switchingScore(), "the switching score starts at 0 when normal inspection begins");
        assertEquals("", s[0].recentNormal(), "the 2-of-5 window starts afresh on normal inspection");
    }

    @Test
    void fiveNotAcceptedLotsOnTightenedDiscontinueEvenWhenNotConsecutive() {
        SwitchingState[] s = {SwitchingState.initial()};
        feed(s, "NN");
        List<SwitchEvent> events = feed(s, "NAAANAAANAAAN");
        assertFalse(s[0].discontinued());
        assertEquals(4, s[0].notAcceptedOnTightened());
        events = feed(s, "N");
        assertTrue(s[0].discontinued());
        assertEquals(SwitchEvent.Stage.DISCONTINUED, s[0].stage());
        assertEquals(SwitchReason.FIVE_NOT_ACCEPTED_ON_TIGHTENED, events.get(0).reason());
        assertEquals(SwitchEvent.Stage.TIGHTENED, events.get(0).from());
        assertEquals(SwitchEvent.Stage.DISCONTINUED, events.get(0).to());
    }

    @Test
    void noLotIsJudgedWhileDiscontinuedAndResumingReturnsToTightenedWithFreshCounters() {
        SwitchingState[] s = {SwitchingState.initial()};
        feed(s, "NN" + "NNNNN");
        assertTrue(s[0].discontinued());
        SwitchingState stopped = s[0];
        assertThrows(IllegalStateException.class, () -> SwitchingRules.next(stopped, ACCEPTED_AC0));
        assertThrows(IllegalArgumentException.class, () -> SwitchingRules.resume(stopped, " "));

        SwitchResult resumed = SwitchingRules.resume(stopped, "8D 2026-117 closed, new fixture");
        assertEquals(Severity.TIGHTENED, resumed.state().severity());
        assertFalse(resumed.state().discontinued());
        assertEquals(0, resumed.state().notAcceptedOnTightened());
        assertEquals(SwitchReason.RESUMED_AFTER_CORRECTIVE_ACTION, resumed.event().orElseThrow().reason());
        assertEquals(SwitchEvent.Stage.DISCONTINUED, resumed.event().orElseThrow().from());
        assertTrue(resumed.event().orElseThrow().text().contains("new fixture"));
        assertThrows(IllegalStateException.class, () -> SwitchingRules.resume(resumed.state(), "again"));
    }

    @Test
    void withAcZeroOrOneEachAcceptedLotAddsTwoAndFifteenSteadyApprovedLotsReachReduced() {
        SwitchingState s = SwitchingState.initial();
        for (int lot = 1; lot <= 14; lot++) {
            SwitchResult r = SwitchingRules.next(s, LotOutcome.steady(true, lot % 2, false));
            assertTrue(r.event().isEmpty(), "lot " + lot);
            s = r.state();
            assertEquals(2 * lot, s.switchingScore());
        }
        SwitchResult r = SwitchingRules.next(s, LotOutcome.steady(true, 1, false));
        assertEquals(Severity.REDUCED, r.state().severity());
        assertEquals(SwitchReason.SWITCHING_SCORE_REACHED, r.event().orElseThrow().reason());
        assertTrue(r.event().orElseThrow().text().contains("30"));
    }

    @Test
    void withAcTwoOrMoreOnlyAcceptanceAtTheTighterAqlAddsThreeAndPlainAcceptanceResetsTheScore() {
        SwitchingState s = SwitchingState.initial();
        for (int lot = 1; lot <= 9; lot++) {
            s = SwitchingRules.next(s, LotOutcome.steady(true, 5, true)).state();
        }
        assertEquals(27, s.switchingScore());
        SwitchResult accepted = SwitchingRules.next(s, LotOutcome.steady(true, 5, false));
        assertEquals(0, accepted.state().switchingScore(), "accepted, but not at the tighter AQL: reset (9.3.3)");
        assertEquals(Severity.NORMAL, accepted.state().severity());
        assertTrue(accepted.event().isEmpty());

        SwitchResult tenth = SwitchingRules.next(s, LotOutcome.steady(true, 5, true));
        assertEquals(Severity.REDUCED, tenth.state().severity());
    }

    @Test
    void aNotAcceptedLotResetsTheScoreToZero() {
        SwitchingState s = SwitchingState.initial();
        for (int lot = 0; lot < 10; lot++) {
            s = SwitchingRules.next(s, ACCEPTED_AC0).state();
        }
        assertEquals(20, s.switchingScore());
        s = SwitchingRules.next(s, REJECTED_AC0).state();
        assertEquals(0, s.switchingScore());
        assertEquals(Severity.NORMAL, s.severity());
    }

    @Test
    void aScoreOfThirtyWaitsForSteadyProductionAndTheAuthoritysApproval() {
        SwitchingState s = SwitchingState.initial();
        for (int lot = 0; lot < 20; lot++) {
            SwitchResult r = SwitchingRules.next(s, new LotOutcome(true, 0, false, true, false, false));
            assertTrue(r.event().isEmpty());
            s = r.state();
        }
        assertEquals(40, s.switchingScore());
        SwitchResult unsteady = SwitchingRules.next(s, new LotOutcome(true, 0, false, false, true, false));
        assertEquals(Severity.NORMAL, unsteady.state().severity());
        assertEquals(42, unsteady.state().switchingScore());
        SwitchResult approved = SwitchingRules.next(unsteady.state(), new LotOutcome(true, 0, false, true, true, false));
        assertEquals(Severity.REDUCED, approved.state().severity());
    }

    private static SwitchingState reduced() {
        SwitchingState s = SwitchingState.initial();
        for (int lot = 0; lot < 15; lot++) {
            s = SwitchingRules.next(s, ACCEPTED_AC0).state();
        }
        assertEquals(Severity.REDUCED, s.severity());
        return s;
    }

    @Test
    void reducedInspectionContinuesWhileLotsAreAcceptedAndProductionIsSteady() {
        SwitchingState s = reduced();
        for (int lot = 0; lot < 200; lot++) {
            SwitchResult r = SwitchingRules.next(s, ACCEPTED_AC0);
            assertTrue(r.event().isEmpty());
            s = r.state();
        }
        assertEquals(Severity.REDUCED, s.severity());
        assertEquals(215, s.lotsInspected());
    }

    @Test
    void reducedReturnsToNormalOnANotAcceptedLotIrregularProductionOrOtherConditions() {
        assertReducedToNormal(REJECTED_AC0, SwitchReason.LOT_NOT_ACCEPTED_ON_REDUCED);
        assertReducedToNormal(new LotOutcome(true, 0, false, false, true, false), SwitchReason.PRODUCTION_IRREGULAR);
        assertReducedToNormal(new LotOutcome(true, 0, false, true, true, true), SwitchReason.OTHER_CONDITIONS);
    }

    private static void assertReducedToNormal(LotOutcome lot, SwitchReason reason) {
        SwitchResult r = SwitchingRules.next(reduced(), lot);
        assertEquals(Severity.NORMAL, r.state().severity());
        assertEquals(0, r.state().switchingScore());
        SwitchEvent e = r.event().orElseThrow();
        assertEquals(SwitchEvent.Stage.REDUCED, e.from());
        assertEquals(SwitchEvent.Stage.NORMAL, e.to());
        assertEquals(reason, e.reason());
        assertTrue(e.text().contains(reason.clause()), e.text());
    }

    @Test
    void lotOutcomesFromTablePlansKnowWhetherTheLotPassedOneAqlStepTighter() {
        SamplingTables t = SamplingTables.iso2859_1_1999();
        TablePlan plan = t.plan(1000, InspectionLevel.II, Aql.AQL_2_5, Severity.NORMAL); // 80, Ac 5; at 1.5 Ac 3
        LotOutcome three = LotOutcome.of(plan, 3, true, true, false);
        LotOutcome four = LotOutcome.of(plan, 4, true, true, false);
        LotOutcome six = LotOutcome.of(plan, 6, true, true, false);
        assertTrue(three.accepted() && three.acceptedAtOneStepTighterAql());
        assertTrue(four.accepted());
        assertFalse(four.acceptedAtOneStepTighterAql());
        assertFalse(six.accepted());
        assertEquals(5, three.acceptanceNumber());
        assertEquals(3, SwitchingRulesTestSupport.scoreAfter(three));
        assertEquals(0, SwitchingRulesTestSupport.scoreAfter(four));
    }

    @Test
    void statesRejectImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new SwitchingState(Severity.NORMAL, 0, "AAAAAA", 0, 0, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new SwitchingState(Severity.NORMAL, 0, "AX", 0, 0, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new SwitchingState(Severity.NORMAL, -1, "", 0, 0, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new LotOutcome(false, 0, true, true, true, false));
        assertEquals(Optional.empty(), SwitchingRules.next(SwitchingState.initial(), ACCEPTED_AC0).event());
    }
}
