package io.poka.inspections.internal.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Cell-by-cell check of the resolved single sampling plans of ISO 2859-1:1999 Tables 2-A (normal) and
 * 2-B (tightened); the reduced table of ANSI/ASQ Z1.4-2003 is checked by {@link ReducedTableSourcesTest}. For every AQL column and every code letter A..R, the sample size n
 * and acceptance number Ac of the plan reached after following the arrows, as one would read them off the
 * printed table. The expectations are written column by column ("n/Ac" per code letter, top to bottom),
 * whereas the resource files are row by row with arrows, so a transcription slip in either shows up.
 */
class MasterTableResolutionTest {

    private static final SamplingTables TABLES = SamplingTables.iso2859_1_1999();

    /** Table 2-A, resolved: per AQL, "n/Ac" for code letters A B C D E F G H J K L M N P Q R. */
    static final String[] NORMAL = {
            "0.010", "1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0",
            "0.015", "800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0",
            "0.025", "500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 2000/1 2000/1",
            "0.040", "315/0 315/0 315/0 315/0 315/0 315/0 315/0 315/0 315/0 315/0 315/0 315/0 315/0 1250/1 1250/1 2000/2",
            "0.065", "200/0 200/0 200/0 200/0 200/0 200/0 200/0 200/0 200/0 200/0 200/0 200/0 800/1 800/1 1250/2 2000/3",
            "0.10", "125/0 125/0 125/0 125/0 125/0 125/0 125/0 125/0 125/0 125/0 125/0 500/1 500/1 800/2 1250/3 2000/5",
            "0.15", "80/0 80/0 80/0 80/0 80/0 80/0 80/0 80/0 80/0 80/0 315/1 315/1 500/2 800/3 1250/5 2000/7",
            "0.25", "50/0 50/0 50/0 50/0 50/0 50/0 50/0 50/0 50/0 200/1 200/1 315/2 500/3 800/5 1250/7 2000/10",
            "0.40", "32/0 32/0 32/0 32/0 32/0 32/0 32/0 32/0 125/1 125/1 200/2 315/3 500/5 800/7 1250/10 2000/14",
            "0.65", "20/0 20/0 20/0 20/0 20/0 20/0 20/0 80/1 80/1 125/2 200/3 315/5 500/7 800/10 1250/14 2000/21",
            "1.0", "13/0 13/0 13/0 13/0 13/0 13/0 50/1 50/1 80/2 125/3 200/5 315/7 500/10 800/14 1250/21 1250/21",
            "1.5", "8/0 8/0 8/0 8/0 8/0 32/1 32/1 50/2 80/3 125/5 200/7 315/10 500/14 800/21 800/21 800/21",
            "2.5", "5/0 5/0 5/0 5/0 20/1 20/1 32/2 50/3 80/5 125/7 200/10 315/14 500/21 500/21 500/21 500/21",
            "4.0", "3/0 3/0 3/0 13/1 13/1 20/2 32/3 50/5 80/7 125/10 200/14 315/21 315/21 315/21 315/21 315/21",
            "6.5", "2/0 2/0 8/1 8/1 13/2 20/3 32/5 50/7 80/10 125/14 200/21 200/21 200/21 200/21 200/21 200/21",
            "10", "5/1 5/1 5/1 8/2 13/3 20/5 32/7 50/10 80/14 125/21 125/21 125/21 125/21 125/21 125/21 125/21",
            "15", "3/1 3/1 5/2 8/3 13/5 20/7 32/10 50/14 80/21 80/21 80/21 80/21 80/21 80/21 80/21 80/21",
            "25", "2/1 3/2 5/3 8/5 13/7 20/10 32/14 50/21 50/21 50/21 50/21 50/21 50/21 50/21 50/21 50/21",
            "40", "2/2 3/3 5/5 8/7 13/10 20/14 32/21 32/21 32/21 32/21 32/21 32/21 32/21 32/21 32/21 32/21",
            "65", "2/3 3/5 5/7 8/10 13/14 20/21 20/21 20/21 20/21 20/21 20/21 20/21 20/21 20/21 20/21 20/21",
            "100", "2/5 3/7 5/10 8/14 13/21 13/21 13/21 13/21 13/21 13/21 13/21 13/21 13/21 13/21 13/21 13/21",
            "150", "2/7 3/10 5/14 8/21 13/30 13/30 13/30 13/30 13/30 13/30 13/30 13/30 13/30 13/30 13/30 13/30",
            "250", "2/10 3/14 5/21 8/30 13/44 13/44 13/44 13/44 13/44 13/44 13/44 13/44 13/44 13/44 13/44 13/44",
            "400", "2/14 3/21 5/30 8/44 8/44 8/44 8/44 8/44 8/44 8/44 8/44 8/44 8/44 8/44 8/44 8/44",
            "650", "2/21 3/30 5/44 5/44 5/44 5/44 5/44 5/44 5/44 5/44 5/44 5/44 5/44 5/44 5/44 5/44",
            "1000", "2/30 3/44 3/44 3/44 3/44 3/44 3/44 3/44 3/44 3/44 3/44 3/44 3/44 3/44 3/44 3/44",
    };

