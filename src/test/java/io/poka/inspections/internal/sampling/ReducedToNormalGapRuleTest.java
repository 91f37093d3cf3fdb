package io.poka.inspections.internal.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The switching rules per plan standard: ANSI/ASQ Z1.4-2003 8.3.4 (= MIL-STD-105E 8.3.4), a lot on reduced
 * inspection with Ac &lt; d &lt; Re is accepted and normal inspection resumes with the next lot; ISO 2859-1:1999 reduced
 * plans (Table 2-C) have no such gap; otherwise both standards switch alike and cite their own clauses.
 */
class ReducedToNormalGapRuleTest {

    private static final SamplingStandard Z14 = SamplingStandard.ANSI_ASQ_Z1_4_2003;
    private static final SamplingStandard ISO = SamplingStandard.ISO_2859_1_1999;
    private static final LotOutcome ACCEPTED_AC0 = LotOutcome.steady(true, 0, false);

    /** Fifteen accepted Ac 0 lots add 2 each: score 30, steady, approved -> reduced (8.3.3 / 9.3.3). */
    private static SwitchingState reducedUnder(SamplingStandard standard) {
        SwitchingState s = SwitchingState.initial();
        for (int i = 0; i < 15; i++) {
            s = SwitchingRules.next(s, ACCEPTED_AC0, standard).state();
        }
        return s;
    }

    /** Z1.4 Table II-C: lot 1000, level II -> J, reduced n = 32, AQL 1.0 -> Ac 1, Re 3. */
    private static TablePlan reducedJ() {
        return SamplingTables.ansiAsqZ1_4_2003().plan(1000, InspectionLevel.II, Aql.AQL_1_0, Severity.REDUCED);
    }

    @Test
    void aLotBetweenAcAndReOnZ14ReducedIsAcceptedAndReturnsInspectionToNormal() {
        SwitchingState reduced = reducedUnder(Z14);
        assertEquals(Severity.REDUCED, reduced.severity());
        LotOutcome two = LotOutcome.of(reducedJ(), 2, true, true, false);
        assertTrue(two.accepted());
        assertTrue(two.acceptedBetweenAcAndRe());

        SwitchResult r = SwitchingRules.next(reduced, two, Z14);
        assertEquals(Severity.NORMAL, r.state().severity());
        assertEquals(0, r.state().switchingScore());
        SwitchEvent e = r.event().orElseThrow();
        assertEquals(SwitchReason.ACCEPTED_BETWEEN_AC_AND_RE, e.reason());
        assertEquals(SwitchEvent.Stage.REDUCED, e.from());
        assertEquals(SwitchEvent.Stage.NORMAL, e.to());
        assertEquals("8.3.4", e.clause());
        assertTrue(e.text().endsWith("(ANSI/ASQ Z1.4-2003 8.3.4)"), e.text());
    }

    @Test
    void atMostAcOnZ14ReducedStaysReducedAndReOrMoreIsNotAccepted() {
        SwitchingState reduced = reducedUnder(Z14);
        LotOutcome one = LotOutcome.of(reducedJ(), 1, true, true, false);
        assertFalse(one.acceptedBetweenAcAndRe());
        SwitchResult stay = SwitchingRules.next(reduced, one, Z14);
        assertEquals(Severity.REDUCED, stay.state().severity());
        assertTrue(stay.event().isEmpty());

        LotOutcome three = LotOutcome.of(reducedJ(), 3, true, true, false);
        assertFalse(three.accepted());
        SwitchResult back = SwitchingRules.next(reduced, three, Z14);
        assertEquals(Severity.NORMAL, back.state().severity());
        assertEquals(SwitchReason.LOT_NOT_ACCEPTED_ON_REDUCED, back.event().orElseThrow().reason());
    }

