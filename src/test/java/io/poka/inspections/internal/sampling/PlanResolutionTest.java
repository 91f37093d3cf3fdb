package io.poka.inspections.internal.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/**
 * Resolution of (lot size, level, AQL, severity) into a plan per ISO 2859-1:1999 clause 10 and the notes to
 * Tables 2-A to 2-C: the code letter of Table 1 is kept beside the one reached through the arrows, the
 * sample size is that of the row reached, and a sample size at or above the lot size means 100 % inspection
 * with the same Ac/Re. Worked examples are the usual textbook lookups (e.g. N = 1000, level II, AQL 1.0).
 */
class PlanResolutionTest {

    private static final SamplingTables T = SamplingTables.iso2859_1_1999();

    @Test
    void aLotOf1000AtLevelIIAndAql1IsLetterJWith80UnitsAccepting2() {
        TablePlan plan = T.plan(1000, InspectionLevel.II, Aql.AQL_1_0, Severity.NORMAL);
        assertEquals(CodeLetter.J, plan.codeLetter());
        assertEquals(CodeLetter.J, plan.planCodeLetter());
        assertEquals(80, plan.sampleSize());
        assertEquals(2, plan.acceptanceNumber());
        assertEquals(3, plan.rejectionNumber());
        assertFalse(plan.fullInspection());
    }

    @Test
    void aDownArrowTakesTheSampleSizeOfTheRowWhereThePlanIs() {
        // N = 1000, level II -> J (80); J at AQL 0.10 is an arrow down to 0/1 at K (125)
        TablePlan plan = T.plan(1000, InspectionLevel.II, Aql.AQL_0_10, Severity.NORMAL);
        assertEquals(CodeLetter.J, plan.codeLetter());
        assertEquals(CodeLetter.K, plan.planCodeLetter());
        assertEquals(125, plan.sampleSize());
        assertEquals(0, plan.acceptanceNumber());
    }

    @Test
    void anUpArrowTakesTheSampleSizeOfTheRowAbove() {
        // N = 10000, level II -> L (200); AQL 10 is an arrow up to K (125), Ac 21
        TablePlan plan = T.plan(10000, InspectionLevel.II, Aql.AQL_10, Severity.NORMAL);
        assertEquals(CodeLetter.L, plan.codeLetter());
        assertEquals(CodeLetter.K, plan.planCodeLetter());
        assertEquals(125, plan.sampleSize());
        assertEquals(21, plan.acceptanceNumber());
        assertEquals(22, plan.rejectionNumber());
    }

    @Test
    void theUpArrowPrintedInRowAAtAql10LeadsToTheFirstPlanBelow() {
        assertEquals(MasterCell.Kind.ARROW_UP, T.cell(Severity.NORMAL, CodeLetter.A, Aql.AQL_10).kind());
        TablePlan fromA = T.plan(8, InspectionLevel.II, Aql.AQL_10, Severity.NORMAL);
        assertEquals(CodeLetter.C, fromA.planCodeLetter());
        assertEquals(1, fromA.acceptanceNumber());
    }

    @Test
    void aSampleAtOrAboveTheLotSizeMeansInspectingEveryUnitWithTheSameAcAndRe() {
        // N = 10, level II -> B; AQL 0.65 is an arrow down to 0/1 at F (20) >= 10
        TablePlan plan = T.plan(10, InspectionLevel.II, Aql.AQL_0_65, Severity.NORMAL);
        assertTrue(plan.fullInspection());
        assertEquals(20, plan.tableSampleSize());
        assertEquals(10, plan.sampleSize());
        assertEquals(0, plan.acceptanceNumber());
        assertEquals(1, plan.rejectionNumber());

        TablePlan exact = T.plan(20, InspectionLevel.II, Aql.AQL_0_65, Severity.NORMAL);
        assertEquals(CodeLetter.C, exact.codeLetter());
        assertTrue(exact.fullInspection(), "n equal to the lot size is also 100 %");
        assertEquals(20, exact.sampleSize());

        TablePlan sampled = T.plan(21, InspectionLevel.II, Aql.AQL_0_65, Severity.NORMAL);
        assertFalse(sampled.fullInspection());
        assertEquals(20, sampled.sampleSize());
    }

    @Test
    void theTightenedTableUsesItsOwnRowSBelowR() {
        TablePlan plan = T.plan(600_000, InspectionLevel.III, Aql.AQL_0_025, Severity.TIGHTENED);
        assertEquals(CodeLetter.R, plan.codeLetter());
        assertEquals(CodeLetter.S, plan.planCodeLetter());
        assertEquals(3150, plan.sampleSize());
        assertEquals(1, plan.acceptanceNumber());
        assertEquals(2, plan.rejectionNumber());
    }

