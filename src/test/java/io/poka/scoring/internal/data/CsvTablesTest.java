package io.poka.scoring.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTablesTest {

    @Test
    void parsesHeaderRowsAndMissingValues() {
        NumericTable t = CsvTables.parse("a,b\n1,2\n3,\nNA,4.5\n");
        assertEquals(List.of("a", "b"), t.variables());
        assertEquals(3, t.rowCount());
        assertTrue(Double.isNaN(t.rows()[1][1]));
        assertTrue(Double.isNaN(t.rows()[2][0]));
        assertEquals(4.5, t.rows()[2][1]);
    }

    @Test
    void aNonNumericCellIsRejectedWithItsLineAndColumn() {
        UnusableData e = assertThrows(UnusableData.class, () -> CsvTables.parse("a,b\n1,2\n3,abc\n"));
        assertEquals("non-numeric", e.extensions().get("reason"));
        assertEquals(3L, e.extensions().get("line"));
        assertEquals("b", e.extensions().get("column"));
        assertEquals(422, e.status());
    }

    @Test
    void aFileWithoutHeaderOrWithRaggedRowsIsRejected() {
        assertEquals("missing-header", assertThrows(UnusableData.class, () -> CsvTables.parse("1,2\n3,4\n"))
                .extensions().get("reason"));
        assertEquals("ragged-row", assertThrows(UnusableData.class, () -> CsvTables.parse("a,b\n1,2\n3\n"))
                .extensions().get("reason"));
        assertEquals("duplicate-column", assertThrows(UnusableData.class, () -> CsvTables.parse("a,a\n1,2\n"))
                .extensions().get("reason"));
    }

    @Test
    void theFingerprintDependsOnTheNumbersNotOnTheirFormatting() {
        String a = CsvTables.parse("x,y\n1,2.50\n1e1,-0.5\n").fingerprint();
        String b = CsvTables.parse("\"x\",\"y\"\r\n1.0,2.5\r\n10,-5e-1\r\n").fingerprint();
        String c = CsvTables.parse("x,y\n1,2.5\n10,-0.4\n").fingerprint();
        assertEquals(a, b);
        assertTrue(!a.equals(c));
        assertEquals(64, a.length());
    }

    @Test
    void semicolonTabAndWhitespaceSeparatedFilesParseLikeCommaSeparatedOnes() {
        String comma = CsvTables.parse("x,y\n1,2.5\n3,4\n").fingerprint();
        assertEquals(comma, CsvTables.parse("x;y\n1;2.5\n3;4\n").fingerprint());
        assertEquals(comma, CsvTables.parse("x\ty\n1\t2.5\n3\t4\n").fingerprint());
        assertEquals(comma, CsvTables.parse("  x    y\n  1  2.5\n  3  4\n").fingerprint());
        assertEquals(comma, CsvTables.parse("\uFEFFx,y\r\n1,2.5\r\n3,4\r\n").fingerprint());
    }

    @Test
    void aFileWithoutHeaderSaysMissingHeaderAndWhichDelimiterWasUsed() {
        UnusableData e = assertThrows(UnusableData.class,
                () -> CsvTables.parse("  2.5e-01  3.76e+03  4.50e+03\n  2.4e-01  3.71e+03  4.51e+03\n"));
        assertEquals("missing-header", e.extensions().get("reason"));
        assertEquals("whitespace", e.extensions().get("delimiter"));
        assertTrue(e.getMessage().startsWith("Missing header"), e.getMessage());
        assertEquals("semicolon", assertThrows(UnusableData.class, () -> CsvTables.parse("1;2\n3;4\n"))
                .extensions().get("delimiter"));
    }

    @Test
    void aQuotedNameWithACommaIsOneColumnAndSurvivesTheStoredForm() {
        NumericTable t = CsvTables.parse("\"temperature, degC\",pressure\n20.5,1.2\n21,1.3\n");
        assertEquals(List.of("temperature, degC", "pressure"), t.variables());
        NumericTable again = CsvTables.parseCanonical(t.canonicalCsv());
        assertEquals(t.variables(), again.variables());
        assertEquals(t.fingerprint(), again.fingerprint());
    }

    @Test
    void aNonNumericCellOfASemicolonFileNamesTheCellNotTheWholeLine() {
        UnusableData e = assertThrows(UnusableData.class, () -> CsvTables.parse("a;b\n1;2\n3;x\n"));
        assertEquals("b", e.extensions().get("column"));
        assertEquals("semicolon", e.extensions().get("delimiter"));
    }

    @Test
    void aNameIsANumberExactlyWhenJavaParsesItAsOne() {
        for (String s : List.of("1", " 2.5 ", "-3e4", "+.5", ".5e-3", "NaN", "Infinity", "-Infinity", "0x1p3", "1d",
                "2F", "\t7", "xmeas-01", "a1", "", "  ", "N", "Inf", "-", "+x", "1.2.3", "e5", "nan", "infinity",
                "temperature, degC", "\u00e92")) {
            boolean parses;
            try {
                Double.parseDouble(s);
                parses = true;
            } catch (NumberFormatException e) {
                parses = false;
            }
            assertEquals(parses, CsvTables.isNumber(s), "'" + s + "'");
        }
    }
}
