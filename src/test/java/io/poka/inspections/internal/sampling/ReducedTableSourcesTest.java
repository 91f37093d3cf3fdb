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
 * document itself (kotaooka/sampling-calc, tests/mil105e-legible.js). ISO 2859-1:1999 Table 2-C is compared with the
 * GB/T 2828.1-2012 transcription it was written from and, where they exist, with two independent partial ones.
 */
class ReducedTableSourcesTest {

    private static final SamplingTables Z14 = SamplingTables.ansiAsqZ1_4_2003();
    private static final SamplingTables ISO = SamplingTables.iso2859_1_1999();
    private static final String AQLSCHEMES = "/io/poka/inspections/sampling/aqlschemes-single-sampling.csv";
    private static final String MIL_STD_105E_LEGIBLE = "/io/poka/inspections/sampling/mil-std-105e-legible-table-ii-c.csv";
    private static final String ISO_GBT2828 = "/io/poka/inspections/sampling/iso-2859-1-1999-table-2c-gbt2828.csv";
    private static final String ISO_SECOND_SOURCES =
            "/io/poka/inspections/sampling/iso-2859-1-1999-table-2c-second-sources.csv";

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
    void iso2859_1_1999OffersReducedPlansFromItsOwnTable2cWithoutAGap() {
        assertTrue(ISO.offers(Severity.REDUCED));
        assertTrue(Z14.offers(Severity.REDUCED));
        // lot 1000, level II -> J; ISO 2859-1:1999 Table 2-C: n 32, AQL 1.0 -> 1/2 (Z1.4 Table II-C: 1/3)
        TablePlan plan = ISO.plan(1000, InspectionLevel.II, Aql.AQL_1_0, Severity.REDUCED);
        assertEquals(CodeLetter.J, plan.planCodeLetter());
        assertEquals(32, plan.sampleSize());
        assertEquals(1, plan.acceptanceNumber());
        assertEquals(2, plan.rejectionNumber());
        assertFalse(plan.accepts(2));
        for (CodeLetter letter : ISO.codeLetters(Severity.REDUCED)) {
            for (Aql aql : Aql.values()) {
                MasterCell cell = ISO.cell(Severity.REDUCED, letter, aql);
                if (cell.isPlan()) {
                    assertEquals(cell.acceptanceNumber() + 1, cell.rejectionNumber(), letter + "/" + aql.label());
                }
            }
        }
    }

    @Test
    void everyResolvedIsoReducedCellAgreesWithTheGbT2828Transcription() throws IOException {
        List<String[]> rows = rows(ISO_GBT2828);
        assertEquals(16 * 26, rows.size());
        List<String> mismatches = new ArrayList<>();
        for (String[] f : rows) {
            checkIso(f[0], f[1], f[2], f[3], f[4], f[5], "GB/T 2828.1 transcription", mismatches);
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void everyIsoReducedCellOfTheSecondSourcesAgrees() throws IOException {
        List<String[]> rows = rows(ISO_SECOND_SOURCES);
        assertEquals(48, rows.stream().filter(f -> f[0].equals("INEN")).count());
        assertEquals(96, rows.stream().filter(f -> f[0].equals("GBT-PDF")).count());
        List<String> mismatches = new ArrayList<>();
        for (String[] f : rows) {
            checkIso(f[1], f[2], f[3], f[4], f[5], f[6], f[0], mismatches);
        }
        assertEquals(List.of(), mismatches);
    }

    private static void checkIso(String letter, String aql, String used, String n, String ac, String re, String source,
            List<String> mismatches) {
        CodeLetter got = ISO.followArrows(Severity.REDUCED, CodeLetter.valueOf(letter), Aql.of(aql));
        MasterCell cell = ISO.cell(Severity.REDUCED, got, Aql.of(aql));
        int size = ISO.sampleSize(got, Severity.REDUCED);
        String actual = got + " " + size + " " + cell;
        String expected = used + " " + (n.equals("-") ? size : n) + " " + ac + "/" + re;
        if (!actual.equals(expected)) {
            mismatches.add("ISO reduced " + letter + "/" + aql + ": " + actual + " vs " + source + " " + expected);
        }
    }

    private static List<String[]> rows(String resource) throws IOException {
        List<String[]> out = new ArrayList<>();
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
                out.add(line.split(","));
            }
        }
        return out;
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
        for (String[] f : rows(resource)) {
            out.add(new Expected(Severity.valueOf(f[0]), CodeLetter.valueOf(f[1]), Aql.of(f[2]),
                    Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5])));
        }
        return out;
    }
}