    /** Table 2-B, resolved (arrows of row R lead to row S, n = 3150). */
    static final String[] TIGHTENED = {
            "0.010", "2000/0 2000/0 2000/0 2000/0 2000/0 2000/0 2000/0 2000/0 2000/0 2000/0 2000/0 2000/0 2000/0 2000/0 2000/0 2000/0",
            "0.015", "1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0 1250/0",
            "0.025", "800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 800/0 3150/1 3150/1",
            "0.040", "500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 500/0 2000/1 2000/1 2000/1",
            "0.065", "315/0 315/0 315/0 315/0 315/0 315/0 315/0 315/0 315/0 315/0 315/0 315/0 1250/1 1250/1 1250/1 2000/2",
            "0.10", "200/0 200/0 200/0 200/0 200/0 200/0 200/0 200/0 200/0 200/0 200/0 800/1 800/1 800/1 1250/2 2000/3",
            "0.15", "125/0 125/0 125/0 125/0 125/0 125/0 125/0 125/0 125/0 125/0 500/1 500/1 500/1 800/2 1250/3 2000/5",
            "0.25", "80/0 80/0 80/0 80/0 80/0 80/0 80/0 80/0 80/0 315/1 315/1 315/1 500/2 800/3 1250/5 2000/8",
            "0.40", "50/0 50/0 50/0 50/0 50/0 50/0 50/0 50/0 200/1 200/1 200/1 315/2 500/3 800/5 1250/8 2000/12",
            "0.65", "32/0 32/0 32/0 32/0 32/0 32/0 32/0 125/1 125/1 125/1 200/2 315/3 500/5 800/8 1250/12 2000/18",
            "1.0", "20/0 20/0 20/0 20/0 20/0 20/0 80/1 80/1 80/1 125/2 200/3 315/5 500/8 800/12 1250/18 1250/18",
            "1.5", "13/0 13/0 13/0 13/0 13/0 50/1 50/1 50/1 80/2 125/3 200/5 315/8 500/12 800/18 800/18 800/18",
            "2.5", "8/0 8/0 8/0 8/0 32/1 32/1 32/1 50/2 80/3 125/5 200/8 315/12 500/18 500/18 500/18 500/18",
            "4.0", "5/0 5/0 5/0 20/1 20/1 20/1 32/2 50/3 80/5 125/8 200/12 315/18 315/18 315/18 315/18 315/18",
            "6.5", "3/0 3/0 13/1 13/1 13/1 20/2 32/3 50/5 80/8 125/12 200/18 200/18 200/18 200/18 200/18 200/18",
            "10", "8/1 8/1 8/1 8/1 13/2 20/3 32/5 50/8 80/12 125/18 125/18 125/18 125/18 125/18 125/18 125/18",
            "15", "5/1 5/1 5/1 8/2 13/3 20/5 32/8 50/12 80/18 80/18 80/18 80/18 80/18 80/18 80/18 80/18",
            "25", "3/1 3/1 5/2 8/3 13/5 20/8 32/12 50/18 50/18 50/18 50/18 50/18 50/18 50/18 50/18 50/18",
            "40", "2/1 3/2 5/3 8/5 13/8 20/12 32/18 32/18 32/18 32/18 32/18 32/18 32/18 32/18 32/18 32/18",
            "65", "2/2 3/3 5/5 8/8 13/12 20/18 20/18 20/18 20/18 20/18 20/18 20/18 20/18 20/18 20/18 20/18",
            "100", "2/3 3/5 5/8 8/12 13/18 13/18 13/18 13/18 13/18 13/18 13/18 13/18 13/18 13/18 13/18 13/18",
            "150", "2/5 3/8 5/12 8/18 13/27 13/27 13/27 13/27 13/27 13/27 13/27 13/27 13/27 13/27 13/27 13/27",
            "250", "2/8 3/12 5/18 8/27 13/41 13/41 13/41 13/41 13/41 13/41 13/41 13/41 13/41 13/41 13/41 13/41",
            "400", "2/12 3/18 5/27 8/41 8/41 8/41 8/41 8/41 8/41 8/41 8/41 8/41 8/41 8/41 8/41 8/41",
            "650", "2/18 3/27 5/41 5/41 5/41 5/41 5/41 5/41 5/41 5/41 5/41 5/41 5/41 5/41 5/41 5/41",
            "1000", "2/27 3/41 3/41 3/41 3/41 3/41 3/41 3/41 3/41 3/41 3/41 3/41 3/41 3/41 3/41 3/41",
    };

