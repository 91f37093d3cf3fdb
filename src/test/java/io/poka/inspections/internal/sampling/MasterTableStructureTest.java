package io.poka.inspections.internal.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Structural properties of ISO 2859-1:1999 Tables 2-A, 2-B and ANSI/ASQ Z1.4-2003 Table II-C that hold for every
 * cell of the printed
 * tables (plans constant along the arrow diagonals, sample sizes in the R10 series, reduced sample size two
 * letters back, tightened never looser than normal), plus an external cross-check of the arrows and
 * rejection numbers against the MIL-STD-105E transcription published at
 * http://www.nibs.org/FMOC/DPW_AC/AC-TABLE.ASC (AQL 0.65 to 15).
 */
class MasterTableStructureTest {

    private static final SamplingTables T = SamplingTables.iso2859_1_1999();
    private static final SamplingTables Z14 = SamplingTables.ansiAsqZ1_4_2003();
    private static final List<Severity> NORMAL_AND_TIGHTENED = List.of(Severity.NORMAL, Severity.TIGHTENED);
    private static final List<CodeLetter> A_TO_R = List.of(CodeLetter.values()).subList(0, 16);

    @Test
    void normalAndTightenedSampleSizesFollowThePrintedSeries() {
        int[] expected = {2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000};
        for (int i = 0; i < 16; i++) {
            assertEquals(expected[i], T.sampleSize(A_TO_R.get(i), Severity.NORMAL));
            assertEquals(expected[i], T.sampleSize(A_TO_R.get(i), Severity.TIGHTENED));
        }
        assertEquals(3150, T.sampleSize(CodeLetter.S, Severity.TIGHTENED));
    }

    @Test
    void reducedSampleSizeIsTheNormalSampleSizeTwoLettersEarlier() {
        int[] expected = {2, 2, 2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800};
        for (int i = 0; i < 16; i++) {
            assertEquals(expected[i], Z14.sampleSize(A_TO_R.get(i), Severity.REDUCED));
            if (i >= 2) {
                assertEquals(T.sampleSize(A_TO_R.get(i - 2), Severity.NORMAL), Z14.sampleSize(A_TO_R.get(i), Severity.REDUCED));
            }
        }
    }

    @Test
    void successiveSampleSizesGrowByAFactorOfAboutOnePointSix() {
        for (int i = 1; i < 16; i++) {
            double ratio = (double) T.sampleSize(A_TO_R.get(i), Severity.NORMAL) / T.sampleSize(A_TO_R.get(i - 1), Severity.NORMAL);
            assertTrue(ratio >= 1.5 && ratio <= 1.67, A_TO_R.get(i) + ": " + ratio);
        }
    }

    @Test
    void everyPrintedPlanIsConstantAlongItsDiagonal() {
        // one step down a column (n x ~1.6) and one step left along a row (AQL / ~1.6) keep n x AQL, hence the plan
        // (not in the Z1.4 reduced table, whose rows A..C share n = 2)
        for (Severity severity : NORMAL_AND_TIGHTENED) {
            Map<Integer, MasterCell> byDiagonal = new HashMap<>();
            for (int i = 0; i < 16; i++) {
                for (Aql aql : Aql.values()) {
                    MasterCell cell = T.cell(severity, A_TO_R.get(i), aql);
                    if (cell.isPlan()) {
                        MasterCell seen = byDiagonal.putIfAbsent(i + aql.ordinal(), cell);
                        assertTrue(seen == null || seen.equals(cell),
                                severity + " " + A_TO_R.get(i) + "/" + aql.label() + " " + cell + " vs " + seen);
                    }
                }
            }
        }
    }

    @Test
    void everyNormalAndTightenedPlanRejectsAtOneMoreThanItAccepts() {
        for (Severity severity : NORMAL_AND_TIGHTENED) {
            for (CodeLetter letter : T.codeLetters(severity)) {
                for (Aql aql : Aql.values()) {
                    MasterCell cell = T.cell(severity, letter, aql);
                    if (cell.isPlan()) {
                        assertEquals(cell.acceptanceNumber() + 1, cell.rejectionNumber(), severity + " " + letter + "/" + aql.label());
                    }
                }
            }
        }
    }