    @Test
    void iso2859_1_1999PlansSwitchToReducedAtScore30AndCiteClause9_3_3() {
        SwitchingState s = SwitchingState.initial();
        for (int i = 0; i < 14; i++) {
            SwitchResult r = SwitchingRules.next(s, ACCEPTED_AC0, ISO);
            assertTrue(r.event().isEmpty(), "lot " + (i + 1));
            s = r.state();
        }
        assertEquals(28, s.switchingScore());
        SwitchResult fifteenth = SwitchingRules.next(s, ACCEPTED_AC0, ISO);
        assertEquals(Severity.REDUCED, fifteenth.state().severity());
        SwitchEvent e = fifteenth.event().orElseThrow();
        assertEquals(SwitchReason.SWITCHING_SCORE_REACHED, e.reason());
        assertEquals("9.3.3", e.clause());
    }

    @Test
    void anIsoPlanOnReducedStaysReducedWhileLotsAreAcceptedAndHasNoGap() {
        SwitchingState reduced = reducedUnder(ISO);
        assertEquals(Severity.REDUCED, reduced.severity());
        TablePlan isoJ = SamplingTables.iso2859_1_1999().plan(1000, InspectionLevel.II, Aql.AQL_1_0, Severity.REDUCED);
        SwitchResult one = SwitchingRules.next(reduced, LotOutcome.of(isoJ, 1, true, true, false), ISO);
        assertEquals(Severity.REDUCED, one.state().severity());
        assertTrue(one.event().isEmpty());
        LotOutcome two = LotOutcome.of(isoJ, 2, true, true, false);
        assertFalse(two.accepted(), "ISO 2859-1:1999 Table 2-C J/1.0 is 1/2: no gap");
        SwitchEvent back = SwitchingRules.next(one.state(), two, ISO).event().orElseThrow();
        assertEquals(SwitchReason.LOT_NOT_ACCEPTED_ON_REDUCED, back.reason());
        assertEquals("9.3.4 a", back.clause());
    }

    @Test
    void z14SwitchesLikeIsoAndCitesClause8ForTightenedNormalAndDiscontinuation() {
        LotOutcome rejected = LotOutcome.steady(false, 0, false);
        SwitchResult tightened = SwitchingRules.next(SwitchingRules.next(SwitchingState.initial(), rejected, Z14).state(),
                rejected, Z14);
        assertEquals(Severity.TIGHTENED, tightened.state().severity());
        assertEquals("8.3.1", tightened.event().orElseThrow().clause());

        SwitchingState s = tightened.state();
        SwitchResult r = null;
        for (int i = 0; i < 5; i++) {
            r = SwitchingRules.next(s, ACCEPTED_AC0, Z14);
            s = r.state();
        }
        assertEquals(Severity.NORMAL, s.severity());
        assertEquals("8.3.2", r.event().orElseThrow().clause());

        s = tightened.state();
        for (int i = 0; i < 5; i++) {
            r = SwitchingRules.next(s, rejected, Z14);
            s = r.state();
        }
        assertTrue(s.discontinued());
        assertEquals("8.4", r.event().orElseThrow().clause());
        assertEquals("8.4", SwitchingRules.resume(s, "new tooling", Z14).event().orElseThrow().clause());
    }

    @Test
    void withoutAGapZ14AndTheRulesAsIsoWritesThemGiveTheSameStatesOnALongRandomRun() {
        Random random = new Random(13);
        SwitchingState iso = SwitchingState.initial();
        SwitchingState z14 = SwitchingState.initial();
        for (int lot = 0; lot < 5000; lot++) {
            if (iso.discontinued()) {
                iso = SwitchingRules.resume(iso, "fixed").state();
                z14 = SwitchingRules.resume(z14, "fixed", Z14).state();
                continue;
            }
            boolean accepted = random.nextDouble() < 0.9;
            LotOutcome outcome = new LotOutcome(accepted, random.nextInt(3), accepted && random.nextBoolean(),
                    random.nextDouble() < 0.98, true, random.nextDouble() < 0.01);
            iso = SwitchingRules.next(iso, outcome).state();
            z14 = SwitchingRules.next(z14, outcome, Z14).state();
            assertEquals(iso, z14, "lot " + lot);
        }
    }
}
