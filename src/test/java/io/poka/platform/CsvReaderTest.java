package io.poka.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.platform.CsvReader.Delimiter;
import io.poka.platform.CsvReader.Row;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<List<String>> cells(CsvReader reader) {
        return reader.readAll().stream().map(Row::cells).toList();
    }

    @Test
    void detectsCommaSemicolonTabAndWhitespace() {
        assertEquals(Delimiter.COMMA, CsvReader.of("a,b,c\n1,2,3\n").delimiter());
        assertEquals(Delimiter.SEMICOLON, CsvReader.of("a;b\n1,5;2,5\n3,0;4,0\n").delimiter());
        assertEquals(Delimiter.TAB, CsvReader.of("a\tb\n1\t2\n").delimiter());
        CsvReader ws = CsvReader.of("  a   b\tc\n 1.0  2.0   3.0\n");
        assertEquals(Delimiter.WHITESPACE, ws.delimiter());
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1.0", "2.0", "3.0")), cells(ws));
    }

    @Test
    void aQuotedCellKeepsItsDelimitersQuotesAndLineBreaks() {
        CsvReader r = CsvReader.of("name,comment\r\nx,\"one, two\"\r\ny,\"say \"\"hi\"\"\nthen go\"\r\n");
        assertEquals(Delimiter.COMMA, r.delimiter());
        List<Row> rows = r.readAll();
        assertEquals(List.of("x", "one, two"), rows.get(1).cells());
        assertEquals(List.of("y", "say \"hi\"\nthen go"), rows.get(2).cells());
        assertEquals(3, rows.get(2).line());
    }

    @Test
    void aByteOrderMarkIsDroppedAndBlankLinesSkippedWithTheirLineNumbersKept() {
        List<Row> rows = CsvReader.of("\uFEFFa,b\n\n1,2\n\n3,4\n").readAll();
        assertEquals(List.of("a", "b"), rows.get(0).cells());
        assertEquals(3, rows.size());
        assertEquals(3, rows.get(1).line());
        assertEquals(5, rows.get(2).line());
    }

    @Test
    void emptyCellsStayInCommaFilesAndCellsAreTrimmed() {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "", "3")), cells(CsvReader.of("a, b ,c\n1,,3\n")));
    }

    @Test
    void aSingleColumnIsReadAsComma() {
        CsvReader r = CsvReader.of("x\n1\n2\n");
        assertEquals(Delimiter.COMMA, r.delimiter());
        assertEquals(3, r.readAll().size());
    }

    @Test
    void hashLinesAreCommentsOnlyWhenAsked() {
        String text = "# source: ISO 2859-1\nfrom,to\n2,8\n";
        assertEquals(2, CsvReader.openWithComments(new StringReader(text), Delimiter.COMMA).readAll().size());
        assertEquals(3, CsvReader.open(new StringReader(text), Delimiter.COMMA).readAll().size());
    }

    @Test
    void anUnclosedQuoteIsAProblemWithItsLine() {
        CsvReader.MalformedCsv e = assertThrows(CsvReader.MalformedCsv.class,
                () -> CsvReader.of("a,b\n1,\"open\n").readAll());
        assertEquals(422, e.status());
        assertEquals("comma", e.extensions().get("delimiter"));
    }

    @Test
    void aLineOfNumbersIsNotAHeader() {
        assertTrue(CsvReader.allNumeric(List.of("1", "2.5", "-3e2")));
        assertFalse(CsvReader.allNumeric(List.of("1", "x")));
        assertFalse(CsvReader.allNumeric(List.of()));
    }

    @Test
    void theDelimiterIsDetectedFromTheSampleOnly() {
        StringBuilder text = new StringBuilder("a;b\n");
        for (int i = 0; i < 50_000; i++) {
            text.append(i).append(';').append(i * 2).append('\n');
        }
        CsvReader r = CsvReader.of(text.toString());
        assertEquals(Delimiter.SEMICOLON, r.delimiter());
        assertEquals(50_001, r.readAll().size());
    }
}
