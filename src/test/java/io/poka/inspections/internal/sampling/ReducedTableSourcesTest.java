package io.poka.inspections.internal.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Every cell of the master tables against a transcription kept apart in the test resources: the resolved plans of
 * the R package AQLSchemes (J. S. Lawson, CRAN 1.7-2, R/AAZ14Single.R), plus the two reduced cells named in issue 13
 * from the published ANSI/ASQ Z1.4 Table II-C. For Tables 2-A and 2-B AQLSchemes is independent of how Poka's files
 * were written; the Z1.4 reduced file took its values from AQLSchemes, so every reduced cell is also compared with a
 * second, independent transcription: the plans mechanically extracted from a legible copy of the MIL-STD-105E
 * document itself (kotaooka/sampling-calc, tests/mil105e-legible.js).
 */
class ReducedTableSourcesTest {

    private static final SamplingTables Z14 = SamplingTables.ansiAsqZ1_4_2003();
    private static final SamplingTables ISO = SamplingTables.iso2859_1_1999();
    private static final String AQLSCHEMES = "/io/poka/inspections/sampling/aqlschemes-single-sampling.csv";
    private static final String MIL_STD_105E_LEGIBLE = "/io/poka/inspections/sampling/mil-std-105e-legible-table-ii-c.csv";

    private record Expected(Severity severity, CodeLetter letter, Aql aql, int n, int ac, int re) {
    }

    @Test
    void reducedJAtAql1_0AcceptsOneAndRejectsAtThree() {
        // ANSI/ASQ Z1.4-2003 Table II-C (as quoted in issue 13): J, reduced n = 32, AQL 1.0 -> Ac 1 (Re 3)
        MasterCell cell = Z14.cell(Severity.REDUCED, CodeLetter.J, Aql.AQL_1_0);
        assertEquals(32, Z14.sampleSize(CodeLetter.J, Severity.REDUCED));
        assertEquals("1/3", cell.toString());
        TablePlan plan = Z14.plan(1000, InspectionLevel.II, Aql.AQL_1_0, Severity.REDUCED);
        assertEquals(CodeLetter.J, plan.planCodeLetter());
        assertTrue(plan.accepts(2), "2 lies between Ac 1 and Re 3");
        assertTrue(plan.betweenAcceptanceAndRejection(2));
        assertFalse(plan.accepts(3));
    }

    @Test
    void reducedLAtAql6_5Is10Over13() {
        // ANSI/ASQ Z1.4-2003 Table II-C (as quoted in issue 13): L, reduced n = 80, AQL 6.5 -> Ac 10, Re 13
        assertEquals(80, Z14.sampleSize(CodeLetter.L, Severity.REDUCED));
        assertEquals("10/13", Z14.cell(Severity.REDUCED, CodeLetter.L, Aql.AQL_6_5).toString());
    }

    @Test
    void everyResolvedCellOfTheThreeTablesAgreesWithTheAqlSchemesTranscription() throws IOException {
        List<Expected> expected = load(AQLSCHEMES);
        assertEquals(3 * 16 * 26, expected.size());
        List<String> mismatches = new ArrayList<>();
        for (Expected e : expected) {
            check(Z14, e, "AQLSchemes", mismatches);
            if (e.severity() != Severity.REDUCED) {
                check(ISO, e, "AQLSchemes", mismatches);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void everyResolvedReducedCellAgreesWithTheMilStd105eDocumentExtraction() throws IOException {
        List<Expected> expected = load(MIL_STD_105E_LEGIBLE);
        assertEquals(16 * 26, expected.size());
        List<String> mismatches = new ArrayList<>();
        for (Expected e : expected) {
            assertEquals(Severity.REDUCED, e.severity());
            check(Z14, e, "MIL-STD-105E legible copy", mismatches);
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void iso2859_1_1999HasNoReducedPlansInPoka() {
        assertFalse(ISO.offers(Severity.REDUCED));
        assertTrue(Z14.offers(Severity.REDUCED));
        assertThrows(IllegalArgumentException.class,
                () -> ISO.plan(1000, InspectionLevel.II, Aql.AQL_1_0, Severity.REDUCED));
    }

    @Test
    void z14ReducedPlansHaveAGapBetweenAcAndReOutsideRowA() {
        int gaps = 0;
        for (CodeLetter letter : Z14.codeLetters(Severity.REDUCED)) {
            for (Aql aql : Aql.values()) {
                MasterCell cell = Z14.cell(Severity.REDUCED, letter, aql);
                if (cell.isPlan() && cell.rejectionNumber() > cell.acceptanceNumber() + 1) {
                    gaps++;
                }
            }
        }
        // rows C..R: 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 (and 14/17, 21/24 in C..E); row B: 0/2 1/3 2/4 3/5
        assertEquals(122, gaps);
    }

    private static void check(SamplingTables tables, Expected e, String source, List<String> mismatches) {
        CodeLetter used = tables.followArrows(e.severity(), e.letter(), e.aql());
        MasterCell cell = tables.cell(e.severity(), used, e.aql());
        int n = tables.sampleSize(used, e.severity());
        if (n != e.n() || cell.acceptanceNumber() != e.ac() || cell.rejectionNumber() != e.re()) {
            mismatches.add(tables.standard() + " " + e.severity() + " " + e.letter() + "/" + e.aql().label() + ": "
                    + n + " " + cell + " vs " + source + " " + e.n() + " " + e.ac() + "/" + e.re());
        }
    }

    private static List<Expected> load(String resource) throws IOException {
        List<Expected> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ReducedTableSourcesTest.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                out.add(new Expected(Severity.valueOf(f[0]), CodeLetter.valueOf(f[1]), Aql.of(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5])));
            }
        }
        return out;
    }
}