    @Test
    void reducedInspectionSamplesLessThanNormalForTheSameLot() {
        TablePlan normal = T.plan(1000, InspectionLevel.II, Aql.AQL_1_0, Severity.NORMAL);
        TablePlan reduced = SamplingTables.ansiAsqZ1_4_2003().plan(1000, InspectionLevel.II, Aql.AQL_1_0, Severity.REDUCED);
        TablePlan tightened = T.plan(1000, InspectionLevel.II, Aql.AQL_1_0, Severity.TIGHTENED);
        assertEquals(32, reduced.sampleSize());
        assertEquals(80, tightened.sampleSize());
        assertTrue(reduced.sampleSize() < normal.sampleSize());
        assertEquals(1, tightened.acceptanceNumber());
    }

    @Test
    void theAcceptanceNumberOneAqlStepTighterIsTheNormalCellToTheLeft() {
        TablePlan plan = T.plan(1000, InspectionLevel.II, Aql.AQL_2_5, Severity.NORMAL); // J, 80, 5/6
        assertEquals(5, plan.acceptanceNumber());
        assertEquals(OptionalInt.of(3), T.acceptanceNumberOneStepTighter(plan)); // J at 1.5: 3/4
        TablePlan smallest = T.plan(600_000, InspectionLevel.III, Aql.AQL_0_010, Severity.NORMAL);
        assertTrue(T.acceptanceNumberOneStepTighter(smallest).isEmpty());
        assertTrue(T.acceptanceNumberOneStepTighter(SamplingTables.ansiAsqZ1_4_2003().plan(1000, InspectionLevel.II,
                Aql.AQL_2_5, Severity.REDUCED)).isEmpty());
    }

    @Test
    void everyLotSizeBoundaryLevelAqlAndSeverityResolvesAndCapsTheSampleAtTheLotSize() {
        int[] boundaries = {2, 8, 9, 15, 16, 25, 26, 50, 51, 90, 91, 150, 151, 280, 281, 500, 501, 1200, 1201, 3200,
                3201, 10000, 10001, 35000, 35001, 150000, 150001, 500000, 500001, 2_000_000};
        int resolved = 0;
        for (int lot : boundaries) {
            for (InspectionLevel level : InspectionLevel.values()) {
                for (Aql aql : Aql.values()) {
                    for (Severity severity : Severity.values()) {
                        // reduced plans: ANSI/ASQ Z1.4-2003 Table II-C, where Re may exceed Ac + 1
                        SamplingTables tables = severity == Severity.REDUCED ? SamplingTables.ansiAsqZ1_4_2003() : T;
                        TablePlan plan = tables.plan(lot, level, aql, severity);
                        String at = lot + " " + level + " " + aql.label() + " " + severity;
                        assertEquals(T.codeLetter(lot, level), plan.codeLetter(), at);
                        assertEquals(tables.sampleSize(plan.planCodeLetter(), severity), plan.tableSampleSize(), at);
                        assertEquals(Math.min(lot, plan.tableSampleSize()), plan.sampleSize(), at);
                        assertEquals(plan.tableSampleSize() >= lot, plan.fullInspection(), at);
                        if (severity == Severity.REDUCED) {
                            assertTrue(plan.rejectionNumber() > plan.acceptanceNumber(), at);
                        } else {
                            assertEquals(plan.acceptanceNumber() + 1, plan.rejectionNumber(), at);
                        }
                        resolved++;
                    }
                }
            }
        }
        assertEquals(30 * 7 * 26 * 3, resolved);
    }

    @Test
    void fixedAndFullInspectionPlansJudgeLotsLikeTablePlans() {
        FixedSamplePlan fixed = FixedSamplePlan.of(50, 1);
        assertEquals(2, fixed.rejectionNumber());
        assertTrue(fixed.accepts(1));
        assertFalse(fixed.accepts(2));
        FullInspectionPlan all = new FullInspectionPlan(37, 0);
        assertEquals(37, all.sampleSize());
        assertEquals(1, all.rejectionNumber());
        assertTrue(all.accepts(0));
        assertFalse(all.accepts(1));
        assertThrows(IllegalArgumentException.class, () -> new FixedSamplePlan(10, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new FullInspectionPlan(0, 0));
        assertThrows(IllegalArgumentException.class, () -> all.accepts(-1));
    }

    @Test
    void aqlsAreParsedByValueAndOnlyPreferredValuesExist() {
        assertEquals(Aql.AQL_1_0, Aql.of("1"));
        assertEquals(Aql.AQL_1_0, Aql.of(new BigDecimal("1.00")));
        assertEquals(Aql.AQL_0_010, Aql.of("0.01"));
        assertEquals(Aql.AQL_0_65, Aql.AQL_1_0.oneStepTighter().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> Aql.of("2.0"));
        assertEquals(26, Aql.values().length);
    }
}