    @Test
    void acceptanceNumbersNeverDecreaseAlongARowOrDownAColumn() {
        for (Severity severity : NORMAL_AND_TIGHTENED) {
            for (CodeLetter letter : A_TO_R) {
                int last = -1;
                for (Aql aql : Aql.values()) {
                    MasterCell cell = T.cell(severity, letter, aql);
                    if (cell.isPlan()) {
                        assertTrue(cell.acceptanceNumber() > last, severity + " row " + letter + " at " + aql.label());
                        last = cell.acceptanceNumber();
                    }
                }
            }
            for (Aql aql : Aql.values()) {
                int last = -1;
                for (CodeLetter letter : A_TO_R) {
                    MasterCell cell = T.cell(severity, letter, aql);
                    if (cell.isPlan()) {
                        assertTrue(cell.acceptanceNumber() > last, severity + " column " + aql.label() + " at " + letter);
                        last = cell.acceptanceNumber();
                    }
                }
            }
        }
    }

    @Test
    void z14ReducedRejectionNumbersRiseAlongEveryRowAndNeitherNumberFallsDownAColumn() {
        for (CodeLetter letter : A_TO_R) {
            MasterCell last = null;
            for (Aql aql : Aql.values()) {
                MasterCell cell = Z14.cell(Severity.REDUCED, letter, aql);
                if (cell.isPlan()) {
                    assertTrue(last == null || (cell.rejectionNumber() > last.rejectionNumber()
                            && cell.acceptanceNumber() >= last.acceptanceNumber()), "row " + letter + " at " + aql.label());
                    last = cell;
                }
            }
        }
        for (Aql aql : Aql.values()) {
            MasterCell last = null;
            for (CodeLetter letter : A_TO_R) {
                MasterCell cell = Z14.cell(Severity.REDUCED, letter, aql);
                if (cell.isPlan()) {
                    // rows A and B share n = 2 and print the same plan at AQL 100 .. 650
                    assertTrue(last == null || (cell.rejectionNumber() >= last.rejectionNumber()
                            && cell.acceptanceNumber() >= last.acceptanceNumber()), "column " + aql.label() + " at " + letter);
                    last = cell;
                }
            }
        }
    }

    @Test
    void isoReducedPlansShareTheReducedSampleSizesAndAcRisesAlongRowsAndNeverFallsDownColumns() {
        // ISO 2859-1:1999 Table 2-C: the same reduced sample sizes as Z1.4 II-C, Re = Ac + 1, and its plans ordered
        // like those of 2-A (rows A..C share n = 2, so a column may repeat a plan there)
        for (CodeLetter letter : A_TO_R) {
            assertEquals(Z14.sampleSize(letter, Severity.REDUCED), T.sampleSize(letter, Severity.REDUCED), letter.name());
            int last = -1;
            for (Aql aql : Aql.values()) {
                MasterCell cell = T.cell(Severity.REDUCED, letter, aql);
                if (cell.isPlan()) {
                    assertEquals(cell.acceptanceNumber() + 1, cell.rejectionNumber(), letter + "/" + aql.label());
                    assertTrue(cell.acceptanceNumber() > last, "row " + letter + " at " + aql.label());
                    last = cell.acceptanceNumber();
                }
            }
        }
        for (Aql aql : Aql.values()) {
            int last = -1;
            int lastN = 0;
            for (CodeLetter letter : A_TO_R) {
                MasterCell cell = T.cell(Severity.REDUCED, letter, aql);
                if (cell.isPlan()) {
                    assertTrue(cell.acceptanceNumber() >= last, "column " + aql.label() + " at " + letter);
                    last = cell.acceptanceNumber();
                }
                int n = T.sampleSize(T.followArrows(Severity.REDUCED, letter, aql), Severity.REDUCED);
                assertTrue(n >= lastN, "resolved n shrinks at " + letter + "/" + aql.label());
                lastN = n;
            }
        }
    }

    @Test
    void tightenedIsNeverLooserThanNormalForTheSameSample() {
        for (CodeLetter letter : A_TO_R) {
            for (Aql aql : Aql.values()) {
                MasterCell normal = T.cell(Severity.NORMAL, letter, aql);
                MasterCell tightened = T.cell(Severity.TIGHTENED, letter, aql);
                if (normal.isPlan() && tightened.isPlan()) {
                    assertTrue(tightened.acceptanceNumber() <= normal.acceptanceNumber(), letter + "/" + aql.label());
                }
            }
        }
    }