    @TestFactory
    Stream<DynamicTest> normalTableResolvesEveryCellToThePrintedPlan() {
        return cells(Severity.NORMAL, NORMAL);
    }

    @TestFactory
    Stream<DynamicTest> tightenedTableResolvesEveryCellToThePrintedPlan() {
        return cells(Severity.TIGHTENED, TIGHTENED);
    }

    private static Stream<DynamicTest> cells(Severity severity, String[] expected) {
        assertEquals(2 * Aql.values().length, expected.length, "one line per AQL");
        List<DynamicTest> tests = new ArrayList<>();
        for (int k = 0; k < expected.length; k += 2) {
            Aql aql = Aql.of(expected[k]);
            String[] perLetter = expected[k + 1].split(" ");
            assertEquals(16, perLetter.length, "16 code letters for AQL " + aql.label());
            for (int i = 0; i < 16; i++) {
                CodeLetter letter = CodeLetter.values()[i];
                int n = Integer.parseInt(perLetter[i].split("/")[0]);
                int ac = Integer.parseInt(perLetter[i].split("/")[1]);
                tests.add(DynamicTest.dynamicTest(severity + " " + letter + " AQL " + aql.label() + " -> n=" + n + " Ac=" + ac, () -> {
                    TablePlan plan = planFor(letter, aql, severity);
                    assertEquals(letter, plan.codeLetter());
                    assertEquals(n, plan.tableSampleSize(), "n");
                    assertEquals(ac, plan.acceptanceNumber(), "Ac");
                    assertEquals(ac + 1, plan.rejectionNumber(), "Re");
                    assertEquals(n, TABLES.sampleSize(plan.planCodeLetter(), severity), "n belongs to the row reached");
                    assertTrue(TABLES.cell(severity, plan.planCodeLetter(), aql).isPlan());
                }));
            }
        }
        return tests.stream();
    }

    /** Drives Table 1 to the wanted code letter: the top of a level II range, or level III above 500 000 for R. */
    static TablePlan planFor(CodeLetter letter, Aql aql, Severity severity) {
        int[] level2Tops = {8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000, 1_000_000};
        if (letter == CodeLetter.R) {
            return TABLES.plan(1_000_000, InspectionLevel.III, aql, severity);
        }
        return TABLES.plan(level2Tops[letter.ordinal()], InspectionLevel.II, aql, severity);
    }
}
