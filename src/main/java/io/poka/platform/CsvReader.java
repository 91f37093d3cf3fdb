package io.poka.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The one way Poka reads delimited text, uploads and bundled tables alike: jackson-dataformat-csv does the RFC 4180
 * work (quoted cells with delimiters, doubled quotes and line breaks, CRLF) while this class adds what uploads need:
 * a UTF-8 byte-order mark is dropped, the delimiter is detected from a sample of lines, and rows stream with the
 * line number they start on. Cells are trimmed; blank lines are skipped.
 */
public final class CsvReader implements Closeable, Iterator<CsvReader.Row> {

    /** The delimiters Poka recognises; {@link #WHITESPACE} is any run of spaces and tabs. */
    public enum Delimiter {
        COMMA(',', "comma"), SEMICOLON(';', "semicolon"), TAB('\t', "tab"), WHITESPACE(' ', "whitespace");

        private final char separator;
        private final String label;

        Delimiter(char separator, String label) {
            this.separator = separator;
            this.label = label;
        }

        /** The name a user reads in messages: comma, semicolon, tab or whitespace. */
        public String label() {
            return label;
        }

        char separator() {
            return separator;
        }
    }

    /** One record: the 1-based line it starts on, and its cells (trimmed, never null). */
    public record Row(long line, List<String> cells) {
    }

    /** Text that is not valid delimited text (an unclosed quote, for instance): 422 with the line. */
    public static final class MalformedCsv extends ProblemException {
        MalformedCsv(long line, Delimiter delimiter, String reason) {
            super(422, "csv/malformed", "Malformed CSV", "Line " + line + " (" + delimiter.label() + "-separated): "
                    + reason);
            with("line", line);
            with("delimiter", delimiter.label());
        }
    }

    /** Lines looked at to detect the delimiter, and the most characters read for them. */
    static final int SAMPLE_LINES = 20;
    static final int SAMPLE_CHARS = 64 * 1024;

    private static final CsvFactory PLAIN = CsvFactory.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    private static final CsvFactory COMMENTED = CsvFactory.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.ALLOW_COMMENTS).build();
    private static final char BOM = '\uFEFF';

    private final Delimiter delimiter;
    private final CsvParser parser;
    private Row next;

    private CsvReader(Reader in, Delimiter delimiter, boolean hashComments) throws IOException {
        this.delimiter = delimiter;
        Reader source = delimiter == Delimiter.WHITESPACE ? new TabsAsSpaces(in) : in;
        parser = (hashComments ? COMMENTED : PLAIN).createParser(source);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter.separator).withQuoteChar('"'));
    }

    /** Reads text whose delimiter is detected from its first lines. */
    public static CsvReader of(String text) {
        return open(new StringReader(text == null ? "" : text));
    }

    /** Reads a stream whose delimiter is detected from its first lines (the stream is not read beyond a sample). */
    public static CsvReader open(Reader in) {
        return open(in, null, false);
    }

    /** Reads a stream with a known delimiter. */
    public static CsvReader open(Reader in, Delimiter delimiter) {
        return open(in, delimiter, false);
    }

    /** Reads a bundled table with a known delimiter whose lines starting with '#' are comments. */
    public static CsvReader openWithComments(Reader in, Delimiter delimiter) {
        return open(in, delimiter, true);
    }

    private static CsvReader open(Reader in, Delimiter fixed, boolean hashComments) {
        try {
            BufferedReader buffered = new BufferedReader(in, SAMPLE_CHARS + 1);
            buffered.mark(1);
            if (buffered.read() != BOM) {
                buffered.reset();
            }
            Delimiter delimiter = fixed;
            if (delimiter == null) {
                buffered.mark(SAMPLE_CHARS);
                char[] sample = new char[SAMPLE_CHARS];
                int n = 0;
                for (int r; n < sample.length && (r = buffered.read(sample, n, sample.length - n)) > 0;) {
                    n += r;
                }
                buffered.reset();
                delimiter = DelimiterDetection.detect(new String(sample, 0, n), n < sample.length, hashComments);
            }
            return new CsvReader(buffered, delimiter, hashComments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The delimiter in use (detected or given). */
    public Delimiter delimiter() {
        return delimiter;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = fetch();
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
    }

    /** Every remaining row (for small tables; large uploads should iterate). */
    public List<Row> readAll() {
        List<Row> rows = new ArrayList<>();
        forEachRemaining(rows::add);
        return rows;
    }

    /** True when every cell parses as a number: such a first line is data, not a header of names. */
    public static boolean allNumeric(List<String> cells) {
        if (cells.isEmpty()) {
            return false;
        }
        for (String cell : cells) {
            try {
                Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private Row fetch() {
        try {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t != JsonToken.START_ARRAY) {
                    continue;
                }
                long line = 0;
                List<String> cells = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (line == 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    String cell = parser.getText();
                    if (delimiter != Delimiter.WHITESPACE || !cell.isEmpty()) {
                        cells.add(cell);
                    }
                }
                if (cells.isEmpty() || cells.size() == 1 && cells.get(0).isEmpty()) {
                    continue;
                }
                return new Row(line, cells);
            }
            return null;
        } catch (JsonProcessingException e) {
            throw new MalformedCsv(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), delimiter,
                    JsonProblems.sanitize(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whitespace-separated text is parsed with a space delimiter; tabs become spaces and empty cells are dropped. */
    private static final class TabsAsSpaces extends FilterReader {
        TabsAsSpaces(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            return c == '\t' ? ' ' : c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\t') {
                    buffer[i] = ' ';
                }
            }
            return n;
        }
    }
}