    @Test
    void everyCellOfEveryTableLeadsToAPlanAndTheResolvedSampleNeverShrinksDownAColumn() {
        for (Severity severity : Severity.values()) {
            SamplingTables tables = severity == Severity.REDUCED ? Z14 : T;
            for (Aql aql : Aql.values()) {
                int last = 0;
                for (CodeLetter letter : A_TO_R) {
                    CodeLetter used = tables.followArrows(severity, letter, aql);
                    int n = tables.sampleSize(used, severity);
                    assertTrue(n >= last, severity + " " + letter + "/" + aql.label());
                    last = n;
                }
            }
        }
    }

    @Test
    void theAcceptanceNumberOneAqlStepTighterExistsForEveryNormalPlanWithAcTwoOrMore() {
        // needed by the switching score of ISO 2859-1:1999 9.3.3: the cell left of such a plan is a plan
        for (CodeLetter letter : A_TO_R) {
            for (Aql aql : Aql.values()) {
                MasterCell cell = T.cell(Severity.NORMAL, letter, aql);
                if (cell.isPlan() && cell.acceptanceNumber() >= 2) {
                    MasterCell left = T.cell(Severity.NORMAL, letter, aql.oneStepTighter().orElseThrow());
                    assertTrue(left.isPlan() && left.acceptanceNumber() < cell.acceptanceNumber(), letter + "/" + aql.label());
                }
            }
        }
    }

    /**
     * MIL-STD-105E Table II-A (= ISO 2859-1 Table 2-A) as transcribed at nibs.org, AQL 0.65, 1.0, 1.5, 2.5,
     * 4.0, 6.5, 10, 15: "v" arrow down, "^" arrow up, a number is the rejection number Re.
     */
    private static final String[] NIBS_NORMAL = {
            "A v v v v v 1 ^ v", "B v v v v 1 ^ v 2", "C v v v 1 ^ v 2 3", "D v v 1 ^ v 2 3 4", "E v 1 ^ v 2 3 4 6",
            "F 1 ^ v 2 3 4 6 8", "G ^ v 2 3 4 6 8 11", "H v 2 3 4 6 8 11 15", "J 2 3 4 6 8 11 15 22",
            "K 3 4 6 8 11 15 22 ^", "L 4 6 8 11 15 22 ^ ^", "M 6 8 11 15 22 ^ ^ ^", "N 8 11 15 22 ^ ^ ^ ^",
            "P 11 15 22 ^ ^ ^ ^ ^", "Q 15 22 ^ ^ ^ ^ ^ ^"};

    /** MIL-STD-105E Table II-B (= ISO 2859-1 Table 2-B) from the same source, letters A..L. */
    private static final String[] NIBS_TIGHTENED = {
            "A v v v v v v v v", "B v v v v v 1 v v", "C v v v v 1 v v 2", "D v v v 1 v v 2 3", "E v v 1 v v 2 3 4",
            "F v 1 v v 2 3 4 6", "G 1 v v 2 3 4 6 9", "H v v 2 3 4 6 9 13", "J v 2 3 4 6 9 13 19",
            "K 2 3 4 6 9 13 19 ^", "L 3 4 6 9 13 19 ^ ^"};

    @Test
    void normalTableMatchesThePublishedMilStd105eTranscription() {
        crossCheck(Severity.NORMAL, NIBS_NORMAL);
    }

    @Test
    void tightenedTableMatchesThePublishedMilStd105eTranscription() {
        crossCheck(Severity.TIGHTENED, NIBS_TIGHTENED);
    }

    private static void crossCheck(Severity severity, String[] rows) {
        for (String row : rows) {
            String[] f = row.split(" ");
            CodeLetter letter = CodeLetter.valueOf(f[0]);
            for (int c = 1; c < f.length; c++) {
                Aql aql = Aql.values()[Aql.AQL_0_65.ordinal() + c - 1];
                MasterCell cell = T.cell(severity, letter, aql);
                String where = severity + " " + letter + "/" + aql.label();
                switch (f[c]) {
                    case "v" -> assertEquals(MasterCell.Kind.ARROW_DOWN, cell.kind(), where);
                    case "^" -> assertEquals(MasterCell.Kind.ARROW_UP, cell.kind(), where);
                    default -> assertEquals(Integer.parseInt(f[c]), cell.rejectionNumber(), where);
                }
            }
        }
    }
}
